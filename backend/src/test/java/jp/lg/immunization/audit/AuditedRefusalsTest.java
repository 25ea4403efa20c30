package jp.lg.immunization.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * R04, R11: every refusal is on the audit trail, however long what the client sent: what is longer than its column is
 * cut, never a 500 and never a refusal without its record (issue 15).
 */
@IntegrationTest
class AuditedRefusalsTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditVerification verification;

  @Test
  void R04_aRefusedRequestWithAUriOfOver2000CharactersIsAuditedCut() throws Exception {
    String path = "/api/admin/" + "x".repeat(2_100);
    mvc.perform(get(path).with(users.as("staff1"))).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("forbidden"));
    Map<String, Object> event = last("staff1", AuditOperation.PERMISSION_REFUSED);
    String detail = (String) event.get("detail");
    assertThat(detail).hasSize(AuditTrail.DETAIL_LENGTH).startsWith("request=GET /api/admin/xxx").endsWith("…");
    assertThat(verification.verify().intact()).isTrue();
  }

  @Test
  void R04_R11_aLoginWithA70CharacterUserNameIsRefusedAndAuditedCut() throws Exception {
    String name = "attacker-" + "n".repeat(61);
    assertThat(name).hasSize(70);
    users.passwordStep(name, "wrong-password-1234").andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.error").value("bad_credentials"));
    String cut = AuditTrail.clip(name, AuditTrail.USERNAME_LENGTH);
    assertThat(cut).hasSize(64).endsWith("…");
    assertThat(last(cut, AuditOperation.LOGIN_FAILED)).isNotNull();
  }

  @Test
  void R04_aValidationRefusalIsAuditedWithTheNamesOfTheFieldsAtFaultNeverTheirValues() throws Exception {
    post("admin1", "/api/admin/retention/legal-holds", "{\"addresseeNumber\": \"12ab\", \"reason\": \"試験花子の訴訟\"}")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("validation_failed"));
    assertThat(last("admin1", AuditOperation.REQUEST_REFUSED).get("detail")).isEqualTo(
        "request=POST /api/admin/retention/legal-holds status=400 error=validation_failed fields=addresseeNumber");

    post("admin1", "/api/admin/retention/legal-holds", "{\"addresseeNumber\": ").andExpect(status().isBadRequest());
    assertThat(last("admin1", AuditOperation.REQUEST_REFUSED).get("detail")).isEqualTo(
        "request=POST /api/admin/retention/legal-holds status=400 error=malformed_request");
    assertThat(jdbc.queryForObject("select count(*) from audit_event where detail like '%12ab%' or detail like '%試験花子%'",
        Long.class)).isZero();
  }

  @Test
  void R04_aBusinessConflictAndAnUnknownObjectAreAudited() throws Exception {
    String number = jdbc.queryForObject("select addressee_number from resident where status = 'REGISTERED'"
        + " order by id limit 1", String.class);
    String placed = post("admin1", "/api/admin/retention/legal-holds",
        "{\"addresseeNumber\": \"" + number + "\", \"reason\": \"監査のため\"}")
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String lift = "/api/admin/retention/legal-holds/" + placed.replaceAll("\\D", "") + "/lift";
    post("admin1", lift, "{\"reason\": \"終了\"}").andExpect(status().isNoContent());
    post("admin1", lift, "{\"reason\": \"終了\"}").andExpect(status().isConflict());
    assertThat(last("admin1", AuditOperation.REQUEST_REFUSED).get("detail"))
        .isEqualTo("request=POST " + lift + " status=409 error=already_lifted");

    String unknown = "/api/admin/retention/legal-holds/999999999/lift";
    post("admin1", unknown, "{\"reason\": \"終了\"}").andExpect(status().isNotFound());
    assertThat(last("admin1", AuditOperation.REQUEST_REFUSED).get("detail"))
        .isEqualTo("request=POST " + unknown + " status=404 error=not_found");
    assertThat(verification.verify().intact()).isTrue();
  }

  @Test
  void clippingCountsCharactersNotBytesAndLeavesShortValuesAlone() {
    assertThat(AuditTrail.clip(null, 3)).isNull();
    assertThat(AuditTrail.clip("abc", 3)).isEqualTo("abc");
    assertThat(AuditTrail.clip("予防接種記録", 4)).isEqualTo("予防接…");
    assertThat(AuditTrail.clip("𠮷𠮷𠮷𠮷", 3)).isEqualTo("𠮷𠮷…");
  }

  private ResultActions post(String user, String path, String body) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.post(path).with(csrf()).with(users.as(user))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private Map<String, Object> last(String username, AuditOperation operation) {
    return jdbc.queryForMap("select * from audit_event where username = ? and operation = ? order by id desc limit 1",
        username, operation.name());
  }
}
