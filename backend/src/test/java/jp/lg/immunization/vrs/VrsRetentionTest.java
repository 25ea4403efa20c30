package jp.lg.immunization.vrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.platform.ExpiringRecords;
import jp.lg.immunization.platform.RetentionRule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R27 for VRS: an ended mover query goes with its consent, answer and timeline seven years after it was recorded,
 * never while it is under way, never a held resident's; the consent and the timeline are deleted only through the
 * owner's function, never by the app's role itself.
 */
@IntegrationTest
class VrsRetentionTest {

  static final LocalDate TODAY = LocalDate.of(2033, 1, 10);

  @Autowired @Qualifier("vrsMoverQueryRetention") ExpiringRecords retention;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  @Test
  void R27_anEndedMoverQueryGoesSevenYearsAfterItWasRecordedAndAnOpenOrHeldOneStays() {
    long resident = resident(0);
    long held = resident(1);
    long expired = query(resident, "RECORDED", LocalDate.of(2025, 12, 1));
    long recent = query(resident, "CLOSED", LocalDate.of(2026, 2, 1));
    long open = query(resident, "NO_MATCH", LocalDate.of(2020, 1, 1));
    long heldOne = query(held, "REJECTED", LocalDate.of(2020, 1, 1));

    RetentionRule.Deleted deleted = transaction.execute(status -> retention.deleteExpired(TODAY,
        new RetentionRule.KeptResidents(new Long[] {held})));

    assertThat(deleted.ids()).containsExactly(expired);
    assertThat(jdbc.queryForList("select id from vrs_mover_query where id = any(?)", Long.class,
        (Object) new Long[] {expired, recent, open, heldOne})).containsExactlyInAnyOrder(recent, open, heldOne);
    assertThat(jdbc.queryForObject("select count(*) from vrs_mover_consent where query_id = ?", Integer.class,
        expired)).isZero();
    assertThatThrownBy(() -> jdbc.update("delete from vrs_mover_consent where query_id = ?", recent))
        .as("the app's database role may not delete a consent itself (V73)").hasStackTraceContaining("permission denied");
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      jdbc.queryForObject("select set_config('immunization.retention', 'on', true)", String.class);
      jdbc.update("delete from vrs_mover_query_event where query_id = ?", recent);
    })).as("nor with the flag its trigger used to trust").hasStackTraceContaining("permission denied");
  }

  private long query(long resident, String status, LocalDate recordedOn) {
    Timestamp at = Timestamp.from(recordedOn.atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant());
    long id = jdbc.queryForObject("""
        insert into vrs_mover_query (resident_id, former_municipality_code, status, requested_by, requested_at)
        values (?, '131016', ?, 'staff1', ?) returning id""", Long.class, resident, status, at);
    jdbc.update("""
        insert into vrs_mover_consent (query_id, kind, document, confirmed_on, recorded_by, recorded_at)
        values (?, 'CONSENT', 'TICKET_APPLICATION', ?, 'staff1', ?)""", id, recordedOn, at);
    jdbc.update("""
        insert into vrs_mover_query_event (query_id, occurred_at, kind, description, actor)
        values (?, ?, 'REQUESTED', '記録', 'staff1')""", id, at);
    return id;
  }

  private long resident(int offset) {
    return jdbc.queryForObject("select id from resident where status = 'REGISTERED' order by id desc limit 1 offset ?",
        Long.class, 150 + offset);
  }
}
