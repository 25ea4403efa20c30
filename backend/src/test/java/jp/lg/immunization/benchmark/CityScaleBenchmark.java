package jp.lg.immunization.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.DatabaseAdministrator;
import jp.lg.immunization.resident.SyntheticResidentGenerator;
import jp.lg.immunization.resident.SyntheticResidents;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * How the app behaves at the size of the city it serves: 200,000 residents and 100,000 open tasks,
 * on the embedded PostgreSQL with fsync on, as in production. A measurement, not a test: it asserts
 * only that the work happened. Run with {@code mvn -B -Pbenchmark verify}; the report goes to stdout
 * and to target/benchmark-report.txt.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "immunization.data-dir=target/benchmark-data",
    "immunization.database.embedded.durable=true",
    "immunization.demo.residents=0",
    "camunda.bpm.job-execution.enabled=false",
    // The kept task counts are compacted as in production (the tests' profile leaves it to them).
    "immunization.task-counts.compact-interval=PT10S",
    // Figure 5: the simulated intermediate server answers every query as soon as it is sent.
    "immunization.simulators.intermediate-server.auto-answer=true",
    "immunization.simulators.intermediate-server.answer-delay=PT0S",
    "spring.main.banner-mode=off",
    "logging.level.root=warn",
    "logging.level.jp.lg.immunization=warn"})
@ActiveProfiles("test")
@Import(DatabaseAdministrator.class)
class CityScaleBenchmark {

  /** -Dbenchmark.figures=2,6 runs only those figures (after loading the residents); unset, all of them. */
  private static final Figures FIGURES = Figures.of(System.getProperty("benchmark.figures", ""));

  private static final long SEED = 20261126L;
  private static final int RESIDENTS = 200_000;
  private static final int SEARCH_WARM_UP = 100;
  private static final int SEARCHES = 1_000;

  private static final String INBOX_PROCESS = "BenchmarkInbox";
  private static final int OPEN_TASKS = 100_000;
  // Every tenth instance goes to the staff group, the rest to nine other departments, interleaved in time.
  private static final int GROUPS = 10;
  private static final int STAFF_TASKS = OPEN_TASKS / GROUPS;
  private static final int INSTANCES_PER_TRANSACTION = 500;
  private static final int STARTER_THREADS = 2;
  private static final int INBOX_WARM_UP = 20;
  private static final int INBOX_SAMPLES = 200;
  private static final int PAGE_SIZE = 50;
  private static final int CURSOR_HOPS = 5;
  /** Figure 3's goal for the filtered and searched list holds with this many staff using it at once. */
  private static final int CONCURRENT_CLIENTS = 8;
  /** Its p99 goal: calls at least this long are checked against the GC pauses of the phase. */
  private static final long TAIL_GOAL_NANOS = 50_000_000L;
  /** Uncounted calls of each client between the two passes: enough for the JIT to compile what they run. */
  private static final int CONCURRENT_COMPILED_WARM_UP = 600;

  private static final int COMPLETIONS = 1_000;

  private static final int QUERY_WARM_UP_FLOWS = 10;
  private static final int QUERY_FLOWS = 200;

  private static final int PENDING_APPROVALS = 5_000;
  private static final int APPROVAL_PAGE_SIZE = 20;
  private static final int APPROVAL_WARM_UP = 10;
  private static final int APPROVAL_SAMPLES = 100;

  private static final int STARTS = 3;

  /** Who claims the tasks the engine's own two-step anchor completes: not a user of the app, so not counted as one. */
  private static final String ENGINE_ANCHOR_USER = "engine-anchor";
  private static final String STAFF_USER = "staff1";
  private static final String SECOND_STAFF_USER = "staff2";
  private static final String SUPERVISOR_USER = "super1";
  private static final String DEMO_PASSWORD = "demo-pass-2026";
  private static final Path JAR = Path.of("target", "immunization-office.jar");
  private static final Path REPORT = Path.of("target", "benchmark-report.txt");

  private enum SearchKind {
    KANA_PART("kana, 2-3 chars of a family name"),
    KANJI_NAME("kanji family name or full name"),
    BIRTH_DATE("birth date"),
    ADDRESSEE_NUMBER("addressee number (exact)"),
    KANA_PART_AND_BIRTH_DATE("kana part + birth date"),
    KANJI_NAME_AND_BIRTH_DATE("kanji family name + birth date");

    private final String label;

    SearchKind(String label) {
      this.label = label;
    }
  }

  private record SearchQuery(SearchKind kind, Map<String, Object> body) {}

  @LocalServerPort int port;
  @Autowired SyntheticResidents residents;
  @Autowired JdbcTemplate jdbc;
  /** Statistics and scratch tables are the schema owner's: the app's role may not analyze or create them. */
  @Autowired DatabaseAdministrator administrator;
  @Autowired TransactionTemplate transactions;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired ManagementService management;
  @Autowired ObjectMapper json;
  @Autowired AuditTrail audit;
  @Autowired Clock clock;
  @Autowired DataSource dataSource;
  @Autowired MeterRegistry meters;
  @Value("${immunization.info-network.answer-timeout:PT24H}") Duration answerTimeout;

  private final BenchmarkReport report = new BenchmarkReport();
  /** See {@link #staffSessions()}. */
  private List<ApiClient> staffSessions;

