package jp.lg.immunization.subsidy;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.Map;
import jp.lg.immunization.ProcessDriver;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Steps the co-pay exemption tests share. Synthetic residents are picked by the last digit of their 宛名番号, which
 * decides what the 庁内連携 simulator answers (see {@link CityLinkageSimulator}), among those without an application.
 */
class ExemptionFixtures {

  static final String PROCESS = ExemptionApplications.PROCESS_KEY;

  private final ProcessDriver driver;
  private final JdbcTemplate jdbc;
  private final CityLinkageSimulator linkage;

  ExemptionFixtures(ProcessDriver driver, JdbcTemplate jdbc, CityLinkageSimulator linkage) {
    this.driver = driver;
    this.jdbc = jdbc;
    this.linkage = linkage;
  }

  String residentEndingIn(char digit) {
    return jdbc.queryForObject("""
        select addressee_number from resident r where addressee_number like ? and status = 'REGISTERED'
          and not exists (select 1 from copay_exemption c where c.resident_id = r.id)
        order by id limit 1""", String.class, "%" + digit);
  }

  ProcessInstance startAtCounter(String addresseeNumber, String vaccineCode) throws Exception {
    return driver.start("staff1", PROCESS, Map.of("addresseeNumber", addresseeNumber, "vaccineCode", vaccineCode,
        "note", "窓口で申請"));
  }

  /** Started at the counter, the request sent and 庁内連携's answer delivered. */
  ProcessInstance startAndMatch(String addresseeNumber, String vaccineCode) throws Exception {
    ProcessInstance instance = startAtCounter(addresseeNumber, vaccineCode);
    execute(job("RequestStatusMatch", instance));
    linkage.deliverPendingAnswers();
    return instance;
  }
}
