package jp.lg.immunization.illness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.platform.LegalDates;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The special case against the calendar of the resident: the illness must overlap the vaccine's routine period, and
 * the last days follow the birth date the register holds, also when it is corrected after the case was approved.
 */
@IntegrationTest
class IllnessPeriodTest {

  @Autowired ProcessDriver driver;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;

  private IllnessFixtures fixtures;
  private long residentId;

  @BeforeEach
  void setUp() {
    fixtures = new IllnessFixtures(driver, context);
    residentId = fixtures.residentId();
  }

  private Map<String, Object> illness(String vaccine, LocalDate from, LocalDate to) {
    Map<String, Object> values = fixtures.recording(fixtures.addresseeNumber(residentId), List.of(vaccine));
    values.put("illnessFrom", from.toString());
    values.put("illnessTo", to.toString());
    return values;
  }

  @Test
  void anIllnessThatEndedBeforeTheRoutinePeriodBeganIsRefused() throws Exception {
    // MR 1期 begins the day before the first birthday: an illness from 1 to 10 months of age did not keep the child
    // from it.
    LocalDate birth = IllnessFixtures.birth();
    driver.startRequest("staff1", IllnessFixtures.PROCESS, illness("MR", birth.plusMonths(1), birth.plusMonths(10)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.vaccineCodes", containsString("まだ定期接種の期間が始まっていない")));
    // The same illness lasting to the day the period begins overlaps it.
    driver.startRequest("staff1", IllnessFixtures.PROCESS,
            illness("MR", birth.plusMonths(1), LegalDates.monthsReachedOn(birth, 12)))
        .andExpect(status().isCreated());
  }

  @Test
  void anIllnessThatBeganAfterTheRoutinePeriodEndedIsRefused() throws Exception {
    // ロタ ends at 出生32週0日後 at the latest: an illness from the first birthday began after it.
    LocalDate birth = IllnessFixtures.birth();
    driver.startRequest("staff1", IllnessFixtures.PROCESS,
            illness("ROTAVIRUS", birth.plusYears(1), IllnessFixtures.illnessEnded()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.vaccineCodes", containsString("より前に定期接種の期間が終わっている")));
    assertThat(jdbc.queryForObject("select count(*) from illness_exception where resident_id = ?", Long.class,
        residentId)).isZero();
  }

  @Test
  void aCorrectedBirthDateMovesTheLastDayOfAnExtensionInForce() throws Exception {
    ProcessInstance instance = fixtures.start(residentId);
    driver.complete("super1", instance, "ApproveLongTermIllnessException", Map.of("approval", "APPROVE"));
    LocalDate twoYears = LegalDates.monthsReachedOn(IllnessFixtures.illnessEnded(), 24);
    assertThat(fixtures.extensions(instance)).containsEntry("BCG",
        LegalDates.yearsReachedOn(IllnessFixtures.birth(), 4));

    LocalDate corrected = IllnessFixtures.birth().minusMonths(2);
    driver.start("staff2", "ResidentIdentityCorrection", Map.of("addresseeNumber", fixtures.addresseeNumber(residentId),
        "birthDate", corrected.toString(), "sex", "FEMALE", "reason", "出生届の記載誤り（戸籍で確認）"));

    assertThat(jdbc.queryForObject("select birth_date from resident where id = ?", LocalDate.class, residentId))
        .isEqualTo(corrected);
    assertThat(fixtures.extensions(instance)).containsEntry("BCG", LegalDates.yearsReachedOn(corrected, 4))
        .containsEntry("MR", twoYears);
    assertThat(fixtures.timeline(instance)).containsSubsequence("APPROVED", "RECOMPUTED");
    assertThat(jdbc.queryForObject("select expires_on from illness_exception where id = ?", LocalDate.class,
        fixtures.id(instance))).isEqualTo(twoYears);
  }
}
