package jp.lg.immunization.retention;

import static jp.lg.immunization.resident.feed.FeedFixture.file;
import static jp.lg.immunization.resident.feed.FeedFixture.person;
import static jp.lg.immunization.resident.feed.FeedFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.resident.feed.FeedFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R27 for what the register feed's work leaves (issue 14): a rejected staff entry of a new resident goes five years
 * after it was requested, a registered or pending one stays; a 転入 proposal goes five years after staff took it up or
 * dismissed it, an open one stays.
 */
@IntegrationTest
class ResidentFeedRetentionTest {

  /** Five years back is 2020-01-10 in Japan. */
  static final LocalDate TODAY = LocalDate.of(2025, 1, 10);

  @Autowired RetentionRuns retention;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  @Autowired Clock clock;

  @Test
  void R27_rejectedStaffEntriesGoFiveYearsAfterTheRequestAndRegisteredOrPendingOnesStay() throws Exception {
    long resident = movedIn();
    long rejected = entry("REJECTED", "2020-01-09T23:59:00+09:00", null);
    long rejectedRecently = entry("REJECTED", "2020-01-10T00:00:00+09:00", null);
    long registered = entry("REGISTERED", "2010-04-01T10:00:00+09:00", resident);
    long pending = entry("AWAITING_APPROVAL", "2010-04-01T10:00:00+09:00", null);

    assertThat(retention.run(TODAY)).containsEntry("RESIDENT_ENTRY", 1);

    assertThat(jdbc.queryForList("select id from resident_entry where id = any(?)", Long.class,
        (Object) new Long[] {rejected, rejectedRecently, registered, pending}))
        .containsExactlyInAnyOrder(rejectedRecently, registered, pending);
  }

  @Test
  void R27_moveInProposalsGoFiveYearsAfterTheDecisionAndOpenOnesStay() throws Exception {
    long resident = movedIn();
    long open = jdbc.queryForObject("select id from query_proposal where resident_id = ? and status = 'OPEN'",
        Long.class, resident);
    long dismissed = proposal(resident, "DISMISSED", "2015-04-01", "2020-01-09T23:59:00+09:00");
    long started = proposal(resident, "STARTED", "2016-04-01", "2019-06-01T10:00:00+09:00");
    long dismissedRecently = proposal(resident, "DISMISSED", "2017-04-01", "2020-01-10T00:00:00+09:00");
    jdbc.update("update query_proposal set created_at = '2010-04-01T10:00:00+09:00' where id = ?", open);

    assertThat(retention.run(TODAY)).containsEntry("QUERY_PROPOSAL", 2);

    assertThat(jdbc.queryForList("select id from query_proposal where id = any(?)", Long.class,
        (Object) new Long[] {open, dismissed, started, dismissedRecently}))
        .containsExactlyInAnyOrder(open, dismissedRecently);
  }

  /** A resident who moved in through the feed (which proposes a 情報照会 of their earlier doses). */
  private long movedIn() throws Exception {
    FeedFixture.Person person = person(LocalDate.of(2020, 7, 7));
    new FeedFixture(context).deliver(file(person.moveIn(serial(), LocalDate.now(clock).minusDays(3))));
    return jdbc.queryForObject("select id from resident where addressee_number = ?", Long.class,
        person.addresseeNumber());
  }

  private long entry(String status, String requestedAt, Long residentId) {
    return jdbc.queryForObject("""
        insert into resident_entry (status, items, reason, requested_by, requested_at, resident_id)
        values (?, '{"familyNameKanji":"保存"}', '職権記載の申請', 'staff1', ?::timestamptz, ?) returning id""",
        Long.class, status, requestedAt, residentId);
  }

  private long proposal(long residentId, String status, String movedInOn, String decidedAt) {
    return jdbc.queryForObject("""
        insert into query_proposal (resident_id, moved_in_on, status, created_at, decided_by, decided_at, note)
        values (?, ?::date, ?, ?::timestamptz, 'staff1', ?::timestamptz, '前住所地で接種なし') returning id""",
        Long.class, residentId, movedInOn, status, decidedAt, decidedAt);
  }
}
