package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Role;
import jp.lg.immunization.security.SignedInUser;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R14, R26, R28: whoever a module names as having changed a case outside its steps ({@link CaseActors}) counts as
 * involved for the second-person rule of exactly that process, and only supervisors are second persons. The engine's
 * side (the steps done) is walked through the API by the process tests.
 */
class FourEyesSecondPersonTest {

  private final CurrentUser currentUser = mock(CurrentUser.class);
  private final AuditTrail audit = mock(AuditTrail.class);
  /** No step of the case has been done yet: only the modules' own records name who worked on it. */
  private final JdbcTemplate noSteps = new JdbcTemplate() {
    @Override
    public <T> List<T> queryForList(String sql, Class<T> elementType, Object... args) {
      return List.of();
    }
  };

  private static CaseActors changed(String processKey, String businessKey, String username) {
    return new CaseActors() {
      @Override
      public String processKey() {
        return processKey;
      }

      @Override
      public Set<String> of(String key) {
        return key.equals(businessKey) ? Set.of(username) : Set.of();
      }
    };
  }

  private FourEyes fourEyes() {
    return new FourEyes(noSteps, mock(TaskInbox.class), mock(HistoryService.class), List.of(changed("Request", "7", "changer"),
        changed("Request", "8", "other-changer"), changed("Other", "7", "elsewhere")), currentUser, audit);
  }

  private void signedIn(String username, Role role) {
    when(currentUser.get()).thenReturn(new SignedInUser(username, "試験 職員", Set.of(role), "boshi", Set.of()));
  }

  @Test
  void R28_whoeverChangedTheCaseOutsideItsStepsIsNoSecondPersonAndTheRefusalIsAudited() {
    signedIn("changer", Role.SUPERVISOR);
    assertThatThrownBy(() -> fourEyes().requireSecondPerson("Request", "7", "extend"))
        .isInstanceOf(ApiException.class).hasMessage(FourEyes.SECOND_PERSON_REFUSAL);
    verify(audit).recordRefusal(AuditOperation.TASK_REFUSED, null,
        "process=Request case=7 action=extend reason=four-eyes");
  }

  @Test
  void R28_anUninvolvedSupervisorIsASecondPersonWhateverOtherCasesOrProcessesTheyChanged() {
    signedIn("other-changer", Role.SUPERVISOR);
    fourEyes().requireSecondPerson("Request", "7", "extend");
    signedIn("elsewhere", Role.SUPERVISOR);
    fourEyes().requireSecondPerson("Request", "7", "extend");
    verify(audit, never()).recordRefusal(any(), any(), startsWith("process="));
  }

  @Test
  void R26_staffAreNeverTheSecondPerson() {
    signedIn("uninvolved", Role.STAFF);
    assertThatThrownBy(() -> fourEyes().requireSecondPerson("Request", "7", "withdraw"))
        .isInstanceOf(ApiException.class);
    verify(audit).recordRefusal(eq(AuditOperation.TASK_REFUSED), eq(null), startsWith("process=Request case=7"));
    assertThat(FourEyesRule.APPROVER_GROUP).isEqualTo("supervisor");
  }
}
