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
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
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
  @Autowired ApplicationContext context;

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

  /**
   * No controller of the app throws Spring's AccessDeniedException today; one that did, or a library under it, would
   * answer 403 through the app's error handler, which must record it like any other refusal.
   */
  @Test
  void R04_R11_anAccessDeniedExceptionRaisedInsideAControllerIsAuditedAsARefusal() throws Exception {
    MockMvc withDenyingController = MockMvcBuilders.standaloneSetup(new DenyingController())
        .setControllerAdvice(context.getBean("apiExceptionHandler")).build();
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("staff1", null));
    try {
      withDenyingController.perform(get("/api/denying")).andExpect(status().isForbidden())
          .andExpect(jsonPath("$.error").value("forbidden"))
          .andExpect(jsonPath("$.message").value("この操作を行う権限がありません"));
    } finally {
      SecurityContextHolder.clearContext();
    }
    assertThat(last("staff1", AuditOperation.REQUEST_REFUSED).get("detail"))
        .isEqualTo("request=GET /api/denying status=403 error=forbidden");
    assertThat(context.getBeansOfType(DenyingController.class)).as("the app's own controllers").isEmpty();
  }

  /** MockMvc's own controller: Spring Boot's test filter keeps a test's nested classes out of the app's scan. */
  @RestController
  static class DenyingController {
    @GetMapping("/api/denying")
    String deny() {
      throw new AccessDeniedException("decided inside the controller");
    }
  }

  @Test
  void R04_R11_aForbiddenAnswerThatAServiceDecidesIsAudited() throws Exception {
    long before = lastId();
    post("staff1", "/api/tasks/absences", "{\"username\": \"staff2\", \"startsOn\": \"2026-12-07\","
        + " \"endsOn\": \"2026-12-08\"}")
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("not_supervisor"));
    assertThat(jdbc.queryForList("select operation || ' ' || detail from audit_event where id > ? and username = ?",
        String.class, before, "staff1"))
        .containsExactly("REQUEST_REFUSED request=POST /api/tasks/absences status=403 error=not_supervisor");
    assertThat(jdbc.queryForObject("select count(*) from task_absence where username = 'staff2'"
        + " and starts_on = date '2026-12-07'", Long.class)).isZero();
  }

  @Test
  void R04_R12_aRefusalTheDecidingLayerRecordedIsOnTheTrailOnceNotTwice() throws Exception {
    long before = lastId();
    mvc.perform(get("/api/fukuhon/reconciliation.csv").with(users.as("staff2"))).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("permission_required"));
    assertThat(jdbc.queryForList("select operation from audit_event where id > ? and username = 'staff2'",
        String.class, before)).containsExactly("PERMISSION_REFUSED");
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

  private long lastId() {
    return jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
  }

  private Map<String, Object> last(String username, AuditOperation operation) {
    return jdbc.queryForMap("select * from audit_event where username = ? and operation = ? order by id desc limit 1",
        username, operation.name());
  }
}
