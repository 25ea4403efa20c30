package jp.lg.immunization.resident.feed;

import static org.assertj.core.api.Assertions.assertThat;

import jp.lg.immunization.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R01: residents enter only through the register feed, staff entry or 市町村CS, and each names where it came from. */
@IntegrationTest
class ResidentSourcesTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void R01_theDemoRegisterCameThroughTheFeedAndEveryResidentKeepsTheChangeThatBroughtIt() {
    long delivered = jdbc.queryForObject("select count(*) from resident where source_system = ?", Long.class,
        DemoRegisterFeed.SIMULATOR);
    assertThat(delivered).isGreaterThan(1_000);
    assertThat(jdbc.queryForObject("""
        select count(*) from resident r where r.source_system = ? and (r.source <> 'RESIDENT_REGISTER_FEED'
          or not exists (select 1 from resident_change c join resident_feed_file f on f.id = c.feed_file_id
                         where c.resident_id = r.id and c.outcome = 'APPLIED' and f.source_system = ?))""",
        Long.class, DemoRegisterFeed.SIMULATOR, DemoRegisterFeed.SIMULATOR)).isZero();
    assertThat(jdbc.queryForList("select distinct kind from resident_change where source_system = ?", String.class,
        DemoRegisterFeed.SIMULATOR)).contains("REGISTERED_FROM_EXTRACT", "BORN", "ADDRESS_CHANGED", "MOVED_OUT");
  }

  @Test
  void R01_everyResidentNamesItsSourceAndNoneWasLoadedAroundTheFeed() {
    assertThat(jdbc.queryForList("select distinct source from resident", String.class))
        .isSubsetOf("RESIDENT_REGISTER_FEED", "STAFF_ENTRY", "RESIDENT_NETWORK_CS");
    assertThat(jdbc.queryForObject("""
        select count(*) from resident where source = 'RESIDENT_REGISTER_FEED' and source_system is null""",
        Long.class)).isZero();
  }
}
