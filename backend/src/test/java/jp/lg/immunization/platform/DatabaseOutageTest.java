package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * While the database is down the app answers 503 with a Japanese message, wherever the outage is met (issue 16); other
 * failures are not disguised as an outage. And a node whose schema is behind reports not ready.
 */
class DatabaseOutageTest {

  @Test
  void anOutageMetBeforeTheControllersIsA503WithAJapaneseMessageAndRetryAfter() throws Exception {
    ObjectMapper json = new ObjectMapper();
    MockHttpServletResponse response = new MockHttpServletResponse();
    new DatabaseOutageFilter(json).doFilter(new MockHttpServletRequest("GET", "/api/tasks"), response,
        (request, ignored) -> {
          throw new IllegalStateException("session could not be read", new CannotCreateTransactionException(
              "no connection", new SQLTransientConnectionException("Connection is not available")));
        });
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("10");
    JsonNode body = json.readTree(response.getContentAsString());
    assertThat(body.path("error").asText()).isEqualTo("database_unavailable");
    assertThat(body.path("message").asText()).contains("データベースに接続できない");
  }

  @Test
  void onlyConnectionFailuresCountAsAnOutage() {
    assertThat(DatabaseUnavailable.causes(new RuntimeException(new SQLException("terminating connection", "57P01"))))
        .isTrue();
    assertThat(DatabaseUnavailable.causes(new RuntimeException(new SQLException("connection refused", "08001"))))
        .isTrue();
    // Met in the reliability harness: the rollback of a transaction whose connection the restart broke.
    assertThat(DatabaseUnavailable.causes(new JpaSystemException(new RuntimeException(
        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
    assertThat(DatabaseUnavailable.causes(new DataIntegrityViolationException("duplicate key",
        new SQLException("duplicate key", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.causes(new IllegalArgumentException("bad input"))).isFalse();
  }

  @Test
  void aPendingOrFailedMigrationMakesTheNodeNotReady() {
    Flyway flyway = mock(Flyway.class);
    MigrationInfoService info = mock(MigrationInfoService.class);
    MigrationInfo applied = mock(MigrationInfo.class);
    MigrationInfo pending = mock(MigrationInfo.class);
    when(applied.getState()).thenReturn(MigrationState.SUCCESS);
    when(applied.getVersion()).thenReturn(MigrationVersion.fromVersion("39"));
    when(pending.getState()).thenReturn(MigrationState.PENDING);
    when(flyway.info()).thenReturn(info);
    when(info.current()).thenReturn(applied);
    when(info.all()).thenReturn(new MigrationInfo[] {applied, pending});
    when(info.pending()).thenReturn(new MigrationInfo[] {pending});
    assertThat(new MigrationsHealth(flyway).health().getStatus()).isEqualTo(Status.DOWN);

    when(info.all()).thenReturn(new MigrationInfo[] {applied});
    when(info.pending()).thenReturn(new MigrationInfo[0]);
    assertThat(new MigrationsHealth(flyway).health().getStatus()).isEqualTo(Status.UP);
  }
}
