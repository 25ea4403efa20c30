package jp.lg.immunization.vaccination.mistake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.platform.JapaneseDates;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The screens of 予防接種の間違い: the flagged doses, one report, a supervisor's dismissal, the annual CSV. */
@IntegrationTest
class WrongVaccinationApiTest {

  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;

  private MistakeFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new MistakeFixtures(driver, jdbc);
  }

  @Test
  void R04_aFlaggedDoseIsListedWithWhatWasDoneAndTheListedResidentsAreAudited() throws Exception {
    long dose = fixtures.lateBcgDose();
    int fiscalYear = fiscalYearOf(dose);
    long audits = audits("WRONG_VACCINATION_VIEW");

    mvc.perform(get("/api/doses/mistakes").param("fiscalYear", String.valueOf(fiscalYear)).with(users.as("staff2")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fiscalYearLabel").value(JapaneseDates.formatFiscalYear(fiscalYear)))
        .andExpect(jsonPath("$.rows[?(@.doseRecordId == " + dose + ")].state").value("OPEN"))
        .andExpect(jsonPath("$.rows[?(@.doseRecordId == " + dose + ")].errorCode").value("E034"));
    assertThat(audits("WRONG_VACCINATION_VIEW")).isGreaterThan(audits);

    ProcessInstance instance = fixtures.report("staff1", dose);
    mvc.perform(get("/api/doses/mistakes").param("fiscalYear", String.valueOf(fiscalYear)).with(users.as("staff2")))
        .andExpect(jsonPath("$.rows[?(@.doseRecordId == " + dose + ")].state").value("INFORMING"))
        .andExpect(jsonPath("$.rows[?(@.doseRecordId == " + dose + ")].reportId")
            .value(Integer.parseInt(instance.getBusinessKey())));
    mvc.perform(get("/api/doses/mistakes/reports/" + instance.getBusinessKey()).with(users.as("staff2")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kindLabel").value("対象年齢外の接種"))
        .andExpect(jsonPath("$.statusLabel").value("説明・連絡の記録中"))
        .andExpect(jsonPath("$.timeline[0].kind").value("OPENED"));
  }

  @Test
  void onlyASupervisorExplainsAFlagAsNoMistakeWithAReasonAndThenNoReportOpens() throws Exception {
    long dose = fixtures.lateBcgDose();
    driver.perform("staff1", post("/api/doses/mistakes/" + dose + "/dismissal"), Map.of("reason", "確認済み"))
        .andExpect(status().isForbidden());
    driver.perform("super1", post("/api/doses/mistakes/" + dose + "/dismissal"), Map.of("reason", " "))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.reason").exists());
    long audits = audits("WRONG_VACCINATION_DISMISSED");

    driver.perform("super1", post("/api/doses/mistakes/" + dose + "/dismissal"),
        Map.of("reason", "接種日の転記誤り。母子健康手帳で1歳前の接種を確認し、接種日を職権修正する")).andExpect(status().isNoContent());
    assertThat(audits("WRONG_VACCINATION_DISMISSED")).isEqualTo(audits + 1);
    driver.perform("super1", post("/api/doses/mistakes/" + dose + "/dismissal"), Map.of("reason", "二重"))
        .andExpect(status().isConflict());
    mvc.perform(get("/api/doses/mistakes").param("fiscalYear", String.valueOf(fiscalYearOf(dose)))
            .with(users.as("staff2")))
        .andExpect(jsonPath("$.rows[?(@.doseRecordId == " + dose + ")].state").value("DISMISSED"));

    Map<String, Object> values = new java.util.LinkedHashMap<>(MistakeFixtures.FACTS);
    values.put("doseRecordId", dose);
    driver.startRequest("staff1", WrongVaccination.PROCESS_KEY, values).andExpect(status().isConflict());
  }

  @Test
  void R12_theAnnualReportNeedsExportAndCarriesNoIdentityItemInEitherEncoding() throws Exception {
    long dose = fixtures.lateBcgDose();
    int fiscalYear = fiscalYearOf(dose);
    fixtures.report("staff1", dose);
    Map<String, Object> request = Map.of("fiscalYear", fiscalYear, "encoding", "SHIFT_JIS");

    driver.perform("staff2", post("/api/doses/mistakes/annual-report"), request).andExpect(status().isForbidden());
    long exports = audits("WRONG_VACCINATION_EXPORT");
    byte[] csv = driver.perform("staff1", post("/api/doses/mistakes/annual-report"), request)
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".csv")))
        .andReturn().getResponse().getContentAsByteArray();
    String text = new String(csv, Charset.forName("windows-31j"));
    assertThat(text).startsWith("\"報告番号\",\"接種日\"").contains("対象年齢外の接種").contains("BCG");
    Map<String, Object> who = jdbc.queryForMap("""
        select r.addressee_number, r.family_name_kanji || r.given_name_kanji, r.address from resident r
        join dose_record d on d.resident_id = r.id
        where d.id = ?""", dose);
    who.values().forEach(item -> assertThat(text).doesNotContain(String.valueOf(item)));
    assertThat(audits("WRONG_VACCINATION_EXPORT")).isEqualTo(exports + 1);

    driver.perform("staff1", post("/api/doses/mistakes/annual-report"), Map.of("fiscalYear", fiscalYear))
        .andExpect(status().isBadRequest());
  }

  private int fiscalYearOf(long dose) {
    LocalDate date = jdbc.queryForObject("select dose_date from dose_record where id = ?", LocalDate.class, dose);
    return JapaneseDates.fiscalYearOf(date);
  }

  private long audits(String operation) {
    return jdbc.queryForObject("select count(*) from audit_event where operation = ?", Long.class, operation);
  }
}
