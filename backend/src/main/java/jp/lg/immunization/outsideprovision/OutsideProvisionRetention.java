package jp.lg.immunization.outsideprovision;

import java.time.Period;
import java.util.List;
import jp.lg.immunization.platform.ExpiringRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A provision outside the network is a record of provision like the network's 情報提供等記録 (R25): it goes with its
 * timeline {@code immunization.retention.outside-provisions} (seven years by default) after it was recorded, once it
 * has ended (sent, refused or withdrawn).
 */
@Component
class OutsideProvisionRetention extends ExpiringRecords {

  private final JdbcTemplate jdbc;

  OutsideProvisionRetention(JdbcTemplate jdbc,
                            @Value("${immunization.retention.outside-provisions:P7Y}") Period keep) {
    super(jdbc, new Spec("OUTSIDE_PROVISION", "outside_provision", "t.recorded_at < ?", olderThan(keep),
        "t.status in ('SENT', 'REJECTED', 'WITHDRAWN')", "resident_id", List.of()));
    this.jdbc = jdbc;
  }

  /** The timeline goes first, through the owner's function (V73): the app's database role cannot delete it. */
  @Override
  protected void beforeDelete(Long[] ids) {
    jdbc.queryForObject("select expire_outside_provision_events(?)", Integer.class, (Object) ids);
  }
}
