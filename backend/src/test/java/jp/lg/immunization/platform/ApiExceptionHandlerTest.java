package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Two requests that register the same thing at the same moment: the database keeps the first and the second rolls
 * back whole. Its user is told so (409, audited as a refusal), not given a system error, whatever layer wrapped it.
 */
class ApiExceptionHandlerTest {

  private final List<String> refused = new ArrayList<>();
  private final ApiExceptionHandler handler =
      new ApiExceptionHandler((request, status, error, fields) -> refused.add(status + " " + error));
  private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tasks/t/complete");

  @Test
  void aUniquenessViolationTheEngineWrappedIsAConflictNotASystemError() {
    var answer = handler.unexpected(new ProcessEngineException("completing the double check",
        new DuplicateKeyException("resident_my_number_key")), request);

    assertThat(answer.getStatusCode().value()).isEqualTo(409);
    assertThat(answer.getBody().error()).isEqualTo("concurrent_edit");
    assertThat(refused).containsExactly("409 concurrent_edit");
  }

  @Test
  void aUniquenessViolationFromTheDriverIsAConflictToo() {
    var answer = handler.unexpected(new IllegalStateException("insert",
        new SQLException("duplicate key value violates unique constraint", "23505")), request);

    assertThat(answer.getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void anyOtherFailureStaysASystemErrorAndIsNotCountedAsARefusal() {
    var answer = handler.unexpected(new IllegalStateException("a bug",
        new SQLException("check constraint violated", "23514")), request);

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(refused).isEmpty();
  }
}