  @Test
  void cityScale() throws Exception {
    Instant started = Instant.now();
    try {
      describeMachine();
      residentsGeneratedPerSecond();
      if (FIGURES.selected(2)) {
        residentSearchLatency();
      }
      // Figures 4 and 5 work on the open tasks that figure 3 starts.
      if (FIGURES.selected(3) || FIGURES.selected(4) || FIGURES.selected(5)) {
        inboxAtScale();
      }
      if (FIGURES.selected(4)) {
        taskCompletionsPerSecond();
      }
      if (FIGURES.selected(5)) {
        informationQueriesPerSecond();
      }
      if (FIGURES.selected(6)) {
        approvalQueueAtScale();
      }
      if (FIGURES.selected(7)) {
        startupTimeToFirstOk();
      }
      if (FIGURES.selected(8)) {
        new DoseBatchImport(jdbc, administrator.owner(), administrator.superuser(), dataSource, transactions, runtime,
            management, json, audit).measure(report, ApiClient.signIn(port, STAFF_USER, DEMO_PASSWORD, json),
            ApiClient.signIn(port, SECOND_STAFF_USER, DEMO_PASSWORD, json));
      }
      if (FIGURES.selected(9)) {
        new KpiHistory(jdbc, administrator.owner()).measure(report, ApiClient.signIn(port, "manager1", DEMO_PASSWORD, json),
            ApiClient.signIn(port, "admin1", DEMO_PASSWORD, json));
      }
    } finally {
      // Also when a phase fails: the figures measured up to then are still worth reading.
      report.section("Wall time");
      report.figure("Benchmark method (after the Spring context was up)", String.format(Locale.ROOT, "%.1f s",
          BenchmarkReport.seconds(Duration.between(started, Instant.now()))), "");
      report.figure("Test JVM, from its start", String.format(Locale.ROOT, "%.1f s", BenchmarkReport.seconds(
          Duration.between(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()), Instant.now()))),
          "");
      report.figure("Database size at the end", jdbc.queryForObject(
          "select pg_size_pretty(pg_database_size(current_database()))", String.class), "");
      report.figure("System load average (1 min) at the end", loadAverage(), "");
      report.publish(REPORT);
    }
  }

  private void describeMachine() {
    report.line("City-scale benchmark of the immunization office app");
    report.line("Date:     " + ZonedDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    report.line(String.format(Locale.ROOT, "Machine:  %d cores, max heap %,d MiB, Java %s, %s %s",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
        System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch")));
    report.line("Database: embedded " + jdbc.queryForObject("select split_part(version(), ' on ', 1)", String.class)
        + ", fsync " + jdbc.queryForObject("show fsync", String.class)
        + ", synchronous_commit " + jdbc.queryForObject("show synchronous_commit", String.class));
    report.line("System:   load average (1 min) " + loadAverage()
        + " at the start; other processes on the machine skew every figure");
    report.line("Run:      mvn -B -Pbenchmark verify   (report: backend/" + REPORT + ")" + FIGURES.describe());
    report.line("Latencies are wall-clock per call, nearest-rank percentiles, after an uncounted warm-up;"
        + " HTTP calls go through the real server (session, CSRF, JSON).");
  }

  /** Figure 1. Generation alone first, which also warms up the generator's code for the load. */
  private void residentsGeneratedPerSecond() {
    report.section("1. Synthetic residents");
    BenchmarkReport.progress("generating " + RESIDENTS + " residents without storing them");
    long start = System.nanoTime();
    // The filter matters: count() of a sized stream returns its size without generating anything.
    long generated = new SyntheticResidentGenerator(SEED, LocalDate.now(clock)).stream(RESIDENTS)
        .filter(Objects::nonNull).count();
    Duration generation = Duration.ofNanos(System.nanoTime() - start);
    assertThat(generated).isEqualTo(RESIDENTS);

    BenchmarkReport.progress("loading " + RESIDENTS + " residents (generate + encrypt + batched insert)");
    start = System.nanoTime();
    int loaded = residents.load(RESIDENTS, SEED);
    Duration load = Duration.ofNanos(System.nanoTime() - start);
    assertThat(loaded).isEqualTo(RESIDENTS);
    assertThat(residents.count()).isEqualTo(RESIDENTS);
    // As autovacuum would soon after a bulk load; the searches should see steady-state plans.
    administrator.owner().execute("analyze resident");

    report.rate("Generation only (SyntheticResidentGenerator)", generated, generation, "residents/s");
    report.rate("Load: generation + AES-GCM + batched insert", loaded, load, "residents/s");
  }

  /** Figure 2. Queries are built from residents actually stored, so every one has at least one match. */
  private void residentSearchLatency() throws Exception {
    report.section(String.format(Locale.ROOT,
        "2. Resident search, POST /api/residents/search (size 20, %,d residents)", RESIDENTS));
    report.line("  Each search also writes one audit row per listed resident (R04), in the same transaction.");
    List<SearchQuery> queries = searchQueries(SEARCH_WARM_UP + SEARCHES);
    ApiClient api = ApiClient.signIn(port, STAFF_USER, DEMO_PASSWORD, json);
    BenchmarkReport.progress("searching: " + SEARCH_WARM_UP + " warm-up and " + SEARCHES + " measured queries");
    for (SearchQuery query : queries.subList(0, SEARCH_WARM_UP)) {
      api.post("/api/residents/search", query.body(), 200);
    }
    Latencies all = Latencies.empty(SEARCHES);
    Map<SearchKind, Latencies> byKind = new EnumMap<>(SearchKind.class);
    Map<SearchKind, Long> matches = new EnumMap<>(SearchKind.class);
    Map<SearchKind, Long> capped = new EnumMap<>(SearchKind.class);
    for (SearchQuery query : queries.subList(SEARCH_WARM_UP, queries.size())) {
      long start = System.nanoTime();
      JsonNode page = api.post("/api/residents/search", query.body(), 200);
      long elapsed = System.nanoTime() - start;
      all.add(elapsed);
      byKind.computeIfAbsent(query.kind(), kind -> Latencies.empty(SEARCHES)).add(elapsed);
      long total = page.get("total").asLong();
      assertThat(total).as("matches for a query built from a stored resident").isPositive();
      if (query.kind() == SearchKind.ADDRESSEE_NUMBER) {
        assertThat(total).isEqualTo(1);
      }
      matches.merge(query.kind(), total, Long::sum);
      capped.merge(query.kind(), page.path("totalCapped").asBoolean() ? 1L : 0L, Long::sum);
    }
    report.latency("All queries", all, true);
    // The app counts matches up to 1,000 (「1,000件以上」): the mean is of the totals shown.
    byKind.forEach((kind, latencies) -> report.latency("  " + kind.label + String.format(Locale.ROOT,
        " (mean %,d matches%s)", matches.get(kind) / latencies.count(), capped.get(kind) == 0 ? ""
            : String.format(Locale.ROOT, ", %d%% over 1,000", 100 * capped.get(kind) / latencies.count())),
        latencies, false));
    // The floor under every search: the same server, session and security filters, no query and no audit.
    Latencies floor = report.latency("  Floor: GET /api/me (session and security filters only)",
        Latencies.measure(SEARCH_WARM_UP, SEARCHES / 5, i -> api.get("/api/me")), false);
    // What the database does for a kana search, whatever the machine's load: the run's kana queries once more.
    List<SearchQuery> kanaQueries = queries.subList(SEARCH_WARM_UP, queries.size()).stream()
        .filter(query -> query.kind() == SearchKind.KANA_PART).toList();
    DatabaseWork kanaWork = DatabaseWork.start(administrator.superuser());
    for (SearchQuery query : kanaQueries) {
      api.post("/api/residents/search", query.body(), 200);
    }
    report.line("  The database's work per kana search (the kana queries above once more):");
    kanaWork.report(report, "kana search", kanaQueries.size());
    for (SearchKind kind : List.of(SearchKind.KANA_PART, SearchKind.KANJI_NAME)) {
      report.latencyGoal("2. Resident search, 200,000 residents, " + kind.label, 95, 20, byKind.get(kind),
          "GET /api/me " + BenchmarkReport.p95(floor));
    }
    nameMatchesInSql(queries.stream().filter(query -> query.kind() == SearchKind.KANA_PART)
        .map(query -> (String) query.body().get("name")).toList());
  }

  /**
   * Anchor of figure 2 in the same run: counting the matches of the kana parts in SQL alone (no HTTP, no audit), by
   * the access path before V66 (a scan of every resident) and through the name-gram index that the search uses now.
   */
  private void nameMatchesInSql(List<String> kanaParts) throws Exception {
    String scan = "select count(*) from resident where search_text like ?";
    String indexed = "select count(*) from resident where resident_name_may_contain(search_text, ?)"
        + " and search_text like ?";
    int samples = Math.min(kanaParts.size(), 100);
    report.latency("  SQL alone: count the kana part's matches, scanning every resident",
        Latencies.measure(5, samples, i -> jdbc.queryForObject(scan, Long.class, "%" + kanaParts.get(i) + "%")),
        false);
    report.latency("  SQL alone: the same through the name-gram index (V66)",
        Latencies.measure(5, samples, i -> jdbc.queryForObject(indexed, Long.class, kanaParts.get(i),
            "%" + kanaParts.get(i) + "%")), false);
  }

  private List<SearchQuery> searchQueries(int count) {
    // A repeatable 1% sample of the register: the names, dates and numbers that staff would look for.
    List<Map<String, Object>> sample = jdbc.queryForList("""
        select addressee_number, birth_date, family_name_kana, family_name_kanji, given_name_kanji
        from resident tablesample bernoulli (1) repeatable (42)""");
    Random random = new Random(SEED);
    SearchKind[] kinds = SearchKind.values();
    List<SearchQuery> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, Object> resident = sample.get(random.nextInt(sample.size()));
      SearchKind kind = kinds[i % kinds.length];
      String kana = kanaPart((String) resident.get("family_name_kana"), random);
      String familyKanji = (String) resident.get("family_name_kanji");
      String kanjiName = random.nextBoolean() ? familyKanji : familyKanji + resident.get("given_name_kanji");
      String birthDate = resident.get("birth_date").toString();
      Map<String, Object> body = new LinkedHashMap<>();
      switch (kind) {
        case KANA_PART -> body.put("name", kana);
        case KANJI_NAME -> body.put("name", kanjiName);
        case BIRTH_DATE -> body.put("birthDate", birthDate);
        case ADDRESSEE_NUMBER -> body.put("addresseeNumber", resident.get("addressee_number"));
        case KANA_PART_AND_BIRTH_DATE -> {
          body.put("name", kana);
          body.put("birthDate", birthDate);
        }
        case KANJI_NAME_AND_BIRTH_DATE -> {
          body.put("name", familyKanji);
          body.put("birthDate", birthDate);
        }
      }
      body.put("page", 0);
      body.put("size", 20);
      queries.add(new SearchQuery(kind, body));
    }
    return queries;
  }

  /** Two or three consecutive characters of the name, as staff type the part they are sure of. */
  private static String kanaPart(String familyKana, Random random) {
    int length = Math.min(familyKana.length(), 2 + random.nextInt(2));
    int from = random.nextInt(familyKana.length() - length + 1);
    return familyKana.substring(from, from + length);
  }

  /** Figure 3. The app's task_view inbox beside Camunda's own task query for the same inbox. */
  private void inboxAtScale() throws Exception {
    report.section(String.format(Locale.ROOT, "3. Inbox with %,d open tasks, %,d of them for group staff (user %s)",
        OPEN_TASKS, STAFF_TASKS, STAFF_USER));
    repository.createDeployment().name("benchmark-inbox")
        .addClasspathResource("benchmark/benchmark-inbox.bpmn").deploy();
    BenchmarkReport.progress("starting " + OPEN_TASKS + " process instances");
    // Each step concerns a resident of the register, as real cases do, so that the list can be searched by resident.
    List<Long> residentIds = jdbc.queryForList("select id from resident order by id limit ?", Long.class, OPEN_TASKS);
    Duration starting = startInstances(OPEN_TASKS,
        i -> runtime.startProcessInstanceByKey(INBOX_PROCESS, "BENCH-" + i, Map.of("group", groupOf(i),
            "residentId", residentIds.get(i % residentIds.size()))));
    assertThat(jdbc.queryForObject("select count(*) from task_view where process_key = ? and status = 'OPEN'",
        Long.class, INBOX_PROCESS)).isEqualTo(OPEN_TASKS);
    assertThat(taskService.createTaskQuery().processDefinitionKey(INBOX_PROCESS).count()).isEqualTo(OPEN_TASKS);
    administrator.owner().execute("analyze");
    report.rate(String.format(Locale.ROOT, "Instances started (%d threads, %d per transaction)",
        STARTER_THREADS, INSTANCES_PER_TRANSACTION), OPEN_TASKS, starting, "instances/s");

    BenchmarkReport.progress("measuring the inbox");
    ApiClient api = ApiClient.signIn(port, STAFF_USER, DEMO_PASSWORD, json);
    String firstPage = "/api/tasks?view=group&size=" + PAGE_SIZE;
    JsonNode page = api.get(firstPage);
    assertThat(page.get("items")).hasSize(PAGE_SIZE);
    List<String> cursors = new ArrayList<>();
    for (int hop = 0; hop < CURSOR_HOPS; hop++) {
      String cursor = page.get("nextCursor").asText();
      cursors.add(cursor);
      page = api.get(firstPage + "&cursor=" + cursor);
      assertThat(page.get("items")).hasSize(PAGE_SIZE);
    }
    JsonNode counts = api.get("/api/tasks/counts");
    assertThat(counts.get("group").asLong()).isEqualTo(STAFF_TASKS);

    report.latency("Baseline: GET /api/me (session + security, no query)",
        Latencies.measure(INBOX_WARM_UP, INBOX_SAMPLES, i -> api.get("/api/me")), false);
    report.latency("App: GET /api/tasks?view=group&size=50, first page",
        Latencies.measure(INBOX_WARM_UP, INBOX_SAMPLES, i -> api.get(firstPage)), false);
    report.latency("App: same, pages 2-6 by nextCursor",
        Latencies.measure(INBOX_WARM_UP, INBOX_SAMPLES,
            i -> api.get(firstPage + "&cursor=" + cursors.get(i % CURSOR_HOPS))), false);
    report.latency("App: GET /api/tasks/counts",
        Latencies.measure(INBOX_WARM_UP, INBOX_SAMPLES, i -> api.get("/api/tasks/counts")), false);
    report.latency("App: first page then counts (two requests, timed together)",
        Latencies.measure(INBOX_WARM_UP, INBOX_SAMPLES, i -> {
          api.get(firstPage);
          api.get("/api/tasks/counts");
        }), false);
    String opening = firstPage + "&withCounts=true";
    assertThat(api.get(opening).at("/counts/group").asLong()).isEqualTo(STAFF_TASKS);
    Latencies opened = report.latency("App: the inbox as it opens, first page with its counts (one request, as the UI)",
        Latencies.measure(INBOX_WARM_UP, INBOX_SAMPLES, i -> api.get(opening)), false);

    filteredAndSearchedInbox(api, residentIds.get(0));

    assertThat(staffInbox().count()).isEqualTo(STAFF_TASKS);
    report.latency("Camunda TaskQuery (in-process): listPage(0, 50)",
        Latencies.measure(INBOX_WARM_UP, INBOX_SAMPLES, i -> staffInbox().listPage(0, PAGE_SIZE)), false);
    report.latency("Camunda TaskQuery (in-process): listPage(250, 50)",
        Latencies.measure(INBOX_WARM_UP, INBOX_SAMPLES,
            i -> staffInbox().listPage(PAGE_SIZE * CURSOR_HOPS, PAGE_SIZE)), false);
    Latencies camundaCount = report.latency("Camunda TaskQuery (in-process): count()",
        Latencies.measure(INBOX_WARM_UP, INBOX_SAMPLES, i -> staffInbox().count()), false);
    report.latencyGoal("3. Inbox page with its counts, 100,000 open tasks", 95, 15, opened,
        "Camunda count() alone " + BenchmarkReport.p95(camundaCount));
  }

  /** The list as staff narrow it: by due date, by due state, by process, and searched by resident (audited). */
  private void filteredAndSearchedInbox(ApiClient api, long residentId) throws Exception {
    // A third of the steps overdue, a third due later, a third without a due date: every order has work to do.
    jdbc.update("""
        update task_view set due_at = case when ('x' || substr(md5(id), 1, 8))::bit(32)::int % 3 = 0
          then now() - interval '1 day' when ('x' || substr(md5(id), 1, 8))::bit(32)::int % 3 = 1
          then now() + interval '3 days' end where process_key = ? and status = 'OPEN'""", INBOX_PROCESS);
    administrator.owner().execute("analyze task_view");
    Map<String, Object> resident = jdbc.queryForMap(
        "select addressee_number, family_name_kana || given_name_kana as kana from resident where id = ?", residentId);
    String byDue = "/api/tasks?view=group&sort=due&size=" + PAGE_SIZE;
    assertThat(api.get(byDue).get("items")).hasSize(PAGE_SIZE);
    String overdue = "/api/tasks?view=all&due=overdue&size=" + PAGE_SIZE;
    String byProcess = "/api/tasks?view=all&processKey=" + INBOX_PROCESS + "&sort=process&direction=desc&size="
        + PAGE_SIZE;
    Map<String, String> byNumber = Map.of("view", "all", "resident", (String) resident.get("addressee_number"));
    assertThat(api.post("/api/tasks/search", byNumber, 200).get("items")).isNotEmpty();
    Map<String, String> byName = Map.of("view", "all", "resident", (String) resident.get("kana"));
    // The first figures with this client alone, then the mix of all five with as many clients of their own at once.
    List<ApiClient> callers = new ArrayList<>(List.of(api));
    Latencies.ClientCall narrowed = (client, i) -> {
      ApiClient caller = callers.get(client);
      switch (i % 5) {
        case 0 -> caller.get(byDue);
        case 1 -> caller.get(overdue);
        case 2 -> caller.get(byProcess);
        case 3 -> caller.post("/api/tasks/search", byNumber, 200);
        default -> caller.post("/api/tasks/search", byName, 200);
      }
    };
    List<String> calls = List.of("group tab sorted by due date, first page",
        "every open step of my groups that is overdue, first page",
        "filtered by process, sorted by process descending, first page",
        "POST /api/tasks/search by 宛名番号 (hits audited)", "POST /api/tasks/search by kana name (hits audited)");
    for (int call = 0; call < calls.size(); call++) {
      int kind = call;
      report.latency("App: " + calls.get(call),
          Latencies.measure(INBOX_WARM_UP, INBOX_SAMPLES, i -> narrowed.run(0, calls.size() * i + kind)), true);
    }
    callers.clear();
    callers.addAll(staffSessions());
    // At first contact the JIT compiler still compiles the code these calls made hot, on the same two cores (a third
    // of the CPU of the phase); the goal is measured once it has, as on a server in service.
    Latencies firstContact = concurrentlyNarrowed(calls, narrowed, ", first contact");
    Latencies.measureConcurrently(CONCURRENT_CLIENTS, CONCURRENT_COMPILED_WARM_UP, 0, narrowed);
    Latencies compiled = concurrentlyNarrowed(calls, narrowed,
        String.format(Locale.ROOT, ", after %,d calls more", CONCURRENT_CLIENTS * CONCURRENT_COMPILED_WARM_UP));
    String clients = String.format(Locale.ROOT, ", %d clients", CONCURRENT_CLIENTS);
    report.latencyGoal("3. Filtered and resident-searched inbox" + clients, 95, 20, compiled,
        "at first contact " + BenchmarkReport.p95(firstContact));
    report.latencyGoal("3. Filtered and resident-searched inbox" + clients, 99, 50, compiled,
        String.format(Locale.ROOT, "at first contact p99 %.1f ms", firstContact.percentileMillis(99)));
  }

  /**
   * The calls in turn by {@link #CONCURRENT_CLIENTS} clients at once, each call's own latencies under that load (which
   * of them makes the tail), and where the machine's time went meanwhile (CPU queueing, GC, pool waits, stalls).
   */
  private Latencies concurrentlyNarrowed(List<String> calls, Latencies.ClientCall narrowed, String pass)
      throws Exception {
    List<Latencies> eachCall = calls.stream().map(call -> Latencies.empty()).toList();
    DatabaseWork databaseWork = DatabaseWork.start(administrator.superuser());
    MachineTime machineTime = MachineTime.start(administrator.superuser(), meters);
    Latencies concurrent = report.latency(String.format(Locale.ROOT,
        "App: the five calls above in turn, %d clients at once (sessions of their own)%s", CONCURRENT_CLIENTS, pass),
        Latencies.measureConcurrently(CONCURRENT_CLIENTS, INBOX_WARM_UP, INBOX_SAMPLES, (client, i) -> {
          long start = System.nanoTime();
          narrowed.run(client, i);
          if (i >= INBOX_WARM_UP) {
            machineTime.call(start, System.nanoTime(), TAIL_GOAL_NANOS);
            Latencies call = eachCall.get(i % calls.size());
            synchronized (call) {
              call.add(System.nanoTime() - start);
            }
          }
        }), true);
    for (int call = 0; call < calls.size(); call++) {
      report.latency("  of which: " + calls.get(call), eachCall.get(call), true);
    }
    // Warm-up calls included: the CPU and the database's work are counted over the whole phase.
    int phaseCalls = CONCURRENT_CLIENTS * (INBOX_WARM_UP + INBOX_SAMPLES);
    machineTime.report(report, phaseCalls, CONCURRENT_CLIENTS, concurrent.meanMillis());
    databaseWork.report(report, "call", phaseCalls);
    return concurrent;
  }

  /**
   * {@link #CONCURRENT_CLIENTS} sessions of staff1, signed in once for every figure that has that many clients at once:
   * each sign-in takes a TOTP code of a time step not used before (R07), so signing in afresh for each figure waited
   * out about one 30-s step per session.
   */
  private List<ApiClient> staffSessions() throws Exception {
    if (staffSessions == null) {
      List<ApiClient> sessions = new ArrayList<>();
      for (int client = 0; client < CONCURRENT_CLIENTS; client++) {
        sessions.add(ApiClient.signIn(port, STAFF_USER, DEMO_PASSWORD, json));
      }
      staffSessions = List.copyOf(sessions);
    }
    return staffSessions;
  }

  private TaskQuery staffInbox() {
    return taskService.createTaskQuery().taskCandidateGroupIn(List.of("staff")).taskUnassigned()
        .orderByTaskCreateTime().asc();
  }

  /** Runs {@code start} for 0..count-1 on the starter threads, one transaction per batch. */
  private Duration startInstances(int count, IntConsumer start) throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(STARTER_THREADS);
    AtomicInteger done = new AtomicInteger();
    long started = System.nanoTime();
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = 0; from < count; from += INSTANCES_PER_TRANSACTION) {
        int first = from;
        int end = Math.min(count, from + INSTANCES_PER_TRANSACTION);
        batches.add(starters.submit(() -> {
          transactions.executeWithoutResult(status -> {
            for (int i = first; i < end; i++) {
              start.accept(i);
            }
          });
          int total = done.addAndGet(end - first);
          if (total % 10_000 == 0) {
            BenchmarkReport.progress(String.format(Locale.ROOT, "  %,d instances started, %.0f/s", total,
                total / BenchmarkReport.seconds(Duration.ofNanos(System.nanoTime() - started))));
          }
        }));
      }
      for (Future<?> batch : batches) {
        batch.get();
      }
    } finally {
      starters.shutdown();
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static String groupOf(int instance) {
    int group = instance % GROUPS;
    return group == 0 ? "staff" : "other-dept-" + group;
  }

  /**
   * Figure 4. Tasks of the staff inbox completed one by one, one transaction each: through the API as claim and then
   * complete (the UI's way for a step with a form), as claim-and-complete in one request (a step without fields), and
   * with Camunda's TaskService.complete in-process.
   */
  private void taskCompletionsPerSecond() throws Exception {
    report.section(String.format(Locale.ROOT, "4. Task completions with %,d open tasks", OPEN_TASKS));
    List<String> staffTasks = staffInbox().listPage(0, 6 * COMPLETIONS).stream().map(Task::getId).toList();
    assertThat(staffTasks).hasSize(6 * COMPLETIONS);
    ApiClient api = ApiClient.signIn(port, STAFF_USER, DEMO_PASSWORD, json);
    Map<String, Object> noValues = Map.of("values", Map.of());

    BenchmarkReport.progress("completing " + COMPLETIONS + " tasks through the API, claim then complete");
    Latencies claims = Latencies.empty(COMPLETIONS);
    Latencies completions = Latencies.empty(COMPLETIONS);
    DatabaseWork twoRequestsWork = DatabaseWork.start(administrator.superuser());
    long start = System.nanoTime();
    for (String id : staffTasks.subList(0, COMPLETIONS)) {
      long claimStart = System.nanoTime();
      api.post("/api/tasks/" + id + "/claim", null, 200);
      long completeStart = System.nanoTime();
      api.post("/api/tasks/" + id + "/complete", noValues, 204);
      claims.add(completeStart - claimStart);
      completions.add(System.nanoTime() - completeStart);
    }
    Duration twoRequests = Duration.ofNanos(System.nanoTime() - start);
    report.rate("App API: claim + complete (2 requests per task)", COMPLETIONS, twoRequests, "tasks/s");
    report.latency("  POST /api/tasks/{id}/claim", claims, false);
    report.latency("  POST /api/tasks/{id}/complete", completions, false);
    twoRequestsWork.report(report, "task", COMPLETIONS);

    BenchmarkReport.progress("completing " + COMPLETIONS + " tasks through the API, claim-and-complete");
    DatabaseWork oneRequestWork = DatabaseWork.start(administrator.superuser());
    Latencies claimAndCompletes = Latencies.empty(COMPLETIONS);
    start = System.nanoTime();
    for (String id : staffTasks.subList(COMPLETIONS, 2 * COMPLETIONS)) {
      long requestStart = System.nanoTime();
      api.post("/api/tasks/" + id + "/claim-and-complete", noValues, 204);
      claimAndCompletes.add(System.nanoTime() - requestStart);
    }
    Duration oneRequest = Duration.ofNanos(System.nanoTime() - start);
    report.rate("App API: claim-and-complete (1 request per task)", COMPLETIONS, oneRequest, "tasks/s");
    report.latency("  POST /api/tasks/{id}/claim-and-complete", claimAndCompletes, false);
    oneRequestWork.report(report, "task", COMPLETIONS);

    BenchmarkReport.progress("completing " + COMPLETIONS + " tasks with TaskService.complete");
    DatabaseWork engineWork = DatabaseWork.start(administrator.superuser());
    start = System.nanoTime();
    staffTasks.subList(2 * COMPLETIONS, 3 * COMPLETIONS).forEach(taskService::complete);
    Duration viaEngine = Duration.ofNanos(System.nanoTime() - start);
    report.rate("Camunda TaskService.complete (in-process)", COMPLETIONS, viaEngine, "tasks/s");
    engineWork.report(report, "task", COMPLETIONS);
    String engine = "TaskService.complete " + BenchmarkReport.rate(COMPLETIONS, viaEngine, "tasks/s");
    // The two-request line's own anchor: a claim and a completion, each its own transaction and durable commit.
    BenchmarkReport.progress("completing " + COMPLETIONS + " tasks with TaskService.claim, then TaskService.complete");
    DatabaseWork engineTwoStepsWork = DatabaseWork.start(administrator.superuser());
    start = System.nanoTime();
    staffTasks.subList(5 * COMPLETIONS, 6 * COMPLETIONS).forEach(id -> {
      taskService.claim(id, ENGINE_ANCHOR_USER);
      taskService.complete(id);
    });
    Duration viaEngineTwoSteps = Duration.ofNanos(System.nanoTime() - start);
    report.rate("Camunda TaskService.claim, then TaskService.complete (in-process)", COMPLETIONS, viaEngineTwoSteps,
        "tasks/s");
    engineTwoStepsWork.report(report, "task", COMPLETIONS);
    String engineTwoSteps = "TaskService.claim, then complete "
        + BenchmarkReport.rate(COMPLETIONS, viaEngineTwoSteps, "tasks/s");
    Duration concurrently = concurrentCompletions(staffTasks.subList(3 * COMPLETIONS, 4 * COMPLETIONS),
        "claim-and-complete", List.of("/claim-and-complete"));
    Duration concurrentTwoRequests = concurrentCompletions(staffTasks.subList(4 * COMPLETIONS, 5 * COMPLETIONS),
        "claim then complete", List.of("/claim", "/complete"));
    report.rateGoal("4. Completions through the API, claim-and-complete", 200, "tasks/s", COMPLETIONS, oneRequest,
        engine);
    report.rateGoal("4. Completions through the API, claim then complete", 200, "tasks/s", COMPLETIONS, twoRequests,
        engineTwoSteps);
    report.rateGoal(String.format(Locale.ROOT, "4. Completions, claim-and-complete, %d clients", CONCURRENT_CLIENTS),
        200, "tasks/s", COMPLETIONS, concurrently, engine);
    report.rateGoal(String.format(Locale.ROOT, "4. Completions, claim then complete, %d clients", CONCURRENT_CLIENTS),
        200, "tasks/s", COMPLETIONS, concurrentTwoRequests, engineTwoSteps);

    assertThat(jdbc.queryForObject("""
        select count(*) from task_view where process_key = ? and status = 'COMPLETED' and completed_by = ?""",
        Long.class, INBOX_PROCESS, STAFF_USER)).isEqualTo(4 * COMPLETIONS);
    assertThat(jdbc.queryForObject("select count(*) from task_view where process_key = ? and status = 'COMPLETED'",
        Long.class, INBOX_PROCESS)).isEqualTo(6 * COMPLETIONS);
  }

  /**
   * Figure 4 with the office's many people at once: {@link #CONCURRENT_CLIENTS} clients (sessions of their own) each
   * complete their share of {@code tasks}, each task by the {@code requests} given in turn (claim-and-complete, or a
   * claim and then a complete, each a durable commit of its own), so that PostgreSQL may flush several clients' commits
   * with one fsync. Each task must end completed once, by its client, with its instance ended, and nothing else changed.
   */
  private Duration concurrentCompletions(List<String> tasks, String what, List<String> requests) throws Exception {
    BenchmarkReport.progress("completing " + tasks.size() + " tasks through the API, " + what + ", "
        + CONCURRENT_CLIENTS + " clients at once");
    List<ApiClient> clients = staffSessions();
    Map<String, Object> noValues = Map.of("values", Map.of());
    int share = tasks.size() / CONCURRENT_CLIENTS;
    DatabaseWork work = DatabaseWork.start(administrator.superuser());
    CpuWork cpu = CpuWork.start(administrator.superuser());
    long start = System.nanoTime();
    Latencies latencies = Latencies.measureConcurrently(CONCURRENT_CLIENTS, 0, share, (client, i) -> {
      for (String request : requests) {
        // A claim answers with the step (200), a completion with nothing (204).
        clients.get(client).post("/api/tasks/" + tasks.get(client * share + i) + request,
            request.equals("/claim") ? null : noValues, request.equals("/claim") ? 200 : 204);
      }
    });
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    String paths = requests.stream().map(request -> "POST /api/tasks/{id}" + request)
        .collect(Collectors.joining(" + "));
    report.rate(String.format(Locale.ROOT, "App API: %s, %d clients at once", what, CONCURRENT_CLIENTS),
        tasks.size(), elapsed, "tasks/s");
    report.latency("  " + paths, latencies, true);
    cpu.report(report, "task", tasks.size());
    work.report(report, "task", tasks.size());
    String[] ids = tasks.toArray(String[]::new);
    assertThat(jdbc.queryForObject("""
        select count(*) from task_view where id = any(?) and status = 'COMPLETED' and completed_by = ?""",
        Long.class, ids, STAFF_USER)).isEqualTo(tasks.size());
    assertThat(jdbc.queryForObject("""
        select count(distinct t.proc_inst_id_) from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_
        where t.id_ = any(?) and t.end_time_ is not null and t.assignee_ = ? and p.end_time_ is not null""",
        Long.class, ids, STAFF_USER)).isEqualTo(tasks.size());
    return elapsed;
  }

  /**
   * Figure 5. Information queries one after another, at the scale left by figures 3 and 4: every user
   * step through the API, the SendQuery job run in-process, the simulator answering at once.
   */
  private void informationQueriesPerSecond() throws Exception {
    report.section(String.format(Locale.ROOT, "5. Information queries (情報照会) end to end, one after another,"
        + " N=%d after %d warm-up flows", QUERY_FLOWS, QUERY_WARM_UP_FLOWS));
    report.figure("task_view rows at the start (open and ended)", rowCount("task_view"), "");
    report.figure("audit_event rows at the start", rowCount("audit_event"), "");
    // The last residents of the register; figure 6 asks about the first ones.
    List<String> addresseeNumbers = jdbc.queryForList("select addressee_number from resident order by id desc limit ?",
        String.class, QUERY_WARM_UP_FLOWS + 2 * QUERY_FLOWS);

    InformationQueryFlows flows = new InformationQueryFlows(ApiClient.signIn(port, STAFF_USER, DEMO_PASSWORD, json),
        ApiClient.signIn(port, SUPERVISOR_USER, DEMO_PASSWORD, json),
        ApiClient.signIn(port, SECOND_STAFF_USER, DEMO_PASSWORD, json), management);
    BenchmarkReport.progress("running " + QUERY_WARM_UP_FLOWS + " warm-up and " + QUERY_FLOWS + " measured flows");
    for (String addresseeNumber : addresseeNumbers.subList(0, QUERY_WARM_UP_FLOWS)) {
      flows.run(addresseeNumber);
    }
    flows.resetTimings();
    DatabaseWork work = DatabaseWork.start(administrator.superuser());
    CpuWork cpu = CpuWork.start(administrator.superuser());
    long start = System.nanoTime();
    for (String addresseeNumber : addresseeNumbers.subList(QUERY_WARM_UP_FLOWS, QUERY_WARM_UP_FLOWS + QUERY_FLOWS)) {
      flows.run(addresseeNumber);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertThat(jdbc.queryForObject("""
        select count(*) from information_query q join resident_network_information r on r.query_id = q.id
        where q.status = 'COMPLETED' and q.approved_by = ?""", Long.class, SUPERVISOR_USER))
        .isEqualTo(QUERY_WARM_UP_FLOWS + QUERY_FLOWS);

    report.rate("Complete flows (7 API calls, more when polled again; 1 job)", QUERY_FLOWS, elapsed, "flows/s");
    report.latency("  One flow, request to saved result", flows.flows(), false);
    Latencies own = report.latency("  One flow less its answer wait (the app's own time)",
        flows.flowsLessAnswerWaits(), false);
    String ownTime = String.format(Locale.ROOT, "app's own time p50 %.0f ms per flow", own.percentileMillis(50));
    for (InformationQueryFlows.Step step : InformationQueryFlows.Step.values()) {
      report.latency("  " + step.label, flows.latencies(step), false);
    }
    report.latency("  Answer wait: job done -> CheckQueryResult listed", flows.answerWaits(), false);
    report.line("  The work per flow (the polls, the simulator's answer and the job included):");
    cpu.report(report, "flow", QUERY_FLOWS);
    work.report(report, "flow", QUERY_FLOWS);
    report.line(String.format(Locale.ROOT, "  The staff group tab lists oldest first, %,d older open staff steps before"
        + " a new one: staff find the", staffInbox().count()));
    report.line(String.format(Locale.ROOT, "  checks with the list's 業務 filter (情報照会), its first page as the UI"
        + " asks for it (size %s, with counts),", InformationQueryFlows.GROUP_TAB_OF_QUERIES.get("size")));
    report.line(String.format(Locale.ROOT, "  polled every %d ms while the answer is awaited (the UI fetches it again"
        + " on the server's push).", InformationQueryFlows.POLL_INTERVAL.toMillis()));

    List<String> concurrentFlows = addresseeNumbers.subList(QUERY_WARM_UP_FLOWS + QUERY_FLOWS, addresseeNumbers.size());
    Duration concurrently = concurrentInformationQueries(concurrentFlows);
    // Residents after those of the flows through the API, for the anchor: one after another, then as many at once.
    List<Long> engineResidents = jdbc.queryForList("select id from resident order by id desc offset ? limit ?",
        Long.class, QUERY_WARM_UP_FLOWS + 2 * QUERY_FLOWS, QUERY_WARM_UP_FLOWS + 2 * QUERY_FLOWS);
    String engine = engineInformationQueries(engineResidents.subList(0, QUERY_WARM_UP_FLOWS + QUERY_FLOWS));
    String concurrentEngine = concurrentEngineInformationQueries(
        engineResidents.subList(QUERY_WARM_UP_FLOWS + QUERY_FLOWS, engineResidents.size()));
    report.rateGoal("5. Information-query flows end to end, one after another", 50, "flows/s", QUERY_FLOWS, elapsed,
        engine + "; " + ownTime);
    report.rateGoal(String.format(Locale.ROOT, "5. Information-query flows end to end, %d clients", CONCURRENT_CLIENTS),
        50, "flows/s", concurrentFlows.size(), concurrently, concurrentEngine);
  }

  /**
   * Figure 5's anchor: the same flow's steps through Camunda's own API in-process, one flow after another (no HTTP, no
   * session, none of the app's checks, no audit). The query is stored by SQL as the app's start stores it, already
   * approved as the approval step's handler leaves it; the engine runs the same model with the app's delegates and
   * listeners, and the simulator answers as in the flows through the API, polled for as often.
   *
   * @return the anchor's rate, for the goals table
   */
  private String engineInformationQueries(List<Long> residentIds) throws Exception {
    BenchmarkReport.progress("running " + residentIds.size() + " flows through Camunda's API in-process");
    List<Long> queryIds = new ArrayList<>();
    for (long residentId : residentIds.subList(0, QUERY_WARM_UP_FLOWS)) {
      queryIds.add(engineFlow(residentId).queryId());
    }
    Latencies ownTimes = Latencies.empty();
    DatabaseWork work = DatabaseWork.start(administrator.superuser());
    CpuWork cpu = CpuWork.start(administrator.superuser());
    long start = System.nanoTime();
    for (long residentId : residentIds.subList(QUERY_WARM_UP_FLOWS, residentIds.size())) {
      long flowStart = System.nanoTime();
      EngineFlow flow = engineFlow(residentId);
      ownTimes.add(System.nanoTime() - flowStart - flow.answerWaitNanos());
      queryIds.add(flow.queryId());
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    int measured = residentIds.size() - QUERY_WARM_UP_FLOWS;
    report.rate("Camunda's API in-process (RuntimeService, TaskService claim + complete, the job)", measured, elapsed,
        "flows/s");
    report.latency("  One flow less its answer wait", ownTimes, false);
    cpu.report(report, "flow", measured);
    work.report(report, "flow", measured);
    assertEngineFlowsSaved(queryIds);
    return "Camunda API " + BenchmarkReport.rate(measured, elapsed, "flows/s");
  }

  /**
   * The anchor of figure 5's line with {@link #CONCURRENT_CLIENTS} clients: the same flows through Camunda's API
   * in-process, on as many threads at once, each taking its share one after another. What the engine, the app's
   * delegates and listeners and PostgreSQL can do on this machine with that many flows in flight, without HTTP,
   * sessions, the app's checks or the audit trail.
   *
   * @return the anchor's rate, for the goals table
   */
  private String concurrentEngineInformationQueries(List<Long> residentIds) throws Exception {
    BenchmarkReport.progress("running " + residentIds.size() + " flows through Camunda's API in-process, "
        + CONCURRENT_CLIENTS + " threads at once");
    List<Long> queryIds = Collections.synchronizedList(new ArrayList<>());
    int share = residentIds.size() / CONCURRENT_CLIENTS;
    DatabaseWork work = DatabaseWork.start(administrator.superuser());
    CpuWork cpu = CpuWork.start(administrator.superuser());
    long start = System.nanoTime();
    Latencies flows = Latencies.measureConcurrently(CONCURRENT_CLIENTS, 0, share,
        (thread, i) -> queryIds.add(engineFlow(residentIds.get(thread * share + i)).queryId()));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    report.rate(String.format(Locale.ROOT, "Camunda's API in-process, %d threads at once", CONCURRENT_CLIENTS),
        flows.count(), elapsed, "flows/s");
    report.latency("  One flow, start to saved result", flows, false);
    cpu.report(report, "flow", flows.count());
    work.report(report, "flow", flows.count());
    assertEngineFlowsSaved(queryIds);
    return String.format(Locale.ROOT, "Camunda API %d threads %s", CONCURRENT_CLIENTS,
        BenchmarkReport.rate(flows.count(), elapsed, "flows/s"));
  }

  private record EngineFlow(long queryId, long answerWaitNanos) {}

  /** One flow of the anchor for this resident: the query stored as approved, then every step through the engine. */
  private EngineFlow engineFlow(long residentId) throws InterruptedException {
    long queryId = jdbc.queryForObject("""
        with created as (
          insert into information_query (resident_id, information_item, legal_basis, purpose, status, revision,
                                         requested_by, requested_at, approved_by, approved_at)
          values (?, 'LOCAL_TAX', 'ACT19_8_TABLE14', ?, 'AWAITING_APPROVAL', 1, ?, now(), ?, now())
          returning id, information_item, legal_basis, purpose, requested_by, requested_at),
        revisions as (
          insert into information_query_revision (query_id, revision, information_item, legal_basis, purpose,
                                                  revised_by, revised_at)
          select id, 1, information_item, legal_basis, purpose, requested_by, requested_at from created)
        select id from created""", Long.class, residentId, InformationQueryFlows.PURPOSE, STAFF_USER,
        SUPERVISOR_USER);
    String instance = runtime.startProcessInstanceByKey(InformationQueryFlows.PROCESS_KEY, String.valueOf(queryId),
        Map.of("queryId", queryId, "answerTimeout", answerTimeout.toString(), "startedBy", STAFF_USER)).getId();
    claimAndComplete(awaitTask(instance, "ApproveQuery"), SUPERVISOR_USER, "APPROVE");
    management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
    long sent = System.nanoTime();
    String check = awaitTask(instance, "CheckQueryResult");
    long answerWait = System.nanoTime() - sent;
    claimAndComplete(check, STAFF_USER, "CONFIRM");
    claimAndComplete(awaitTask(instance, "DoubleCheckQueryResult"), SECOND_STAFF_USER, "SAVE");
    return new EngineFlow(queryId, answerWait);
  }

  private void assertEngineFlowsSaved(List<Long> queryIds) {
    assertThat(jdbc.queryForObject("""
        select count(*) from information_query q join resident_network_information r on r.query_id = q.id
        where q.id = any(?)""", Long.class, (Object) queryIds.toArray(Long[]::new))).isEqualTo(queryIds.size());
  }

  /** The open task of that step of the instance, once it is there (the simulator answers on its own thread). */
  private String awaitTask(String instance, String taskKey) throws InterruptedException {
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
      if (task != null) {
        return task.getId();
      }
      assertThat(System.nanoTime()).as(taskKey + " of " + instance + " within 30 s").isLessThan(giveUpAt);
      Thread.sleep(InformationQueryFlows.POLL_INTERVAL.toMillis());
    }
  }

  private void claimAndComplete(String taskId, String user, String decision) {
    taskService.claim(taskId, user);
    taskService.complete(taskId, Map.of("decision", decision));
  }

  /**
   * Figure 5 with {@link #CONCURRENT_CLIENTS} offices' worth of people at once: each client is a requester, an
   * approver and a second checker with sessions of their own, taking its share of the queries one after another. Every
   * query must end saved, and four-eyes must have held in each: approved by another person than the requester, the
   * result checked twice by two different people.
   */
  private Duration concurrentInformationQueries(List<String> addresseeNumbers) throws Exception {
    BenchmarkReport.progress("running " + addresseeNumbers.size() + " flows, " + CONCURRENT_CLIENTS + " clients at once");
    List<InformationQueryFlows> clients = new ArrayList<>();
    for (int client = 0; client < CONCURRENT_CLIENTS; client++) {
      clients.add(new InformationQueryFlows(staffSessions().get(client),
          ApiClient.signIn(port, SUPERVISOR_USER, DEMO_PASSWORD, json),
          ApiClient.signIn(port, SECOND_STAFF_USER, DEMO_PASSWORD, json), management));
    }
    int share = addresseeNumbers.size() / CONCURRENT_CLIENTS;
    DatabaseWork work = DatabaseWork.start(administrator.superuser());
    CpuWork cpu = CpuWork.start(administrator.superuser());
    long start = System.nanoTime();
    Latencies.measureConcurrently(CONCURRENT_CLIENTS, 0, share,
        (client, i) -> clients.get(client).run(addresseeNumbers.get(client * share + i)));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    report.rate(String.format(Locale.ROOT, "Complete flows, %d clients at once", CONCURRENT_CLIENTS),
        addresseeNumbers.size(), elapsed, "flows/s");
    Latencies flows = Latencies.empty();
    clients.forEach(client -> client.addFlowsTo(flows));
    report.latency("  One flow, request to saved result", flows, false);
    report.line("  The work per flow, flows at once:");
    cpu.report(report, "flow", addresseeNumbers.size());
    work.report(report, "flow", addresseeNumbers.size());
    assertThat(jdbc.queryForObject("""
        select count(*) from information_query q join resident_network_information r on r.query_id = q.id
        join resident p on p.id = q.resident_id
        where p.addressee_number = any(?) and q.status = 'COMPLETED' and q.approved_by <> q.requested_by""",
        Long.class, (Object) addresseeNumbers.toArray(String[]::new))).isEqualTo(addresseeNumbers.size());
    assertThat(jdbc.queryForObject("""
        select count(*) from task_view c join task_view d on d.process_instance_id = c.process_instance_id
        where c.process_key = ? and c.task_key = 'CheckQueryResult' and d.task_key = 'DoubleCheckQueryResult'
          and c.status = 'COMPLETED' and d.status = 'COMPLETED' and c.completed_by <> d.completed_by""", Long.class,
        InformationQueryFlows.PROCESS_KEY)).isEqualTo(QUERY_WARM_UP_FLOWS + QUERY_FLOWS + addresseeNumbers.size());
    return elapsed;
  }

  /**
   * Figure 6. A backlog of approvals: the queries are created as InformationQueries.start stores them,
   * by SQL, and started through the RuntimeService with the variables the case starter sets.
   */
  private void approvalQueueAtScale() throws Exception {
    report.section(String.format(Locale.ROOT, "6. Approval queue with %,d pending approvals, GET /api/approvals?size=%d"
        + " (user %s)", PENDING_APPROVALS, APPROVAL_PAGE_SIZE, SUPERVISOR_USER));
    report.line("  Each page renders every listed case's context (resident name, query revision, history)");
    report.line("  and writes one CASE_VIEW audit row per item, in the same transaction.");
    BenchmarkReport.progress("creating " + PENDING_APPROVALS + " information queries waiting for approval");
    long start = System.nanoTime();
    List<Long> queryIds = jdbc.queryForList("""
        with created as (
          insert into information_query (resident_id, information_item, legal_basis, purpose, status, revision,
                                         requested_by, requested_at)
          select id, 'LOCAL_TAX', 'ACT19_8_TABLE14', ?, 'AWAITING_APPROVAL', 1, ?, now()
          from resident order by id limit ?
          returning id, information_item, legal_basis, purpose, requested_by, requested_at),
        revisions as (
          insert into information_query_revision (query_id, revision, information_item, legal_basis, purpose,
                                                  revised_by, revised_at)
          select id, 1, information_item, legal_basis, purpose, requested_by, requested_at from created)
        select id from created order by id""", Long.class, InformationQueryFlows.PURPOSE, STAFF_USER,
        PENDING_APPROVALS);
    Duration starting = startInstances(PENDING_APPROVALS, i -> {
      Long queryId = queryIds.get(i);
      runtime.startProcessInstanceByKey(InformationQueryFlows.PROCESS_KEY, String.valueOf(queryId), Map.of(
          "queryId", queryId, "answerTimeout", answerTimeout.toString(), "startedBy", STAFF_USER));
    });
    Duration creating = Duration.ofNanos(System.nanoTime() - start);
    assertThat(jdbc.queryForObject("select count(*) from task_view where task_key = 'ApproveQuery' and status = 'OPEN'",
        Long.class)).isEqualTo(PENDING_APPROVALS);
    administrator.owner().execute("analyze");
    report.rate("Queries created (SQL, then RuntimeService, 500 per transaction)", PENDING_APPROVALS, creating,
        "queries/s");
    report.figure("  of which starting the process instances", String.format(Locale.ROOT, "%.1f s",
        BenchmarkReport.seconds(starting)), "");

    BenchmarkReport.progress("measuring the approval queue");
    ApiClient supervisor = ApiClient.signIn(port, SUPERVISOR_USER, DEMO_PASSWORD, json);
    String firstPage = "/api/approvals?size=" + APPROVAL_PAGE_SIZE;
    JsonNode page = supervisor.get(firstPage);
    for (int hop = 0; hop < CURSOR_HOPS; hop++) {
      assertThat(page.get("items")).hasSize(APPROVAL_PAGE_SIZE);
      page = supervisor.get(firstPage + "&cursor=" + page.get("nextCursor").asText());
    }
    assertThat(page.get("items")).hasSize(APPROVAL_PAGE_SIZE);
    String deepPage = firstPage + "&cursor=" + page.get("nextCursor").asText();
    String caseViews = "select count(*) from audit_event where operation = 'CASE_VIEW' and username = ?";
    long caseViewsBefore = jdbc.queryForObject(caseViews, Long.class, SUPERVISOR_USER);

    long tableReadsBefore = tableReads();
    DatabaseWork pageWork = DatabaseWork.start(administrator.superuser());
    Latencies first = report.latency("First page",
        Latencies.measure(APPROVAL_WARM_UP, APPROVAL_SAMPLES, i -> supervisor.get(firstPage)), false);
    report.latencyGoal("6. Approval queue, 5,000 pending, first page", 95, 15, first, "");
    report.figure("  table reads per page (idx_scan + seq_scan of pg_stat_user_tables, all sessions)",
        String.format(Locale.ROOT, "%.1f", (double) (tableReads() - tableReadsBefore)
            / (APPROVAL_WARM_UP + APPROVAL_SAMPLES)), "a proxy for the SQL statements a page runs");
    pageWork.report(report, "first page", APPROVAL_WARM_UP + APPROVAL_SAMPLES);
    report.latency(String.format(Locale.ROOT, "Page %d, reached by %d nextCursor hops", CURSOR_HOPS + 1, CURSOR_HOPS),
        Latencies.measure(APPROVAL_WARM_UP, APPROVAL_SAMPLES, i -> supervisor.get(deepPage)), false);
    int pages = 2 * (APPROVAL_WARM_UP + APPROVAL_SAMPLES);
    report.figure("CASE_VIEW audit rows written per page", String.format(Locale.ROOT, "%.1f rows",
        (double) (jdbc.queryForObject(caseViews, Long.class, SUPERVISOR_USER) - caseViewsBefore) / pages),
        String.format(Locale.ROOT, "N=%d pages", pages));
    report.figure("audit_event rows at the end of this phase", rowCount("audit_event"), "");
  }

  /**
   * Index and sequential scans of every table so far, as the statistics collector has them: a count of the table
   * reads that SQL statements made, whatever the load of the machine. Backends report them at most every second and
   * within ten once idle, so the count waits for that first.
   */
  private long tableReads() throws InterruptedException {
    Thread.sleep(Duration.ofSeconds(11).toMillis());
    return jdbc.queryForObject("select sum(coalesce(idx_scan, 0) + coalesce(seq_scan, 0)) from pg_stat_user_tables",
        Long.class);
  }

  private String rowCount(String table) {
    return String.format(Locale.ROOT, "%,d rows",
        jdbc.queryForObject("select count(*) from " + table, Long.class));
  }

  /**
   * Figure 7. Run after package (failsafe), so the jar is the one just built. Each launch form starts on fresh data
   * folders (initdb, every migration, first deployment) and restarts on them; the phases are those of the last fresh
   * start, read off the app's log.
   */
  private void startupTimeToFirstOk() throws Exception {
    report.section("7. Start-up of the packaged app to the first HTTP 200 of GET /api/system (demo profile)");
    if (!Files.isRegularFile(JAR)) {
      report.line("  NOT MEASURED: " + JAR.toAbsolutePath() + " does not exist. Run the benchmark with"
          + " `mvn -B -Pbenchmark verify`, which packages the jar before the integration-test phase.");
      return;
    }
    // The benchmark's own database stays up but idle; flush it so that its writes do not compete (CHECKPOINT is the
    // superuser's: the app's role may not).
    administrator.superuser().execute("checkpoint");
    JarStartup startup = new JarStartup(JAR);
    List<JarStartup.Launch> launches = new ArrayList<>(List.of(JarStartup.Launch.JAR));
    if (startup.canFastStart()) {
      launches.add(JarStartup.Launch.FAST_START);
    } else {
      report.line("  The fast start was not measured: the package was built with -Dskip.cds.");
    }
    for (JarStartup.Launch launch : launches) {
      Latencies fresh = Latencies.empty(STARTS);
      Latencies restart = Latencies.empty(STARTS);
      JarStartup.Start lastFresh = null;
      for (int i = 0; i < STARTS; i++) {
        Path dataDir = Files.createTempDirectory("immunization-startup-");
        try {
          BenchmarkReport.progress("starting on a fresh data dir: " + launch.label);
          lastFresh = startup.timeToFirstOk(launch, dataDir, Path.of("target", "benchmark-startup-fresh.log"));
          fresh.add(lastFresh.toFirstOk().toNanos());
          BenchmarkReport.progress("restarting on the same data dir: " + launch.label);
          restart.add(startup.timeToFirstOk(launch, dataDir, Path.of("target", "benchmark-startup-restart.log"))
              .toFirstOk().toNanos());
        } finally {
          FileSystemUtils.deleteRecursively(dataDir);
        }
      }
      report.line("  " + launch.label + ":");
      report.latency("    Fresh data dir (creates database and schema)", fresh, false);
      report.latency("    Restart on the same data dir", restart, false);
      lastFresh.phases().forEach((phase, at) -> report.figure("      fresh start: " + phase + " after",
          millis(at), ""));
      if (launch == launches.get(launches.size() - 1)) {
        report.goal("7. Start-up to first HTTP 200, fresh data folder, p50", "<= 15 s",
            String.format(Locale.ROOT, "%.1f s (%s)", fresh.percentileMillis(50) / 1000, launch.name()),
            String.format(Locale.ROOT, "restart %.1f s", restart.percentileMillis(50) / 1000),
            fresh.percentileMillis(50) <= 15_000);
      }
    }
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%,d ms", duration.toMillis());
  }
}
