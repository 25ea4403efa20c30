package jp.lg.immunization.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.platform.DatabaseRoles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R27 for the records of the office's own procedures: 予診票 print records, co-pay exemption applications with their
 * status matches, and inquiry receipts, five years after they were printed, ended or closed; never those of a
 * resident under legal hold, never an open one.
 */
@IntegrationTest
class CaseRecordRetentionTest {

  /** Five years back is 2020-01-10 in Japan. */
  static final LocalDate TODAY = LocalDate.of(2025, 1, 10);

  @Autowired RetentionRuns retention;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void R27_printRecordsGoFiveYearsAfterPrintingExceptAHeldResidents() {
    long resident = resident(0);
    long held = resident(1);
    long hold = jdbc.queryForObject("""
        insert into legal_hold (resident_id, reason, set_by, set_at) values (?, '訴訟', 'auditor1', now()) returning id""",
        Long.class, held);
    long old = issuance(resident, "2020-01-09T23:59:00+09:00");
    long recent = issuance(resident, "2020-01-10T00:00:00+09:00");
    long oldButHeld = issuance(held, "2015-04-01T10:00:00+09:00");

    retention.run(TODAY);

    assertThat(remaining("questionnaire_issuance", old, recent, oldButHeld)).containsExactlyInAnyOrder(recent, oldButHeld);
    jdbc.update("update legal_hold set lifted_at = now(), lifted_by = 'auditor1', lift_reason = '試験終了' where id = ?", hold);
  }

  @Test
  void R27_anEndedCoPayApplicationGoesWithItsMatchesFiveYearsAfterItEnded() {
    long resident = resident(2);
    long endedLongAgo = exemption(resident, "RETURNED", "2019-12-31T10:00:00+09:00");
    long match = jdbc.queryForObject("""
        insert into copay_status_match (exemption_id, source, fiscal_year, checked_by)
        values (?, 'NO_EVIDENCE', 2019, 'staff1') returning id""", Long.class, endedLongAgo);
    long endedRecently = exemption(resident, "WITHDRAWN", "2024-06-01T10:00:00+09:00");
    long stillOpen = exemption(resident, "AWAITING_DECISION", null);

    retention.run(TODAY);

    assertThat(remaining("copay_exemption", endedLongAgo, endedRecently, stillOpen))
        .containsExactlyInAnyOrder(endedRecently, stillOpen);
    assertThat(remaining("copay_status_match", match)).isEmpty();
    assertThat(jdbc.queryForObject("""
        select deleted_ids from retention_deletion where kind = 'COPAY_EXEMPTION' order by id desc limit 1""",
        java.sql.Array.class)).satisfies(ids -> assertThat(List.of((Long[]) ids.getArray())).containsExactly(endedLongAgo));
  }

  @Test
  void R27_aClosedInquiryGoesFiveYearsAfterItWasClosedAndAnOpenOneStays() {
    long closedLongAgo = inquiry(9001, "2020-01-09");
    long closedRecently = inquiry(9002, "2020-01-10");
    long open = inquiry(9003, null);

    retention.run(TODAY);

    assertThat(remaining("inquiry", closedLongAgo, closedRecently, open)).containsExactlyInAnyOrder(closedRecently, open);
  }

  @Test
  void R27_anEndedResidentRequestGoesWithItsTimelineFiveYearsAfterItEndedAndTheTimelineStaysAppendOnly() {
    long resident = resident(3);
    long endedLongAgo = residentRequest(resident, "CLOSED", "2019-12-20T10:00:00+09:00");
    long endedRecently = residentRequest(resident, "RETURNED", "2024-02-01T10:00:00+09:00");
    long open = residentRequest(resident, "DECIDING", "2018-02-01T10:00:00+09:00");

    retention.run(TODAY);

    assertThat(remaining("resident_request", endedLongAgo, endedRecently, open)).containsExactlyInAnyOrder(endedRecently, open);
    assertThat(jdbc.queryForObject("select count(*) from resident_request_event where request_id = ?", Integer.class,
        endedLongAgo)).isZero();
    assertThatThrownBy(() -> jdbc.update(
            "delete from resident_request_event where request_id = ?", endedRecently))
        .hasStackTraceContaining("permission denied");
  }

