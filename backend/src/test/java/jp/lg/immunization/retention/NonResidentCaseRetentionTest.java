package jp.lg.immunization.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R27: a 住登外者確認 that registered nobody goes five years after it was opened; a confirmed one, or one still
 * running, stays.
 */
@IntegrationTest
class NonResidentCaseRetentionTest {

  /** Five years back is 2020-01-10 in Japan. */
  static final LocalDate TODAY = LocalDate.of(2025, 1, 10);

  @Autowired RetentionRuns retention;
  @Autowired JdbcTemplate jdbc;

  @Test
  void R27_endedCasesThatRegisteredNobodyGoFiveYearsAfterTheyWereOpened() {
    long notFound = nonResidentCase("NOT_FOUND", "2020-01-09T23:59:00+09:00");
    long withdrawn = nonResidentCase("WITHDRAWN", "2018-04-01T10:00:00+09:00");
    long timedOutRecently = nonResidentCase("TIMED_OUT", "2020-01-10T00:00:00+09:00");
    long confirmed = nonResidentCase("CONFIRMED", "2010-04-01T10:00:00+09:00");
    long running = nonResidentCase("LOOKING_UP", "2010-04-01T10:00:00+09:00");

    assertThat(retention.run(TODAY)).containsEntry("NON_RESIDENT_CASE", 2);

    assertThat(jdbc.queryForList("select id from non_resident_case where id = any(?)", Long.class,
        (Object) new Long[] {notFound, withdrawn, timedOutRecently, confirmed, running}))
        .containsExactlyInAnyOrder(timedOutRecently, confirmed, running);
    assertThat(jdbc.queryForObject("""
        select deleted_ids from retention_deletion where kind = 'NON_RESIDENT_CASE' order by id desc limit 1""",
        java.sql.Array.class)).satisfies(ids -> assertThat(List.of((Long[]) ids.getArray()))
        .containsExactly(Math.min(notFound, withdrawn), Math.max(notFound, withdrawn)));
  }

  private long nonResidentCase(String status, String createdAt) {
    return jdbc.queryForObject("""
        insert into non_resident_case (status, query_name_kana, query_birth_date, query_sex, query_reason, requested_by,
                                       created_at)
        values (?, 'ジュウトウガイ タロウ', '1980-01-01', 'MALE', '予防接種の確認', 'staff1', ?::timestamptz) returning id""",
        Long.class, status, createdAt);
  }
}
