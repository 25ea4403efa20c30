package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.platform.RetentionRule;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R27 for the engine's own history, deleted by the app's ENGINE_HISTORY rule and no longer by Camunda's cleanup: an
 * ended case's history (and its task read model rows) goes the day after its definition's historyTimeToLive has
 * passed since it ended, not earlier; a running case stays however old; a case about a held resident stays until the
 * hold is lifted; the deletion runs in chunks, each in its own transaction, and two runs at once delete each case
 * once. Ending a case stamps no removal time on its history (issue 19).
 */
@IntegrationTest
class EngineHistoryRetentionTest {

  /** Long before any other test's cases, so that the rule finds only this test's instances. */
  static final Instant STARTED = Instant.parse("2019-06-01T00:00:00Z");
  /** 09:00 on 2019-06-04 in Japan; with one day to live, due on the run of 2019-06-06. */
  static final Instant ENDED = STARTED.plus(Duration.ofDays(3));
  static final LocalDate LAST_DAY_KEPT = LocalDate.of(2019, 6, 5);
  static final LocalDate FIRST_DAY_DELETED = LocalDate.of(2019, 6, 6);
  static final List<String> HISTORY_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
      "act_hi_varinst", "act_hi_detail", "act_hi_identitylink");
  static final String ABOUT_A_RESIDENT = "EngineHistoryRetentionR27";
  static final String RESIDENT_ELSEWHERE = "EngineHistoryRetentionElsewhereR27";
  /** Also a process whose resident the engine does not name, but here the case ended where it registered nobody. */
  static final String REGISTERED_NOBODY = "EngineHistoryRetentionNobodyR27";
  static final RetentionRule.KeptResidents NOBODY_KEPT = new RetentionRule.KeptResidents(new Long[0], false);

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  String deployment;

  @BeforeEach
  void deploy() {
    var builder = repository.createDeployment().name("engine-history-retention-test");
    for (String key : List.of(ABOUT_A_RESIDENT, RESIDENT_ELSEWHERE, REGISTERED_NOBODY)) {
      builder.addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
          .startEvent().userTask("CheckSomething").camundaCandidateGroups("staff").endEvent("Done").done());
    }
    deployment = builder.deploy().getId();
  }

  @AfterEach
  void undeploy() {
    ClockUtil.reset();
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void R27_anExpiredCaseGoesWithItsWholeHistoryTheDayAfterItsTimeToLiveButNotEarlierAndARunningCaseStays() {
    String ended = endedCase(ABOUT_A_RESIDENT, -1L);
    String running = startedCase(ABOUT_A_RESIDENT, -2L);
    HISTORY_TABLES.forEach(table -> assertThat(rows(table, ended)).as(table).isPositive());
    HISTORY_TABLES.forEach(table -> assertThat(jdbc.queryForObject("select count(*) from " + table
        + " where root_proc_inst_id_ = ? and removal_time_ is not null", Long.class, ended)).as(table).isZero());
    assertThat(readModelRows(ended)).isPositive();

    assertThat(deleteAll(rule(10), LAST_DAY_KEPT, NOBODY_KEPT)).isEmpty();
    HISTORY_TABLES.forEach(table -> assertThat(rows(table, ended)).as(table).isPositive());

    assertThat(deleteAll(rule(10), FIRST_DAY_DELETED, NOBODY_KEPT)).containsExactly(ended);
    HISTORY_TABLES.forEach(table -> assertThat(rows(table, ended)).as(table).isZero());
    assertThat(readModelRows(ended)).isZero();
    HISTORY_TABLES.forEach(table -> assertThat(rows(table, running)).as(table).isPositive());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(running).count()).isOne();
    assertThat(readModelRows(running)).isOne();
  }

  @Test
  void R27_aHeldResidentsExpiredCaseStaysUntilTheHoldIsLiftedAndACaseWhoseResidentTheEngineCannotNameStaysWhileAnyHoldIs() {
    String held = endedCase(ABOUT_A_RESIDENT, -11L);
    String notHeld = endedCase(ABOUT_A_RESIDENT, -12L);
    String aboutNobody = endedCase(ABOUT_A_RESIDENT, null);
    String residentElsewhere = endedCase(RESIDENT_ELSEWHERE, null);
    String registeredNobody = endedCase(REGISTERED_NOBODY, null);
    RetentionRule.KeptResidents holdOnFirst = new RetentionRule.KeptResidents(new Long[] {-11L}, true);

    assertThat(deleteAll(rule(10), FIRST_DAY_DELETED, holdOnFirst))
        .containsExactlyInAnyOrder(notHeld, aboutNobody, registeredNobody);
    assertThat(rows("act_hi_procinst", held)).isOne();
    assertThat(rows("act_hi_procinst", residentElsewhere)).isOne();

    // The hold is lifted: the next night deletes them.
    assertThat(deleteAll(rule(10), FIRST_DAY_DELETED, NOBODY_KEPT)).containsExactlyInAnyOrder(held, residentElsewhere);
    Stream.of(held, residentElsewhere).forEach(id -> assertThat(rows("act_hi_procinst", id)).isZero());
  }

  @Test
  void R27_manyExpiredCasesGoInChunksEachItsOwnTransactionAndTwoRunsAtOnceDeleteEachOnce() throws Exception {
    List<String> expired = new ArrayList<>();
    for (long resident = -21; resident > -28; resident--) {
      expired.add(endedCase(ABOUT_A_RESIDENT, resident));
    }
    RetentionRule rule = rule(2);
    List<RetentionRule.Deleted> chunks = new ArrayList<>();
    RetentionRule.Deleted chunk;
    do {
      chunk = transactions.execute(status -> rule.deleteExpired(FIRST_DAY_DELETED, NOBODY_KEPT));
      chunks.add(chunk);
    } while (chunk.more() && chunks.size() < 10);
    assertThat(chunks).extracting(RetentionRule.Deleted::rows).containsExactly(2, 2, 2, 1);
    assertThat(chunks.stream().flatMap(deleted -> deleted.keys().stream())).containsExactlyInAnyOrderElementsOf(expired);

    // Run twice, and by two nodes at once: each case deleted once, none twice, no failure.
    List<String> again = new ArrayList<>();
    for (long resident = -31; resident > -41; resident--) {
      again.add(endedCase(ABOUT_A_RESIDENT, resident));
    }
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<List<String>>> nodes = Stream.of(1, 2).map(node -> CompletableFuture.supplyAsync(() -> {
      try {
        together.await();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return deleteAll(rule, FIRST_DAY_DELETED, NOBODY_KEPT);
    })).toList();
    List<String> byBoth = new ArrayList<>();
    for (CompletableFuture<List<String>> node : nodes) {
      byBoth.addAll(node.get());
    }
    assertThat(byBoth).containsExactlyInAnyOrderElementsOf(again);
    assertThat(deleteAll(rule, FIRST_DAY_DELETED, NOBODY_KEPT)).isEmpty();
  }

  @Test
  void R27_everyProcessSaysHowItsCasesNameTheirResidentAndTheEndsThatRegisteredNobodyExist() throws IOException {
    Pattern processId = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
    Pattern endEventId = Pattern.compile("<bpmn:endEvent id=\"([^\"]+)\"");
    List<String> keys = new ArrayList<>();
    List<String> ends = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("..", "processes"))) {
      for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(model);
        Matcher process = processId.matcher(xml);
        assertThat(process.find()).as(model.toString()).isTrue();
        keys.add(process.group(1));
        assertThat(process.find()).as("one process in %s", model).isFalse();
        Matcher end = endEventId.matcher(xml);
        while (end.find()) {
          ends.add(keys.get(keys.size() - 1) + ":" + end.group(1));
        }
      }
    }
    assertThat(EngineHistoryRetention.RESIDENT_OF_CASE.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(ends).containsAll(EngineHistoryRetention.REGISTERED_NOBODY);
    assertThat(EngineHistoryRetention.REGISTERED_NOBODY).allSatisfy(end -> assertThat(EngineHistoryRetention
        .RESIDENT_OF_CASE.get(end.split(":")[0])).isEqualTo(EngineHistoryRetention.ResidentOfCase.OUTSIDE_THE_ENGINE));
  }

  @Test
  void R27_camundasOwnHistoryCleanupIsOffNoJobIsCreatedAndAJobLeftByAnEarlierVersionIsRemoved() {
    assertThat(history.findHistoryCleanupJobs()).isEmpty();
    assertThatThrownBy(() -> history.cleanUpHistoryAsync(true)).isInstanceOf(ProcessEngineException.class);
    assertThat(history.findHistoryCleanupJobs()).isEmpty();

    // The job an earlier version's batch window created, due long after this test.
    jdbc.update("""
        insert into act_ru_job (id_, rev_, type_, exclusive_, retries_, duedate_, handler_type_, handler_cfg_,
                                suspension_state_, priority_, sequence_counter_, create_time_)
        values ('history-cleanup-left-r27', 1, 'ever-living', true, 3, timestamp '2999-01-01 22:00', 'history-cleanup',
                '{"countEmptyRuns":0,"immediatelyDue":false,"minuteFrom":0,"minuteTo":59}', 1, 0, 1, localtimestamp)""");
    assertThat(history.findHistoryCleanupJobs()).hasSize(1);
    EngineHistoryCleanupOff.removeCleanupJobs(engine);
    assertThat(history.findHistoryCleanupJobs()).isEmpty();
  }

  private RetentionRule rule(int chunk) {
    return new EngineHistoryRetention(jdbc, history, chunk, Map.of(
        ABOUT_A_RESIDENT, EngineHistoryRetention.ResidentOfCase.VARIABLE,
        RESIDENT_ELSEWHERE, EngineHistoryRetention.ResidentOfCase.OUTSIDE_THE_ENGINE,
        REGISTERED_NOBODY, EngineHistoryRetention.ResidentOfCase.OUTSIDE_THE_ENGINE),
        Set.of(REGISTERED_NOBODY + ":Done"));
  }

  /** Chunk after chunk, each in its own transaction, as the nightly run does: the ids deleted. */
  private List<String> deleteAll(RetentionRule rule, LocalDate today, RetentionRule.KeptResidents kept) {
    List<String> deleted = new ArrayList<>();
    RetentionRule.Deleted chunk;
    do {
      chunk = transactions.execute(status -> rule.deleteExpired(today, kept));
      deleted.addAll(chunk.keys());
    } while (chunk.more());
    return deleted;
  }

  private String startedCase(String processKey, Long residentId) {
    ClockUtil.setCurrentTime(Date.from(STARTED));
    Map<String, Object> variables = new HashMap<>(Map.of("decision", "A"));
    if (residentId != null) {
      variables.put(ResidentTasks.RESIDENT_ID, residentId);
    }
    String id = runtime.startProcessInstanceByKey(processKey, variables).getId();
    ClockUtil.reset();
    return id;
  }

  private String endedCase(String processKey, Long residentId) {
    String id = startedCase(processKey, residentId);
    ClockUtil.setCurrentTime(Date.from(ENDED));
    String task = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
    tasks.claim(task, "staff1");
    tasks.complete(task, Map.of("decision", "C"));
    ClockUtil.reset();
    return id;
  }

  private long rows(String table, String processInstanceId) {
    return jdbc.queryForObject("select count(*) from " + table + " where root_proc_inst_id_ = ?", Long.class,
        processInstanceId);
  }

  private long readModelRows(String processInstanceId) {
    return jdbc.queryForObject("select count(*) from task_view where process_instance_id = ?", Long.class,
        processInstanceId);
  }
}