  /** Least privilege (V50): the trigger's flag is no key for the app's role; the owner's function is, for ended cases. */
  @Test
  void R27_setConfigOpensNoTimelineOnlyTheOwnersRetentionFunctionDeletesOneAndOnlyOfAnEndedCase() {
    long resident = resident(4);
    long open = residentRequest(resident, "DECIDING", "2017-01-10T10:00:00+09:00");
    long closed = residentRequest(resident, "CLOSED", "2017-01-10T10:00:00+09:00");

    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
      jdbc.queryForObject("select set_config('immunization.retention', 'on', true)", String.class);
      jdbc.update("delete from resident_request_event where request_id = ?", open);
    })).hasStackTraceContaining("permission denied for table resident_request_event");

    Integer deleted = transactions.execute(status -> jdbc.queryForObject(
        "select expire_resident_request_events(?)", Integer.class, (Object) new Long[] {open, closed}));
    assertThat(deleted).isEqualTo(1);
    assertThat(jdbc.queryForList("select request_id from resident_request_event where request_id = any (?)",
        Long.class, (Object) new Long[] {open, closed})).containsExactly(open);
    jdbc.update("delete from resident_request where id = ?", closed);

    for (String function : List.of("expire_resident_request_events", "expire_illness_exception_events",
        "expire_wrong_vaccination_events")) {
      assertThat(jdbc.queryForObject("select p.prosecdef and pg_get_userbyid(p.proowner) = ?"
          + " and not has_function_privilege('public', p.oid, 'execute') from pg_proc p where p.proname = ?",
          Boolean.class, DatabaseRoles.OWNER, function)).as(function).isTrue();
    }
  }

  private long residentRequest(long resident, String status, String lastEventAt) {
    long id = jdbc.queryForObject("""
        insert into resident_request (kind, status, resident_id, requester_type, requester_name, request_text, received_on,
                                      received_by, due_on)
        values ('DISCLOSURE', ?, ?, 'SELF', '試験 請求者', '接種記録の開示', date '2017-01-10', 'staff1', date '2017-02-09')
        returning id""", Long.class, status, resident);
    jdbc.update("""
        insert into resident_request_event (request_id, occurred_at, kind, description, actor)
        values (?, ?::timestamptz, 'STEP', '手順', 'staff1')""", id, lastEventAt);
    return id;
  }

  private long resident(int offset) {
    return jdbc.queryForObject("select id from resident where status = 'REGISTERED' order by id desc limit 1 offset ?",
        Long.class, 100 + offset);
  }

  private long issuance(long resident, String issuedAt) {
    return jdbc.queryForObject("""
        insert into questionnaire_issuance (batch_id, resident_id, vaccine, issued_at, issued_by)
        values (gen_random_uuid(), ?, 'MR', ?::timestamptz, 'staff1') returning id""", Long.class, resident, issuedAt);
  }

  private long exemption(long resident, String status, String endedAt) {
    return jdbc.queryForObject("""
        insert into copay_exemption (channel, status, vaccine_code, fiscal_year, resident_id, received_at, received_by,
                                     ended_at)
        values ('COUNTER', ?, 'INFLUENZA_ELDERLY', 2019, ?, timestamptz '2019-10-01 10:00+09', 'staff1',
                ?::timestamptz) returning id""", Long.class, status, resident, endedAt);
  }

  private long inquiry(int number, String closedOn) {
    return jdbc.queryForObject("""
        insert into inquiry (fiscal_year, receipt_number, received_on, channel, category, summary, handler, recorded_at,
                             closed_on, closed_by, outcome)
        values (2019, ?, date '2019-06-01', 'TELEPHONE', 'INQUIRY', '接種日程の問い合わせ', 'staff1', now(), ?::date,
                ?, ?) returning id""", Long.class, number, closedOn, closedOn == null ? null : "staff1",
        closedOn == null ? null : "回答済み");
  }

  private List<Long> remaining(String table, Long... ids) {
    return jdbc.queryForList("select id from " + table + " where id = any(?)", Long.class, (Object) ids);
  }
}
