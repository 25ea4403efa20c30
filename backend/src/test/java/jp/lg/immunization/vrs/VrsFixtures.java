package jp.lg.immunization.vrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.resident.MyNumber;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Steps the VRS tests share. Each test takes a synthetic resident of its own, 70 years old, with a 個人番号 whose
 * eleventh digit puts its former records in 東京都千代田区 (131016) in the simulator's world.
 */
class VrsFixtures {

  static final String MOVER_PROCESS = MoverQueries.PROCESS_KEY;
  static final String FORMER_CODE = "131016";
  /** A real municipality's code (横浜市), valid but not where the resident came from. */
  static final String WRONG_CODE = "141003";

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  private final ProcessDriver driver;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final ResidentFixtures residents;

  VrsFixtures(ProcessDriver driver, ApplicationContext context) {
    this.driver = driver;
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.json = context.getBean(ObjectMapper.class);
    this.residents = new ResidentFixtures(context);
  }

  long resident() {
    long id = residentWithoutMyNumber();
    residents.giveMyNumber(id, myNumberOf(id));
    return id;
  }

  long residentWithoutMyNumber() {
    return residents.insert(new ResidentFixtures.Person("転入", "記録子", "テンニュウ", "キロクコ", today().minusYears(70),
        Sex.FEMALE, "360-0001", "埼玉県架空市転入町1丁目2番3号", "REGISTERED"));
  }

  /** Eleventh digit 0: 千代田区 in {@link VrsSimulator#FORMER_MUNICIPALITIES}. */
  static MyNumber myNumberOf(long residentId) {
    return MyNumber.withCheckDigit(String.format("%010d", residentId) + "0");
  }

  String addresseeNumber(long residentId) {
    return residents.addresseeNumber(residentId);
  }

  Map<String, Object> request(long residentId, String code) {
    return new HashMap<>(Map.of("addresseeNumber", addresseeNumber(residentId), "formerMunicipalityCode", code,
        "consentDocument", "TICKET_APPLICATION", "consentGivenOn", today().toString(),
        "identityDocument", "MY_NUMBER_CARD", "identityCheckedOn", today().toString()));
  }

  ProcessInstance start(long residentId, String code) throws Exception {
    return driver.start("staff1", MOVER_PROCESS, request(residentId, code));
  }

  Map<String, Object> query(ProcessInstance instance) {
    return jdbc.queryForMap("select * from vrs_mover_query where id = ?", Long.parseLong(instance.getBusinessKey()));
  }

  /** Registers a COVID-19 dose at the counter as staff do, and returns its id. */
  long registerCovidDose(long residentId, LocalDate date, String maker, String lot) throws Exception {
    String body = driver.perform("staff1", post("/api/doses"), Map.of("items", covidItems(residentId, date, maker, lot),
        "confirmWarnings", true)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    JsonNode created = json.readTree(body);
    return created.get("id").asLong();
  }

  Map<String, String> covidItems(long residentId, LocalDate date, String maker, String lot) {
    return Map.of("addresseeNumber", addresseeNumber(residentId), "vaccine", "新型コロナ", "doseCategory", "1回",
        "doseDate", date.toString(), "vaccineMaker", maker, "lotNumber", lot, "institutionId", "1110101",
        "doctorId", "D1010101");
  }
}
