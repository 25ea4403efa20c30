package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.resident.MyNumber;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The department dimension of the permission matrix (role × department × function): case work only in a department
 * of this affair, and a permission only where both the account and its department have it.
 */
@IntegrationTest
class DepartmentMatrixApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ApplicationContext context;
  @Autowired Departments departments;

  private String department;
  private String member;
  private long residentId;

  @BeforeEach
  void aDepartmentOfAnotherAffairWithAMember() throws Exception {
    department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(post("/api/admin/departments").with(users.as("admin1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"code\":\"%s\",\"name\":\"健康づくり課\"}".formatted(department)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.affair").value(false))
        .andExpect(jsonPath("$.permissions").isEmpty());
    member = users.newStaffAccount("matrix", "Matrix-Pass-2026!");
    jdbc.update("""
        update app_user set department_code = ?, roles = array['SUPERVISOR'], permissions = array['REVEAL_MY_NUMBER',
          'EXPORT'] where username = ?""", department, member);
    ResidentFixtures fixtures = new ResidentFixtures(context);
    residentId = fixtures.insert(new ResidentFixtures.Person("部署", "確認", "ブショ", "カクニン",
        LocalDate.of(1985, 6, 1), Sex.MALE, "360-0001", "埼玉県架空市本町1丁目2番3号", "REGISTERED"));
    fixtures.giveMyNumber(residentId, MyNumber.withCheckDigit(String.format("6%010d", residentId)));
  }

  @Test
  void R06_caseWorkRolesCountOnlyInADepartmentOfThisAffair() throws Exception {
    mvc.perform(get("/api/tasks").with(users.as(member))).andExpect(status().isForbidden());
    mvc.perform(get("/api/residents/" + residentId + "/case").with(users.as(member))).andExpect(status().isForbidden());
    mvc.perform(get("/api/me").with(users.as(member))).andExpect(jsonPath("$.roles").isEmpty());

    change(true, "[]", version()).andExpect(status().isOk()).andExpect(jsonPath("$.affair").value(true));
    mvc.perform(get("/api/tasks").with(users.as(member))).andExpect(status().isOk());
    mvc.perform(get("/api/residents/" + residentId + "/case").with(users.as(member))).andExpect(status().isOk());
  }

  @Test
  void R06_myNumberIsRevealedOnlyWhenTheDepartmentIsAuthorisedAsWellAsTheAccount() throws Exception {
    change(true, "[]", version()).andExpect(status().isOk());
    reveal().andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("permission_required"));
    mvc.perform(get("/api/me").with(users.as(member))).andExpect(jsonPath("$.permissions").isEmpty());

    change(true, "[\"REVEAL_MY_NUMBER\"]", version()).andExpect(status().isOk())
        .andExpect(jsonPath("$.permissions[0]").value("REVEAL_MY_NUMBER"));
    reveal().andExpect(status().isOk());
    // The department allows reveal only: the account's EXPORT grant stays without effect (R12).
    mvc.perform(get("/api/me").with(users.as(member)))
        .andExpect(jsonPath("$.permissions.length()").value(1))
        .andExpect(jsonPath("$.permissions[0]").value("REVEAL_MY_NUMBER"));
    assertThat(jdbc.queryForObject("""
        select detail from audit_event where operation = 'DEPARTMENT_AUTHORITY_SET' order by id desc limit 1""",
        String.class)).startsWith("department=" + department + " affair=true permissions=[REVEAL_MY_NUMBER]");
  }

  @Test
  void aStaleChangeIsRefusedAndChangesNothing() throws Exception {
    int version = version();
    change(true, "[\"PRINT\"]", version).andExpect(status().isOk());
    change(false, "[\"EXPORT\"]", version).andExpect(status().isConflict())
        .andExpect(jsonPath("$.message").value("ほかの管理者が先に変更しました。画面を読み込み直してください。"));
    JsonNode row = row();
    assertThat(row.path("affair").asBoolean()).isTrue();
    assertThat(row.path("permissions").toString()).isEqualTo("[\"PRINT\"]");
  }

  @Test
  void badInputGetsAClearMessage() throws Exception {
    mvc.perform(post("/api/admin/departments").with(users.as("admin1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"Bad Code\",\"name\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("部署コードは英小文字・数字・-・_ の32文字以内で入力してください。"));
    mvc.perform(post("/api/admin/departments").with(users.as("admin1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"code\":\"%s\",\"name\":\"重複\"}".formatted(department)))
        .andExpect(status().isConflict());
    mvc.perform(put("/api/admin/departments/" + department).with(users.as("admin1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"健康づくり課\",\"affair\":true}"))
        .andExpect(status().isBadRequest());
    mvc.perform(put("/api/admin/departments/" + department).with(users.as("admin1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"健康づくり課\",\"affair\":true,\"permissions\":[\"SUPERPOWER\"],\"version\":0}"))
        .andExpect(status().isBadRequest());
    assertThat(row().path("affair").asBoolean()).isFalse();
  }

  /**
   * R06: a department's row is what the administrator made it: its name trimmed and at most 100 characters, its
   * creation on the audit trail, its name shown to its members; an account needs a department that exists; and the
   * start-up's own departments are made once, never overwriting what an administrator set since.
   */
  @Test
  void R06_aDepartmentsRowIsWhatItsAdministratorMadeIt() throws Exception {
    String code = "dept-" + UUID.randomUUID().toString().substring(0, 8);
    String name = "課".repeat(100);
    mvc.perform(post("/api/admin/departments").with(users.as("admin1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"%s\",\"name\":\"  %s \"}".formatted(code, name)))
        .andExpect(status().isOk()).andExpect(jsonPath("$.name").value(name));
    assertThat(jdbc.queryForList("select detail from audit_event where operation = 'DEPARTMENT_CREATED'"
        + " and username = 'admin1' order by id desc limit 1", String.class)).containsExactly("department=" + code);
    for (String bad : List.of("課".repeat(101), "   ")) {
      mvc.perform(post("/api/admin/departments").with(users.as("admin1")).with(csrf())
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"code\":\"%s-x\",\"name\":\"%s\"}".formatted(code, bad)))
          .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_department"));
    }
    mvc.perform(get("/api/me").with(users.as(member))).andExpect(status().isOk())
        .andExpect(jsonPath("$.department.code").value(department))
        .andExpect(jsonPath("$.department.name").value("健康づくり課"));
    assertThat(departments.exists(code)).isTrue();
    assertThat(departments.exists(code + "-none")).isFalse();
    assertThat(departments.exists(null)).isFalse();
    assertThat(departments.name(code + "-none")).isEqualTo(code + "-none");

    String made = code + "-boot";
    departments.ensure(made, "起動時の部署", true, EnumSet.of(Permission.PRINT, Permission.EXPORT));
    assertThat(departments.authority(made)).isEqualTo(new Departments.Authority(true,
        Set.of(Permission.PRINT, Permission.EXPORT)));
    departments.ensure(made, "別の名前", false, EnumSet.noneOf(Permission.class));
    assertThat(departments.authority(made)).as("kept as it was").isEqualTo(new Departments.Authority(true,
        Set.of(Permission.PRINT, Permission.EXPORT)));
    assertThat(departments.name(made)).isEqualTo("起動時の部署");
    assertThat(departments.authority(made + "-none")).isEqualTo(Departments.Authority.NONE);
  }

  private ResultActions change(boolean affair, String permissions, int version) throws Exception {
    return mvc.perform(put("/api/admin/departments/" + department).with(users.as("admin1")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"name\":\"健康づくり課\",\"affair\":%s,\"permissions\":%s,\"version\":%d}"
            .formatted(affair, permissions, version)));
  }

  private ResultActions reveal() throws Exception {
    return mvc.perform(post("/api/residents/" + residentId + "/my-number").with(users.as(member)).with(csrf()));
  }

  private int version() throws Exception {
    return row().path("version").asInt();
  }

  private JsonNode row() throws Exception {
    String body = mvc.perform(get("/api/admin/departments").with(users.as("admin1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    for (JsonNode row : json.readTree(body)) {
      if (row.path("code").asText().equals(department)) {
        return row;
      }
    }
    throw new AssertionError("no department " + department);
  }
}
