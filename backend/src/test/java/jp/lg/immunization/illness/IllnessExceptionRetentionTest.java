package jp.lg.immunization.illness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.platform.RetentionRule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R27 for 長期療養特例: a case goes with its vaccines and timeline five years after its last extension ended (or after
 * it was rejected or withdrawn), never while it awaits approval, never a held resident's; its timeline stays
 * append-only for everyone else.
 */
@IntegrationTest
class IllnessExceptionRetentionTest {

  /** Five years back is 2020-01-10. */
  static final LocalDate TODAY = LocalDate.of(2025, 1, 10);

  @Autowired IllnessExceptionRetention retention;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  @Test
  void R27_anEndedSpecialCaseGoesFiveYearsAfterItsLastExtensionAndAnOpenOrHeldOneStays() {
    long resident = resident(0);
    long held = resident(1);
    long expired = exception(resident, "IN_FORCE", "2020-01-09");
    long recent = exception(resident, "IN_FORCE", "2020-01-10");
    long rejected = exception(resident, "REJECTED", "2019-06-01");
    long open = exception(resident, "AWAITING_APPROVAL", null);
    long heldOne = exception(held, "WITHDRAWN", "2015-01-01");

    // As the nightly run does: one transaction, which the rule marks so that the timeline may go with the case.
    RetentionRule.Deleted deleted = transaction.execute(status -> retention.deleteExpired(TODAY,
        new RetentionRule.KeptResidents(new Long[] {held})));

    assertThat(deleted.ids()).containsExactlyInAnyOrder(expired, rejected);
    assertThat(jdbc.queryForList("select id from illness_exception where id = any(?)", Long.class,
        (Object) new Long[] {expired, recent, rejected, open, heldOne})).containsExactlyInAnyOrder(recent, open, heldOne);
    assertThat(jdbc.queryForObject("select count(*) from illness_exception_vaccine where exception_id = ?",
        Integer.class, expired)).isZero();
    assertThatThrownBy(() -> jdbc.update("delete from illness_exception_event where exception_id = ?", recent))
        .hasStackTraceContaining("permission denied");
  }

  private long exception(long resident, String status, String expiresOn) {
    long id = jdbc.queryForObject("""
        insert into illness_exception (resident_id, status, disease_category, illness_from, illness_to, statement_kind,
          statement_received_on, statement_institution, statement_doctor, recorded_by, recorded_at, expires_on)
        values (?, ?, 'IMMUNE_DISORDER', date '2016-01-01', date '2017-01-01', 'CERTIFICATE', date '2017-01-05',
          '架空病院', '試験 医師', 'staff1', now(), ?::date) returning id""", Long.class, resident, status, expiresOn);
    jdbc.update("insert into illness_exception_vaccine (exception_id, vaccine_code, extended_until)"
        + " values (?, 'MR', date '2018-12-31')", id);
    jdbc.update("""
        insert into illness_exception_event (exception_id, occurred_at, kind, description, actor)
        values (?, now(), 'RECORDED', '記録', 'staff1')""", id);
    return id;
  }

  private long resident(int offset) {
    return jdbc.queryForObject("select id from resident where status = 'REGISTERED' order by id desc limit 1 offset ?",
        Long.class, 140 + offset);
  }
}
