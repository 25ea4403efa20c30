package jp.lg.immunization.resident;

import static jp.lg.immunization.resident.feed.FeedFixture.file;
import static jp.lg.immunization.resident.feed.FeedFixture.person;
import static jp.lg.immunization.resident.feed.FeedFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.infonetwork.network.NetworkCodes;
import jp.lg.immunization.resident.feed.FeedFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 符号 of the information network comes from the 団体内統合宛名システム through the resident's 統合宛名番号, which
 * the register feed carries (issue 14): asked once, by that number only (never a 個人番号), and kept.
 */
@IntegrationTest
class IntegratedAddresseeSystemTest {

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired NetworkCodes codes;
  @Autowired IntegratedAddresseeSimulator system;
  FeedFixture feed;

  @BeforeEach
  void setUp() {
    feed = new FeedFixture(context);
  }

  @Test
  void theNetworkCodeIsAskedOfTheIntegratedAddresseeSystemByTheIntegratedNumberTheFeedBrought() throws Exception {
    FeedFixture.Person arrived = arrived();
    long residentId = residentId(arrived);
    int asked = system.receivedNumbers().size();

    String code = codes.codeFor(residentId);

    assertThat(code).isEqualTo(IntegratedAddresseeSimulator.codeOf(arrived.integratedNumber()));
    assertThat(system.receivedNumbers()).hasSize(asked + 1).last().isEqualTo(arrived.integratedNumber());
    assertThat(jdbc.queryForObject("""
        select arguments::text from outbound_call where system = 'integrated-addressee' and request_id = ?""",
        String.class, arrived.integratedNumber())).as("the outbox keeps the number asked for, not the 個人番号")
        .contains(arrived.integratedNumber()).doesNotContain(arrived.myNumber().digits())
        .doesNotContain(arrived.addresseeNumber());
    assertThat(codes.codeFor(residentId)).as("kept once obtained").isEqualTo(code);
    assertThat(system.receivedNumbers()).hasSize(asked + 1);
    assertThat(codes.residentFor(code)).contains(residentId);
  }

  @Test
  void whenTheSystemCannotBeReachedNoCodeIsKeptAndTheCallerFailsToBeRetried() throws Exception {
    long residentId = residentId(arrived());
    system.failNextRequests(1);

    assertThatThrownBy(() -> codes.codeFor(residentId))
        .isInstanceOf(IntegratedAddresseePort.IntegratedAddresseeUnavailableException.class);
    assertThat(jdbc.queryForObject("select count(*) from network_code where resident_id = ?", Long.class, residentId))
        .isZero();

    assertThat(codes.codeFor(residentId)).startsWith("SIM-");
  }

  private FeedFixture.Person arrived() throws Exception {
    FeedFixture.Person person = person(LocalDate.of(2021, 5, 5));
    feed.deliver(file(person.moveIn(serial(), LocalDate.now(clock).minusDays(2))));
    return person;
  }

  private long residentId(FeedFixture.Person person) {
    return jdbc.queryForObject("select id from resident where addressee_number = ? and integrated_addressee_number = ?",
        Long.class, person.addresseeNumber(), person.integratedNumber());
  }
}
