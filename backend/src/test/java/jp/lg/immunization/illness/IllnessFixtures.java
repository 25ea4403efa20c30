package jp.lg.immunization.illness;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Steps the 長期療養特例 tests share. Each test takes a synthetic child of its own, three years old today: MR 1期
 * (生後12月から24月に至るまで) has passed, and the illness ended ten days ago.
 */
class IllnessFixtures {

  static final String PROCESS = IllnessExceptions.PROCESS_KEY;
  /** The district (地区) only these tests' residents live in, for the outreach search. */
  static final String DISTRICT = "療養特例町";

  /** The office's today: the app's clock runs in Japan time, whatever the machine's zone. */
  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  static LocalDate birth() {
    return today().minusYears(3);
  }

  static LocalDate illnessEnded() {
    return today().minusDays(10);
  }

  private final ProcessDriver driver;
  private final JdbcTemplate jdbc;
  private final ResidentFixtures residents;

  IllnessFixtures(ProcessDriver driver, ApplicationContext context) {
    this.driver = driver;
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.residents = new ResidentFixtures(context);
  }

  long residentId() {
    return residents.insert(new ResidentFixtures.Person("療養", "特例子", "リョウヨウ", "トクレイコ", birth(), Sex.FEMALE,
        "360-0001", "埼玉県架空市" + DISTRICT + "1丁目2番3号", "REGISTERED"));
  }

  String addresseeNumber(long residentId) {
    return residents.addresseeNumber(residentId);
  }

  Map<String, Object> recording(String addresseeNumber, List<String> vaccines) {
    Map<String, Object> values = new HashMap<>(Map.of("addresseeNumber", addresseeNumber, "vaccineCodes", vaccines,
        "diseaseCategory", "IMMUNOSUPPRESSIVE_TREATMENT", "diseaseName", "白血病",
        "illnessFrom", birth().plusMonths(6).toString(), "illnessTo", illnessEnded().toString(),
        "statementKind", "OPINION", "statementReceivedOn", today().minusDays(2).toString(),
        "statementInstitution", "架空市立病院（テスト）", "statementDoctor", "試験 医師"));
    values.put("note", "保護者が窓口で意見書を提出（テスト）");
    return values;
  }

  /** Recorded by staff1 for MR and BCG. */
  ProcessInstance start(long residentId) throws Exception {
    return driver.start("staff1", PROCESS, recording(addresseeNumber(residentId), List.of("MR", "BCG")));
  }

  long id(ProcessInstance instance) {
    return Long.parseLong(instance.getBusinessKey());
  }

  Map<String, Object> exception(ProcessInstance instance) {
    return jdbc.queryForMap("select * from illness_exception where id = ?", id(instance));
  }

  Map<String, LocalDate> extensions(ProcessInstance instance) {
    Map<String, LocalDate> found = new HashMap<>();
    jdbc.query("select vaccine_code, extended_until from illness_exception_vaccine where exception_id = ?",
        rs -> {
          found.put(rs.getString(1), rs.getDate(2).toLocalDate());
        }, id(instance));
    return found;
  }

  List<String> timeline(ProcessInstance instance) {
    return jdbc.queryForList("select kind from illness_exception_event where exception_id = ? order by id",
        String.class, id(instance));
  }
}
