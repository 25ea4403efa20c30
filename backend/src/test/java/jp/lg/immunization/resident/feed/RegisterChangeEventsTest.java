package jp.lg.immunization.resident.feed;

import static jp.lg.immunization.resident.feed.FeedFixture.file;
import static jp.lg.immunization.resident.feed.FeedFixture.person;
import static jp.lg.immunization.resident.feed.FeedFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.resident.ItemGroup;
import jp.lg.immunization.resident.ResidentRegisterChanged;
import jp.lg.immunization.resident.ResidentRegisterChanged.Change;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * What other modules learn of a file of 異動 applied set-based (one per resident, as a day's changes come): one
 * ResidentRegisterChanged per resident, saying which groups of items it replaced, so that a listener reacts only to
 * what it depends on; a resident new to the register had nothing to replace.
 */
@IntegrationTest
@RecordApplicationEvents
class RegisterChangeEventsTest {

  @Autowired ApplicationContext context;
  @Autowired ApplicationEvents events;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void R01_eachChangeSaysWhichItemsItReplacedAndANewResidentHasNothingReplaced() throws Exception {
    FeedFixture feed = new FeedFixture(context);
    LocalDate day = LocalDate.now(clock).minusDays(20);
    FeedFixture.Person moving = person(LocalDate.of(2019, 4, 4));
    FeedFixture.Person staying = person(LocalDate.of(2018, 3, 3));
    FeedFixture.Person dying = person(LocalDate.of(1940, 2, 2));
    feed.deliver(file(moving.moveIn(serial(), day), staying.moveIn(serial(), day), dying.moveIn(serial(), day)));

    assertThat(changesOf(moving)).singleElement().satisfies(change -> {
      assertThat(change.change()).isEqualTo(Change.MOVED_IN);
      assertThat(change.changed()).isEmpty();
    });
    events.clear();

    feed.deliver(file(moving.line(serial(), "転居", day.plusDays(5), day.plusDays(5), "熊谷市新町九丁目9番9号"),
        staying.line(serial(), "転居", day.plusDays(5), day.plusDays(5), "熊谷市宮町一丁目1番1号"),
        dying.bare(serial(), "死亡", day.plusDays(6))));

    assertThat(changesOf(moving)).singleElement().satisfies(change -> {
      assertThat(change.change()).isEqualTo(Change.ADDRESS_CHANGED);
      assertThat(change.changed()).containsExactly(ItemGroup.ADDRESS);
      assertThat(change.on()).isEqualTo(day.plusDays(5));
    });
    assertThat(changesOf(staying)).singleElement()
        .satisfies(change -> assertThat(change.changed()).as("the same address again").isEmpty());
    assertThat(changesOf(dying)).singleElement().satisfies(change -> {
      assertThat(change.changed()).containsExactly(ItemGroup.STATUS);
      assertThat(change.leftTheRegister()).isTrue();
    });
    assertThat(jdbc.queryForMap("select address, status from resident where addressee_number = ?",
        moving.addresseeNumber())).containsEntry("address", "熊谷市新町九丁目9番9号").containsEntry("status", "REGISTERED");
    assertThat(jdbc.queryForMap("select status, status_since from resident where addressee_number = ?",
        dying.addresseeNumber())).containsEntry("status", "DECEASED")
        .containsEntry("status_since", java.sql.Date.valueOf(day.plusDays(6)));
    assertThat(jdbc.queryForObject("""
        select before_items->>'address' from resident_change c join resident r on r.id = c.resident_id
        where r.addressee_number = ? and c.kind = 'ADDRESS_CHANGED' and c.outcome = 'APPLIED'""", String.class,
        moving.addresseeNumber())).isEqualTo("熊谷市宮町一丁目1番1号");
  }

  private List<ResidentRegisterChanged> changesOf(FeedFixture.Person person) {
    long id = jdbc.queryForObject("select id from resident where addressee_number = ?", Long.class,
        person.addresseeNumber());
    return events.stream(ResidentRegisterChanged.class).filter(change -> change.residentId() == id).toList();
  }
}
