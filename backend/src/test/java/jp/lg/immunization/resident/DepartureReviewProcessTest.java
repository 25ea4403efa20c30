package jp.lg.immunization.resident;

import static jp.lg.immunization.resident.feed.FeedFixture.file;
import static jp.lg.immunization.resident.feed.FeedFixture.person;
import static jp.lg.immunization.resident.feed.FeedFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.resident.feed.FeedFixture;
import jp.lg.immunization.resident.feed.FeedFixture.Person;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 転出 or 死亡 from the register while a resident's cases are open gives staff a task to decide about them; a
 * resident without open cases leaves without one.
 */
@IntegrationTest
class DepartureReviewProcessTest {

  static final LocalDate DAY = LocalDate.of(2025, 6, 1);

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired ProcessDriver driver;
  @Autowired JdbcTemplate jdbc;
  FeedFixture feed;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    feed = new FeedFixture(context);
  }

  @AfterEach
  void removeTheStandInTask() {
    jdbc.update("delete from task_view where id like 'departure-test-%'");
  }

  @Test
  void aResidentWhoDiesWithAnOpenCaseGetsAStaffDecisionAndOneWithoutGetsNone() throws Exception {
    Person withCase = person(LocalDate.of(1940, 1, 1));
    Person withoutCase = person(LocalDate.of(1941, 1, 1));
    feed.deliver(file(withCase.moveIn(serial(), DAY), withoutCase.moveIn(serial(), DAY)));
    long residentId = id(withCase);
    jdbc.update("""
        insert into task_view (id, process_instance_id, process_definition_id, process_key, process_name, task_key,
                               name, status, created_at, resident_id)
        values ('departure-test-1', 'p', 'd', 'ReliefClaim', '予防接種健康被害救済', 'CheckCompleteness', '書類の確認',
                'OPEN', now(), ?)""", residentId);

    feed.deliver(file(withCase.bare(serial(), "死亡", DAY.plusDays(3)),
        withoutCase.bare(serial(), "転出", DAY.plusDays(3))));

    assertThat(jdbc.queryForObject("select count(*) from departure_review where resident_id = ?", Long.class,
        id(withoutCase))).isZero();
    Map<String, Object> review = jdbc.queryForMap("select * from departure_review where resident_id = ?", residentId);
    assertThat(review).containsEntry("change", "DIED").containsEntry("open_tasks", 1).containsEntry("status", "OPEN");
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(review.get("id").toString(), DepartureReviews.PROCESS_KEY).singleResult();
    assertThat(instance).isWaitingAt("DecideOpenCasesOfDepartedResident").task().hasCandidateGroup("staff");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .containsOnlyKeys("residentId", "startedBy").containsEntry("residentId", residentId);

    driver.complete("staff1", instance, "DecideOpenCasesOfDepartedResident",
        Map.of("openCaseDecision", "WITHDRAW", "note", "死亡により請求者を確認して取り下げる"));

    assertThat(instance).isEnded().hasPassed("OpenCasesDecided");
    assertThat(jdbc.queryForMap("select status, decision, decided_by from departure_review where id = ?",
        review.get("id"))).containsEntry("status", "DECIDED").containsEntry("decision", "WITHDRAW")
        .containsEntry("decided_by", "staff1");
  }

  private long id(Person person) {
    return jdbc.queryForObject("select id from resident where addressee_number = ?", Long.class,
        person.addresseeNumber());
  }
}
