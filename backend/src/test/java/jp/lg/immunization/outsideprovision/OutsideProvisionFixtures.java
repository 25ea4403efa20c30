package jp.lg.immunization.outsideprovision;

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

/** Steps the provision tests share; each test takes a synthetic resident of its own who has moved away. */
class OutsideProvisionFixtures {

  static final String PROCESS = OutsideProvisions.PROCESS_KEY;

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  private final ProcessDriver driver;
  private final JdbcTemplate jdbc;
  private final ResidentFixtures residents;

  OutsideProvisionFixtures(ProcessDriver driver, ApplicationContext context) {
    this.driver = driver;
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.residents = new ResidentFixtures(context);
  }

  long residentId() {
    return residents.insert(new ResidentFixtures.Person("提供", "外子", "テイキョウ", "ソトコ", today().minusYears(4),
        Sex.FEMALE, "360-0001", "埼玉県架空市提供町1丁目2番3号", "REGISTERED"));
  }

  String addresseeNumber(long residentId) {
    return residents.addresseeNumber(residentId);
  }

  /** The details of a provision by e-mail to the municipality the resident moved to. */
  static Map<String, Object> details() {
    return new HashMap<>(Map.of("recipientKind", "MUNICIPALITY", "recipientName", "架空町 健康推進課（テスト）",
        "recipientContact", "kenko@town.example.lg.jp", "method", "EMAIL",
        "content", "予防接種履歴（接種種別・接種区分・接種年月日）", "purpose", "転出先での定期接種の実施のため",
        "legalBasis", "番号利用法第19条第8号及び別表の14の項"));
  }

  Map<String, Object> recording(long residentId) {
    Map<String, Object> values = details();
    values.put("addresseeNumber", addresseeNumber(residentId));
    return values;
  }

  /** Recorded by staff1. */
  ProcessInstance start(long residentId) throws Exception {
    return driver.start("staff1", PROCESS, recording(residentId));
  }

  static Map<String, Object> confirmation() {
    return Map.of("approval", "APPROVE", "contentChecked", true, "recipientChecked", true);
  }

  long id(ProcessInstance instance) {
    return Long.parseLong(instance.getBusinessKey());
  }

  Map<String, Object> provision(ProcessInstance instance) {
    return jdbc.queryForMap("select * from outside_provision where id = ?", id(instance));
  }

  List<String> timeline(ProcessInstance instance) {
    return jdbc.queryForList("select kind from outside_provision_event where provision_id = ? order by id",
        String.class, id(instance));
  }
}
