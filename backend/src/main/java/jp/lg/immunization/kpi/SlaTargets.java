package jp.lg.immunization.kpi;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA targets in business days: a manager's setting (kpi_sla_target) first, then the configured target of that
 * step or process, then the configured default.
 */
@Service
class SlaTargets {

  enum Scope { PROCESS, TASK }

  /** Targets in force: by scope and key; {@code configured} says whether a manager set it. */
  record Target(Scope scope, String key, int businessDays, boolean setByManager) {}

  private final JdbcTemplate jdbc;
  private final KpiProperties properties;
  private final Clock clock;
  private final AuditTrail audit;

  SlaTargets(JdbcTemplate jdbc, KpiProperties properties, Clock clock, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** A resolver for one request: the manager's settings read once. */
  Resolver resolver() {
    Map<String, Integer> set = new HashMap<>();
    jdbc.query("select scope, target_key, business_days from kpi_sla_target",
        rs -> { set.put(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3)); });
    return new Resolver(set, properties);
  }

  @Transactional
  Target set(String scopeText, String key, Integer businessDays, String username) {
    Scope scope = scope(scopeText);
    if (key == null || key.isBlank() || key.length() > 100) {
      throw ApiException.badRequest("invalid_sla", "対象の業務または工程を指定してください。");
    }
    if (businessDays == null) {
      jdbc.update("delete from kpi_sla_target where scope = ? and target_key = ?", scope.name(), key);
      Target restored = resolver().target(scope, key);
      audit.record(AuditOperation.KPI_SLA_TARGET_SET, null,
          "%s %s: 設定を解除（既定の%d営業日）".formatted(scope, key, restored.businessDays()));
      return restored;
    }
    if (businessDays < 1 || businessDays > 365) {
      throw ApiException.badRequest("invalid_sla", "目標日数は1から365までの営業日数で入力してください。");
    }
    jdbc.update("""
        insert into kpi_sla_target (scope, target_key, business_days, updated_by, updated_at) values (?, ?, ?, ?, ?)
        on conflict (scope, target_key) do update set business_days = excluded.business_days,
          updated_by = excluded.updated_by, updated_at = excluded.updated_at""",
        scope.name(), key, businessDays, username, Timestamp.from(Instant.now(clock)));
    audit.record(AuditOperation.KPI_SLA_TARGET_SET, null, "%s %s: %d営業日".formatted(scope, key, businessDays));
    return new Target(scope, key, businessDays, true);
  }

  private static Scope scope(String text) {
    try {
      return Scope.valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_sla", "対象の種類は PROCESS（業務）か TASK（工程）を指定してください。");
    }
  }

  static final class Resolver {
    private final Map<String, Integer> set;
    private final KpiProperties properties;

    Resolver(Map<String, Integer> set, KpiProperties properties) {
      this.set = set;
      this.properties = properties;
    }

    Target target(Scope scope, String key) {
      Integer manager = set.get(scope.name() + ":" + key);
      if (manager != null) {
        return new Target(scope, key, manager, true);
      }
      Integer configured = scope == Scope.TASK ? properties.taskSla().get(key) : properties.processSla().get(key);
      int fallback = scope == Scope.TASK ? properties.taskSlaDays() : properties.processSlaDays();
      return new Target(scope, key, configured == null ? fallback : configured, false);
    }
  }
}
