package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.platform.BusinessMetric;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The inbox's counts and the KPIs' open steps per day are kept as task_view changes (V90) instead of counted per
 * request: through claim, release, reassignment, completion, a changed due date and a cancelled case they stay equal
 * to a direct count of task_view, completions at once lose no count, and compacting the kept rows (twice at once, as
 * two nodes would) changes no sum. The inbox's first page carries the counts when asked, so that it opens in one
 * request.
 */
@IntegrationTest
class TaskCountsTest {

  private static final String FIRST_STEP = "CheckRequesterIdentity";
  private static final String INBOX_DIRECT = """
      select candidate_groups, candidate_users, assignee, (due_at at time zone 'Asia/Tokyo')::date as due_day,
             count(*) as steps
      from task_view where status = 'OPEN' group by 1, 2, 3, 4""";
  private static final String INBOX_KEPT = """
      select candidate_groups, candidate_users, assignee, due_day, sum(steps) as steps
      from task_count group by 1, 2, 3, 4 having sum(steps) <> 0""";
  private static final String DAYS_DIRECT = """
      select process_key, task_key, candidate_groups, assignee, (created_at at time zone 'Asia/Tokyo')::date as day,
             count(*) as steps
      from task_view where status = 'OPEN' group by 1, 2, 3, 4, 5""";
  private static final String DAYS_KEPT = """
      select process_key, task_key, candidate_groups, assignee, created_day as day, sum(steps) as steps
      from %s d group by 1, 2, 3, 4, 5""".formatted(ProcessFacts.openStepDays());

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ProcessDriver driver;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired TaskCounts taskCounts;
  @Autowired @Qualifier("openTasksMetric") BusinessMetric openTasks;
  @Autowired ApplicationContext context;

