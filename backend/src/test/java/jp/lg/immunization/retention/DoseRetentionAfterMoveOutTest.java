package jp.lg.immunization.retention;

import static jp.lg.immunization.resident.feed.FeedFixture.file;
import static jp.lg.immunization.resident.feed.FeedFixture.person;
import static jp.lg.immunization.resident.feed.FeedFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.resident.feed.FeedFixture;
import jp.lg.immunization.resident.feed.FeedFixture.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R27 driven by the register: a 転出 from the resident register feed (not an update of the status by hand) starts the
 * five years after which the resident's dose records go, counted from the 異動日.
 */
@IntegrationTest
class DoseRetentionAfterMoveOutTest {

  static final LocalDate TODAY = LocalDate.of(2025, 1, 10);

  @Autowired ApplicationContext context;
  @Autowired RetentionRuns retention;
  @Autowired JdbcTemplate jdbc;

  @Test
  void R27_dosesOfAResidentWhoMovedOutByTheFeedGoFiveYearsAfterTheMoveOutDay() throws Exception {
    FeedFixture feed = new FeedFixture(context);
    Person leftLongAgo = person(LocalDate.of(2010, 4, 4));
    Person leftRecently = person(LocalDate.of(2010, 5, 5));
    feed.deliver(file(leftLongAgo.moveIn(serial(), LocalDate.of(2012, 1, 1)),
        leftRecently.moveIn(serial(), LocalDate.of(2012, 1, 1))));
    long expired = dose(leftLongAgo);
    long kept = dose(leftRecently);

    feed.deliver(file(leftLongAgo.bare(serial(), "転出", LocalDate.of(2020, 1, 9)),
        leftRecently.bare(serial(), "転出", LocalDate.of(2020, 1, 10))));
    retention.run(TODAY);

    assertThat(jdbc.queryForList("select id from dose_record where id = any(?)", Long.class,
        (Object) new Long[] {expired, kept})).containsExactly(kept);
    assertThat(jdbc.queryForList("select status from resident where addressee_number = ?", String.class,
        leftLongAgo.addresseeNumber())).isEqualTo(List.of("MOVED_OUT"));
  }

  private long dose(Person person) {
    return jdbc.queryForObject("""
        insert into dose_record (vaccine, dose_category, resident_id, birth_date, sex, dose_date)
        select 'MR', '1期', id, birth_date, sex, '2011-05-01' from resident where addressee_number = ?
        returning id""", Long.class, person.addresseeNumber());
  }
}
