package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** A scheduled job failing because PostgreSQL is down logs one warning line; any other failure keeps its trace. */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledTaskErrorsTest {

  private final ScheduledTaskErrors errors = new ScheduledTaskErrors();

  @Test
  void aDatabaseOutageIsOneWarningLineWithoutStackTrace(CapturedOutput output) {
    errors.handleError(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
        new SQLException("Connection to 127.0.0.1:5432 refused.", "08001")));

    String logged = output.getOut();
    assertThat(logged).contains("WARN").contains("A scheduled task did not run: the database is unavailable"
        + " (SQLException: Connection to 127.0.0.1:5432 refused.)");
    assertThat(logged.lines().filter(line -> !line.isBlank())).hasSize(1);
    assertThat(logged).doesNotContain("\tat ");
  }

  @Test
  void anyOtherFailureIsAnErrorWithItsStackTrace(CapturedOutput output) {
    errors.handleError(new IllegalStateException("a bug"));

    assertThat(output.getOut()).contains("ERROR").contains("Unexpected error occurred in scheduled task")
        .contains("java.lang.IllegalStateException: a bug").contains("\tat ");
  }
}