  @Test
  void theCountsFollowClaimReleaseReassignmentCompletionDueDatesAndCancellation() throws Exception {
    Counts staff1 = counts("staff1");
    Counts staff2 = counts("staff2");
    ProcessInstance instance = start();
    String task = driver.openTaskId(instance, FIRST_STEP);
    assertThat(counts("staff1")).isEqualTo(staff1.plus(0, 1, 0, 0));
    assertKeptEqualsDirect();

    driver.claim("staff1", instance, FIRST_STEP);
    assertThat(counts("staff1")).isEqualTo(staff1.plus(1, 0, 0, 0));
    mvc.perform(post("/api/tasks/" + task + "/unclaim").with(users.as("staff1")).with(csrf()))
        .andExpect(status().isOk());
    assertThat(counts("staff1")).isEqualTo(staff1.plus(0, 1, 0, 0));

    assign(task, "staff2", "担当替え");
    assertThat(counts("staff1")).as("no longer unclaimed, still in the group's all-tab").isEqualTo(staff1);
    assertThat(counts("staff2")).isEqualTo(staff2.plus(1, 0, 0, 0));
    assign(task, null, "差し戻し");
    assertThat(counts("staff2")).isEqualTo(staff2.plus(0, 1, 0, 0));

    // Due dates: one overdue since a minute ago (today, counted from its step), one due tomorrow or later today and
    // one overdue since the day before yesterday (both from the kept days).
    ProcessInstance second = start();
    ProcessInstance third = start();
    Counts three = counts("staff1");
    redate(task, Instant.now().minus(1, ChronoUnit.MINUTES));
    redate(driver.openTaskId(second, FIRST_STEP), Instant.now().minus(2, ChronoUnit.DAYS));
    redate(driver.openTaskId(third, FIRST_STEP), Instant.now().plus(1, ChronoUnit.MINUTES));
    assertThat(counts("staff1")).isEqualTo(three.plus(0, 0, 2, 1));
    assertKeptEqualsDirect();

    driver.complete("staff2", instance, FIRST_STEP,
        Map.of("identityDocument", "DRIVERS_LICENSE", "identityResult", "CONFIRMED"));
    assertThat(counts("staff2").mine()).isEqualTo(staff2.mine());
    assertKeptEqualsDirect();

    JsonNode opened = json.readTree(driver.perform("staff1", post("/api/tasks/search"),
        Map.of("view", "mine", "withCounts", "true")).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString());
    Counts now = counts("staff1");
    assertThat(opened.at("/counts/mine").asLong()).isEqualTo(now.mine());
    assertThat(opened.at("/counts/group").asLong()).isEqualTo(now.group());
    assertThat(opened.at("/counts/overdue").asLong()).isEqualTo(now.overdue());
    assertThat(json.readTree(driver.perform("staff1", post("/api/tasks/search"), Map.of("view", "mine"))
        .andReturn().getResponse().getContentAsString()).has("counts")).as("only when asked for").isFalse();

    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "取り下げ（テスト）");
    engine.getRuntimeService().deleteProcessInstance(second.getId(), "取り下げ（テスト）");
    engine.getRuntimeService().deleteProcessInstance(third.getId(), "取り下げ（テスト）");
    assertThat(counts("staff1")).isEqualTo(staff1);
    assertKeptEqualsDirect();
  }

  @Test
  void completionsAtOnceLoseNoCountAndCompactingTwiceAtOnceChangesNoSum() throws Exception {
    int steps = 8;
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      ProcessInstance instance = start();
      driver.claim("staff2", instance, FIRST_STEP);
      instances.add(instance);
    }
    long open = keptOf(FIRST_STEP);
    Counts staff2 = counts("staff2");

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch ready = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (ProcessInstance instance : instances) {
        done.add(pool.submit(() -> {
          ready.await();
          driver.complete("staff2", instance, FIRST_STEP,
              Map.of("identityDocument", "DRIVERS_LICENSE", "identityResult", "CONFIRMED"));
          return null;
        }));
      }
      Callable<Object> compaction = () -> {
        ready.await();
        taskCounts.compact();
        return null;
      };
      done.add(pool.submit(compaction));
      done.add(pool.submit(compaction));
      ready.countDown();
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(keptOf(FIRST_STEP)).isEqualTo(open - steps);
    // A step with no open task has no reading at all: the gauge drops its tag set.
    Number gauge = openTasks.read().get(Tags.of("process", "ResidentDataRequest", "step", FIRST_STEP));
    assertThat(gauge == null ? 0L : gauge.longValue()).as("the open-steps gauge").isEqualTo(jdbc.queryForObject(
            "select count(*) from task_view where status = 'OPEN' and task_key = ?", Long.class, FIRST_STEP));
    assertThat(counts("staff2").mine()).isEqualTo(staff2.mine() - steps);
    assertKeptEqualsDirect();

    taskCounts.compact();
    assertThat(jdbc.queryForObject("""
        select count(*) = count(distinct (candidate_groups, candidate_users, assignee, due_day)) from task_count""",
        Boolean.class)).as("one row per key once compacted").isTrue();
    assertThat(jdbc.queryForObject("select count(*) from task_count where steps = 0", Long.class))
        .as("a key with no open step leaves no row").isZero();
    assertKeptEqualsDirect();
  }

  private record Counts(long mine, long group, long overdue, long dueSoon) {
    Counts plus(long mine, long group, long overdue, long dueSoon) {
      return new Counts(this.mine + mine, this.group + group, this.overdue + overdue, this.dueSoon + dueSoon);
    }
  }

  private Counts counts(String username) throws Exception {
    JsonNode counts = json.readTree(mvc.perform(get("/api/tasks/counts").with(users.as(username)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    return new Counts(counts.path("mine").asLong(), counts.path("group").asLong(), counts.path("overdue").asLong(),
        counts.path("dueSoon").asLong());
  }

  /** Every kept count of both tables equals task_view counted directly, key by key. */
  private void assertKeptEqualsDirect() {
    assertThat(rows(INBOX_KEPT)).isEqualTo(rows(INBOX_DIRECT));
    assertThat(rows(DAYS_KEPT)).isEqualTo(rows(DAYS_DIRECT));
  }

  private Map<List<Object>, Long> rows(String sql) {
    Map<List<Object>, Long> rows = new HashMap<>();
    jdbc.query(sql, rs -> {
      List<Object> key = new ArrayList<>();
      for (int column = 1; column < rs.getMetaData().getColumnCount(); column++) {
        Object value = rs.getObject(column);
        key.add(value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value);
      }
      rows.put(key, rs.getLong("steps"));
    });
    return rows;
  }

  private long keptOf(String taskKey) {
    return jdbc.queryForObject("select coalesce(sum(steps), 0) from open_step_count where task_key = ?", Long.class,
        taskKey);
  }

  private void redate(String taskId, Instant due) {
    jdbc.update("update task_view set due_at = ? where id = ?", Timestamp.from(due), taskId);
  }

  private void assign(String taskId, String assignee, String reason) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("assignee", assignee);
    body.put("reason", reason);
    driver.perform("super1", post("/api/tasks/" + taskId + "/assign"), body).andExpect(status().isOk());
  }

  private ProcessInstance start() throws Exception {
    return DisclosureRequests.start(context, driver);
  }
}
