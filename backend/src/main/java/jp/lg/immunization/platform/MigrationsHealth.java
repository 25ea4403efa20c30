package jp.lg.immunization.platform;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness part: the database schema is the one this build expects, with no migration pending or failed. A node of a
 * newer build started beside older ones reports this until its migrations have run; one whose migration failed stays
 * out of the load balancer instead of answering with the wrong schema.
 */
@Component("migrations")
class MigrationsHealth extends AbstractHealthIndicator {

  private final Flyway flyway;

  MigrationsHealth(Flyway flyway) {
    super("Migrations could not be checked");
    this.flyway = flyway;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    MigrationInfoService info = flyway.info();
    long pending = info.pending().length;
    long failed = Arrays.stream(info.all()).filter(migration -> migration.getState().isFailed()).count();
    MigrationInfo current = info.current();
    builder.status(pending == 0 && failed == 0 ? "UP" : "DOWN")
        .withDetail("version", current == null ? "none" : current.getVersion().getVersion())
        .withDetail("pending", pending)
        .withDetail("failed", failed);
  }
}
