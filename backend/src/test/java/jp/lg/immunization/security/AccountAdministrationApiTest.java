package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** R08: accounts are personal, made by an administrator with a temporary password the user must replace. */
@IntegrationTest
class AccountAdministrationApiTest {

  private static final String TEMPORARY = "kumagaya-summer-heat-2026";

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordChanges passwords;

  private String username;

  @BeforeEach
  void aFreshUsername() {
    username = "new." + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void R08_anAdministratorCreatesAPersonalAccountWhoseTemporaryPasswordMustBeChangedFirst() throws Exception {
    create(username, TEMPORARY).andExpect(status().isCreated())
        .andExpect(jsonPath("$.username").value(username))
        .andExpect(jsonPath("$.roles[0]").value("STAFF"))
        .andExpect(jsonPath("$.permissions[0]").value("PRINT"))
        .andExpect(jsonPath("$.validUntil").value("2099-03-31"));
    assertThat(passwords.expired(username)).as("the temporary password counts as expired").isTrue();
    assertThat(jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, username))
        .doesNotContain(TEMPORARY);
    assertThat(jdbc.queryForObject("select detail from audit_event where operation = 'ACCOUNT_CREATED' order by id desc limit 1",
        String.class)).startsWith("account=" + username);
    mvc.perform(get("/api/tasks").with(users.as(username))).andExpect(status().isOk());
  }

  @Test
  void R08_aWeakOrTakenAccountIsRefusedWithItsReasonsAndNothingIsCreated() throws Exception {
    create(username, "password").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.temporaryPassword", Matchers.containsString("12文字以上")));
    create("X", TEMPORARY).andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.username").exists());
    assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username)).isZero();
    create("staff1", TEMPORARY).andExpect(status().isConflict())
        .andExpect(jsonPath("$.message").value("ユーザーID「staff1」は既に使われています。"));
  }

  @Test
  void anAccessChangeNeedsTheCurrentVersionAndIsNotForOnesOwnAccount() throws Exception {
    create(username, TEMPORARY).andExpect(status().isCreated());
    access(username, "SUPERVISOR", 0).andExpect(status().isOk())
        .andExpect(jsonPath("$.roles[0]").value("SUPERVISOR"))
        .andExpect(jsonPath("$.accessVersion").value(1));
    access(username, "MANAGER", 0).andExpect(status().isConflict())
        .andExpect(jsonPath("$.message").value("ほかの管理者が先に変更しました。画面を読み込み直してください。"));
    assertThat(jdbc.queryForObject("select roles[1] from app_user where username = ?", String.class, username))
        .isEqualTo("SUPERVISOR");
    access("admin1", "STAFF", 0).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("自分自身の権限は変更できません。別の管理者に依頼してください。"));
  }

  @Test
  void R08_aTemporaryPasswordUnlocksTheAccountAndMustBeChangedAtTheNextLogin() throws Exception {
    create(username, TEMPORARY).andExpect(status().isCreated());
    jdbc.update("""
        update app_user set password_changed_at = now(), failed_logins = 5, locked_until = now() + interval '1 hour'
        where username = ?""", username);
    assertThat(passwords.expired(username)).isFalse();
    mvc.perform(post("/api/admin/accounts/" + username + "/temporary-password").with(users.as("admin1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"temporaryPassword\":\"chichibu-night-festival-9\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lockedUntil").value(Matchers.nullValue()));
    assertThat(passwords.expired(username)).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'ACCOUNT_PASSWORD_RESET' and detail like ?",
        Integer.class, "account=" + username + " %")).isEqualTo(1);
  }

  private ResultActions create(String name, String password) throws Exception {
    return mvc.perform(post("/api/admin/accounts").with(users.as("admin1")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content("""
            {"username":"%s","displayName":"新任 職員","departmentCode":"boshi","roles":["STAFF"],
             "permissions":["PRINT"],"validUntil":"2099-03-31","temporaryPassword":"%s"}""".formatted(name, password)));
  }

  private ResultActions access(String name, String role, int version) throws Exception {
    return mvc.perform(put("/api/admin/accounts/" + name + "/access").with(users.as("admin1")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content("""
            {"displayName":"新任 職員","departmentCode":"boshi","roles":["%s"],"permissions":[],"accessVersion":%d}"""
            .formatted(role, version)));
  }
}
