package jp.lg.immunization.disclosure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Steps the request tests share. Each test takes a synthetic resident of its own. */
class RequestFixtures {

  static final String PROCESS = ResidentRequests.PROCESS_KEY;

  /** The office's today: the app's clock runs in Japan time, whatever the machine's zone. */
  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  private final ProcessDriver driver;
  private final JdbcTemplate jdbc;
  private final ResidentFixtures residents;

  RequestFixtures(ProcessDriver driver, ApplicationContext context) {
    this.driver = driver;
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.residents = new ResidentFixtures(context);
  }

  long residentId() {
    return residents.insert(new ResidentFixtures.Person("開示", "請求子", "カイジ", "セイキュウコ", LocalDate.of(2020, 5, 1),
        Sex.FEMALE, "360-0001", "埼玉県架空市本町1丁目2番3号", "REGISTERED"));
  }

  String addresseeNumber(long residentId) {
    return residents.addresseeNumber(residentId);
  }

  Map<String, Object> intake(String kind, String addresseeNumber, LocalDate receivedOn) {
    return new HashMap<>(Map.of("kind", kind, "addresseeNumber", addresseeNumber, "requesterType", "LEGAL_REPRESENTATIVE",
        "requesterName", "開示 花子（テスト）", "requesterRelation", "親権者（母）",
        "requestText", "子の予防接種の記録と、その記録を見た職員の一覧（テスト）", "receivedOn", receivedOn.toString()));
  }

  ProcessInstance start(String kind) throws Exception {
    return driver.start("staff1", PROCESS, intake(kind, addresseeNumber(residentId()), today()));
  }

  /** Started and the requester's identity confirmed: the data is collected and the decision is open. */
  ProcessInstance confirmed(String kind) throws Exception {
    ProcessInstance instance = start(kind);
    confirm(instance);
    return instance;
  }

  void confirm(ProcessInstance instance) throws Exception {
    driver.complete("staff1", instance, "CheckRequesterIdentity",
        Map.of("identityDocument", "DRIVERS_LICENSE", "identityResult", "CONFIRMED"));
  }

  long id(ProcessInstance instance) {
    return Long.parseLong(instance.getBusinessKey());
  }

  Map<String, Object> request(ProcessInstance instance) {
    return jdbc.queryForMap("select * from resident_request where id = ?", id(instance));
  }

  LocalDate dueOn(ProcessInstance instance) {
    return ((java.sql.Date) request(instance).get("due_on")).toLocalDate();
  }
}
