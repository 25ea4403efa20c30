package jp.lg.immunization.vaccination.mistake;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.platform.LegalDates;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Doses the wrong-vaccination tests share: a synthetic child without doses gets BCG after the 1st birthday, which
 * the counter registers only as a confirmed E034 warning.
 */
class MistakeFixtures {

  static final Map<String, Object> FACTS = Map.of("doseRecordId", 0, "kind", "AGE",
      "whatHappened", "1歳を過ぎた児にBCGを接種した。予診票の生年月日の確認が漏れた",
      "cause", "予診時に母子健康手帳の生年月日と接種期限を照合しなかった",
      "prevention", "受付時に接種期限を確認し、予診票に確認欄を設ける",
      "healthDamage", "NONE");

  private final ProcessDriver driver;
  private final JdbcTemplate jdbc;

  MistakeFixtures(ProcessDriver driver, JdbcTemplate jdbc) {
    this.driver = driver;
    this.jdbc = jdbc;
  }

  /** A BCG dose given after the 1st birthday, registered at the counter with its warning confirmed. */
  long lateBcgDose() throws Exception {
    Map<String, Object> child = jdbc.queryForMap("""
        select id, addressee_number, birth_date from resident r
        where birth_date between current_date - interval '4 years' and current_date - interval '2 years'
          and status = 'REGISTERED' and not exists (select 1 from dose_record d where d.resident_id = r.id)
        order by id limit 1""");
    LocalDate birth = ((java.sql.Date) child.get("birth_date")).toLocalDate();
    Map<String, String> items = new LinkedHashMap<>();
    items.put("addresseeNumber", (String) child.get("addressee_number"));
    items.put("vaccine", "BCG");
    items.put("doseCategory", "1回");
    items.put("lotNumber", "BCG2025A");
    items.put("institutionId", "1110101");
    items.put("doctorId", "D1010101");
    items.put("placeId", "P01");
    items.put("doseDate", LegalDates.yearsReachedOn(birth, 1).plusDays(10).toString());
    String body = driver.perform("staff1", post("/api/doses"), Map.of("items", items, "confirmWarnings", true))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return Long.parseLong(body.replaceAll("\\D", ""));
  }

  ProcessInstance report(String username, long doseRecordId) throws Exception {
    Map<String, Object> values = new LinkedHashMap<>(FACTS);
    values.put("doseRecordId", doseRecordId);
    return driver.start(username, WrongVaccination.PROCESS_KEY, values);
  }

  Map<String, Object> reportOf(ProcessInstance instance) {
    return jdbc.queryForMap("select * from wrong_vaccination_report where id = ?",
        Long.parseLong(instance.getBusinessKey()));
  }
}
