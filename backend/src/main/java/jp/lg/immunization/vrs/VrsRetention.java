package jp.lg.immunization.vrs;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.function.Function;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R27 for the VRS tables. An ended mover query goes with its consent, answer and timeline
 * {@code immunization.retention.vrs-mover-queries} after it was recorded (seven years by default: it is a provision of
 * 特定個人情報 outside the network, kept as long as the 情報提供等記録); an ended certificate application goes with its
 * doses and timeline {@code immunization.retention.vrs-certificates} after it was received (five years, as the dose
 * records it certifies). The consent and the timelines are append-only; only the owner's functions delete them (V73).
 */
@Configuration(proxyBeanMethods = false)
class VrsRetention {

  @Bean
  ExpiringRecords vrsMoverQueryRetention(JdbcTemplate jdbc,
                                         @Value("${immunization.retention.vrs-mover-queries:P7Y}") Period keep) {
    return new Rule(jdbc, new ExpiringRecords.Spec("VRS_MOVER_QUERY", "vrs_mover_query", "t.requested_at < ?",
        Rule.timestampsOlderThan(keep), "t.status in ('RECORDED', 'REJECTED', 'CLOSED')", "resident_id",
        List.of("vrs_mover_record.query_id")), "expire_vrs_mover_query_records");
  }

  @Bean
  ExpiringRecords vrsCertificateRetention(JdbcTemplate jdbc,
                                          @Value("${immunization.retention.vrs-certificates:P5Y}") Period keep) {
    return new Rule(jdbc, new ExpiringRecords.Spec("VRS_CERTIFICATE", "vrs_certificate", "t.received_at < ?",
        Rule.timestampsOlderThan(keep), "t.status in ('ISSUED', 'REJECTED')", "resident_id",
        List.of("vrs_certificate_dose.certificate_id")), "expire_vrs_certificate_events");
  }

  /**
   * Deletes the append-only rows (the consent, the timelines) first through the owner's function (V73), which the
   * app's database role cannot do itself.
   */
  static final class Rule extends ExpiringRecords {

    private final JdbcTemplate jdbc;
    private final String expireFunction;

    Rule(JdbcTemplate jdbc, Spec spec, String expireFunction) {
      super(jdbc, spec);
      this.jdbc = jdbc;
      this.expireFunction = expireFunction;
    }

    static Function<LocalDate, Object> timestampsOlderThan(Period keep) {
      return olderThan(keep);
    }

    @Override
    protected void beforeDelete(Long[] ids) {
      jdbc.queryForObject("select " + expireFunction + "(?)", Integer.class, (Object) ids);
    }
  }
}
