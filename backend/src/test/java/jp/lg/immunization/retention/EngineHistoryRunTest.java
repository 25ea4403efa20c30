package jp.lg.immunization.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import jp.lg.immunization.IntegrationTest;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R27 through the nightly run: the engine's expired history (cases and decisions) is deleted by the app's rules and
 * recorded (ids, kind, when) and audited, once, however often the run is repeated or by how many nodes at once; a
 * case whose resident the engine cannot name stays while any legal hold is active. (Holds on named residents, chunks
 * and the days: {@code workflow.EngineHistoryRetentionTest}.)
 */
@IntegrationTest
class EngineHistoryRunTest {

  static final Instant ENDED = Instant.parse("2019-06-04T00:00:00Z");
  /** The permit list keeps its evaluations seven years. */
  static final Instant EVALUATED = Instant.parse("2010-01-04T00:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2019, 6, 6);
  /** Not in the classification of processes: the rule cannot tell whose case it is. */
  static final String PROCESS_KEY = "EngineHistoryRunR27";

  @Autowired RetentionRuns retention;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired DecisionService decisions;
  @Autowired JdbcTemplate jdbc;

  String deployment;

  @BeforeEach
  void deployAndLiftEveryHold() {
    deployment = repository.createDeployment().name("engine-history-run-test")
        .addModelInstance(PROCESS_KEY + ".bpmn", Bpmn.createExecutableProcess(PROCESS_KEY).camundaHistoryTimeToLive(1)
            .startEvent().userTask("CheckSomething").camundaCandidateGroups("staff").endEvent().done())
        .deploy().getId();
    liftEveryHold();
  }

  @AfterEach
  void undeploy() {
    ClockUtil.reset();
    liftEveryHold();
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void R27_expiredCasesAndDecisionsAreDeletedRecordedAndAuditedOnceThoughTheRunIsRepeatedOrRunByTwoNodesAtOnce()
      throws Exception {
    String ended = endedCase();
    String decision = evaluatedDecision();
    long auditsBefore = audits("ENGINE_HISTORY");

    assertThat(retention.run(TODAY)).containsEntry("ENGINE_HISTORY", 1).containsEntry("DECISION_HISTORY", 1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count()).isZero();
    assertThat(history.createHistoricDecisionInstanceQuery().decisionInstanceId(decision).count()).isZero();
    assertThat(recordsOf(ended)).isOne();
    assertThat(recordsOf(decision)).isOne();
    assertThat(jdbc.queryForObject("""
        select deleted from retention_deletion where kind = 'ENGINE_HISTORY' and ? = any (deleted_keys)""", Integer.class,
        ended)).isOne();
    assertThat(audits("ENGINE_HISTORY")).isEqualTo(auditsBefore + 1);

    assertThat(retention.run(TODAY)).containsEntry("ENGINE_HISTORY", 0).containsEntry("DECISION_HISTORY", 0);
    assertThat(recordsOf(ended)).isOne();

    List<String> cases = Stream.generate(this::endedCase).limit(6).toList();
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Map<String, Integer>>> nodes = Stream.of(1, 2)
        .map(node -> CompletableFuture.supplyAsync(() -> {
          try {
            together.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return retention.run(TODAY);
        })).toList();
    int deletedByBoth = 0;
    for (CompletableFuture<Map<String, Integer>> node : nodes) {
      assertThat(node.get()).containsKey("ENGINE_HISTORY");
      deletedByBoth += node.get().get("ENGINE_HISTORY");
    }
    assertThat(deletedByBoth).isEqualTo(cases.size());
    cases.forEach(id -> assertThat(recordsOf(id)).as(id).isOne());
  }

  @Test
  void R27_aCaseWhoseResidentTheEngineCannotNameStaysWhileAnyLegalHoldIsActive() {
    String ended = endedCase();
    long resident = jdbc.queryForObject("select id from resident order by id limit 1", Long.class);
    jdbc.update("insert into legal_hold (resident_id, reason, set_by, set_at) values (?, '訴訟のため保全', 'admin1', now())",
        resident);

    assertThat(retention.run(TODAY)).containsEntry("ENGINE_HISTORY", 0);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count()).isOne();

    liftEveryHold();
    assertThat(retention.run(TODAY)).containsEntry("ENGINE_HISTORY", 1);
    assertThat(recordsOf(ended)).isOne();
  }

  private String endedCase() {
    ClockUtil.setCurrentTime(Date.from(ENDED));
    String id = runtime.startProcessInstanceByKey(PROCESS_KEY).getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
    ClockUtil.reset();
    return id;
  }

  private String evaluatedDecision() {
    ClockUtil.setCurrentTime(Date.from(EVALUATED));
    decisions.evaluateDecisionByKey("QueryPermitList")
        .variables(Map.of("informationItem", "R27_TEST", "legalBasis", "R27_TEST")).evaluate();
    ClockUtil.reset();
    return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("QueryPermitList")
        .evaluatedBefore(Date.from(EVALUATED.plusSeconds(1))).evaluatedAfter(Date.from(EVALUATED.minusSeconds(1)))
        .singleResult().getId();
  }

  private void liftEveryHold() {
    jdbc.update("update legal_hold set lifted_at = now(), lifted_by = 'test', lift_reason = 'test' where lifted_at is null");
  }

  private long recordsOf(String key) {
    return jdbc.queryForObject("select count(*) from retention_deletion where ? = any (deleted_keys)", Long.class, key);
  }

  private long audits(String kind) {
    return jdbc.queryForObject("select count(*) from audit_event where operation = 'RETENTION_DELETE' and detail like ?",
        Long.class, "kind=" + kind + " %");
  }
}
