package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** R08: a user changes their own password under the policy; an expired one must be changed before anything else. */
@IntegrationTest
class PasswordChangeApiTest {

  static final String FIRST = "ogano-mountain-path-2026";

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  String username;

  @BeforeEach
  void anAccountOfItsOwn() {
    username = users.newStaffAccount("password-test", FIRST);
  }

  @Test
  void R08_aNewPasswordMustMeetThePolicyAndABadOneChangesNothing() throws Exception {
    Cookie session = login(FIRST);
    change(session, "not-my-password", "hanazono-river-lantern").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.currentPassword").exists());
    change(session, FIRST, "short").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.newPassword", containsString("12文字以上")));
    change(session, FIRST, "ogano-mountain-path-2027").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.newPassword", containsString("似ている")));
    login(FIRST);

    change(session, FIRST, "hanazono-river-lantern").andExpect(status().isNoContent());
    users.passwordStep(username, FIRST).andExpect(status().isUnauthorized());
    login("hanazono-river-lantern");
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'PASSWORD_CHANGED' and username = ?",
        Long.class, username)).isEqualTo(1);

    Cookie again = login("hanazono-river-lantern");
    change(again, "hanazono-river-lantern", FIRST).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.newPassword", containsString("最近使った")));
  }

  @Test
  void R08_anExpiredPasswordMustBeChangedBeforeAnythingElse() throws Exception {
    // The clock moves past the password's age limit.
    jdbc.update("update app_user set password_changed_at = now() - interval '181 days' where username = ?", username);
    Cookie session = users.signIn(username, FIRST);
    mvc.perform(get("/api/tasks?view=mine").cookie(session)).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("password_change_required"));
    mvc.perform(get("/api/me").cookie(session)).andExpect(jsonPath("$.passwordChangeRequired").value(true));

    change(session, FIRST, "hanazono-river-lantern").andExpect(status().isNoContent());
    mvc.perform(get("/api/me").cookie(session)).andExpect(jsonPath("$.passwordChangeRequired").value(false));
    mvc.perform(get("/api/tasks?view=mine").cookie(session)).andExpect(status().isOk());
  }

  private Cookie login(String password) throws Exception {
    return users.signIn(username, password);
  }

  private ResultActions change(Cookie session, String current, String proposed) throws Exception {
    return mvc.perform(post("/api/me/password").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("currentPassword", current, "newPassword", proposed))));
  }
}
