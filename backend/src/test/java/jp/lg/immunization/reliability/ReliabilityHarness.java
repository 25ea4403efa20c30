package jp.lg.immunization.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Reliability of the packaged app, as operators meet it (issue 16). A measurement, not a test: it prints a table and
 * asserts only that it ran. {@code mvn -B -Preliability verify} (from the root; README, Operations). In one run:
 * <ol>
 *   <li>the embedded default: mixed flows through the HTTP API while the JVM is killed with SIGKILL at random moments
 *   and started again on the same data folder;</li>
 *   <li>two nodes on one PostgreSQL with clients spread over both, and pairs of staff racing for the same task;</li>
 *   <li>that PostgreSQL restarted under the load of phase 2;</li>
 *   <li>on the embedded node of phase 1, every simulated national or city system down for a period while flows run
 *   (the 10 minutes by default, {@code -Dreliability.simulator-outage}), and every case resuming by itself.</li>
 * </ol>
 * The flows are the five the office's work is made of: 住登外者確認, 情報照会, a dose at the counter, a clinic's batch
 * and the intake of a relief claim.
 * Then every acknowledged action is looked for (once), every case of the run that has not ended must wait on
 * something (a task, a job or timer, an outbox entry awaiting its answer), and the audit chain is verified.
 */
@Tag("reliability")
class ReliabilityHarness {

  /** Started as the README's fast start runs it: the extracted jar with its class-data-sharing archive. */
  private static final Path JAR = Path.of("target", "immunization-office", "immunization-office.jar");
  private static final Path WORK = Path.of("target", "reliability");
  private static final String PASSWORD = "demo-pass-2026";

  private final int flows = Integer.getInteger("reliability.flows", 1000);
  private final int kills = Integer.getInteger("reliability.kills", 5);
  private final int races = Integer.getInteger("reliability.races", 50);
  private final int workers = Integer.getInteger("reliability.workers", 12);
  private final int outageFlows = Integer.getInteger("reliability.outage-flows", 100);
  private final Duration simulatorOutage = Duration.parse(System.getProperty("reliability.simulator-outage", "PT10M"));
  private static final List<String> SIMULATED_SYSTEMS = List.of("resident-network", "intermediate-server",
      "city-linkage", "ministry", "integrated-addressee");
  private final List<String> rows = new ArrayList<>();
  private final List<AppNode> nodes = new ArrayList<>();

  @Test
  void run() throws Exception {
    assertThat(JAR).as("the extracted jar (mvn -Preliability verify packages and extracts it first)").exists();
    FileSystemUtils.deleteRecursively(WORK);
    Files.createDirectories(WORK);
    // Every node of a city shares its keys (README, several nodes): the audit chain's MAC and checkpoint keys too, or
    // each node would chain with a key of its own and the verification rightly call the other's entries forged.
    List<String> keys = List.of("--immunization.crypto.my-number-key=" + randomKey(),
        "--immunization.security.totp-key=" + randomKey(), "--immunization.audit.mac-key=" + randomKey(),
        "--immunization.audit.signing-key=" + randomKey());

    int phase1Flows = flows * 3 / 5;
    try {
      killsOnTheEmbeddedDefault(phase1Flows, keys);
      twoNodesAndAPostgresRestart(flows - phase1Flows, keys);
    } finally {
      // A harness that failed halfway leaves no JVM behind (their watchdogs then stop the embedded databases).
      nodes.forEach(AppNode::killIfAlive);
    }

    StringBuilder table = new StringBuilder()
        .append("| phase | flows | completed | kills | acknowledged | lost | duplicated | stuck | 5xx outside outages"
            + " | 5xx in outages (503) | unanswered | recovery (max) | other |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    rows.forEach(row -> table.append(row).append('\n'));
    System.out.println("\nReliability harness\n" + table);
    Files.writeString(Path.of("target", "reliability-report.md"), table.toString());
  }

  private void killsOnTheEmbeddedDefault(int count, List<String> keys) throws Exception {
    Figures figures = new Figures();
    int dbPort = 15432;
    List<String> arguments = new ArrayList<>(common());
    arguments.add("--immunization.database.embedded.port=" + dbPort);
    arguments.addAll(keys);
    AppNode node = node(new AppNode("embedded", JAR, WORK.resolve("embedded"), 18080, arguments));
    Duration firstStart = node.start();
    JdbcTemplate db = jdbc("jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres");
    Flows flows = new Flows(db, figures, Duration.ofMinutes(5));
    Flows.Users users = users(node.baseUrl(), figures, null);

    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> running = submit(pool, 0, count, flows, n -> users);
    AtomicInteger killed = new AtomicInteger();
    long longestRestart = 0;
    // At least `kills` kills, at random moments of the run (flows still running are resumed after each restart).
    while (killed.get() < kills) {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5_000, 20_000));
      figures.outage(true);
      node.kill();
      killed.incrementAndGet();
      Duration restart = node.start();
      longestRestart = Math.max(longestRestart, restart.toMillis());
      figures.recovered(restart.toMillis());
      figures.outage(false);
    }
    awaitAll(pool, running, figures);
    Checks checks = Checks.of(db, flows);
    String simulatorsDown = simulatorsDown(node, db, users, count);
    String audit = verifyAudit(node.baseUrl(), figures);
    Duration shutdown = node.stop();
    boolean postgresStopped = !Files.exists(WORK.resolve("embedded").resolve("postgres").resolve("postmaster.pid"));
    report(row("1 kill -9, embedded default", figures, killed.get(), checks,
        "first start " + seconds(firstStart.toMillis()) + "; audit (phases 1 and 4) " + audit + "; SIGTERM stop "
            + seconds(shutdown.toMillis()) + ", database stopped with it: " + postgresStopped));
    report(simulatorsDown);
  }

  /**
   * Phase 4: flows on the running node while every simulated system is down for {@code simulatorOutage} (all at
   * once, from when a tenth of the flows are done); afterwards, the cases whose calls failed during the outage must
   * have gone on by themselves, without an incident and without anyone retrying them.
   */
  private String simulatorsDown(AppNode node, JdbcTemplate db, Flows.Users users, int firstFlow) throws Exception {
    Figures figures = new Figures();
    Flows flows = new Flows(db, figures, simulatorOutage.plus(Duration.ofMinutes(15)));
    ApiClient admin = new ApiClient("admin1", node.baseUrl(), figures);
    admin.login(PASSWORD);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> running = submit(pool, firstFlow, outageFlows, flows, n -> users);
    Instant latest = Instant.now().plus(Duration.ofMinutes(2));
    while (figures.flowsCompleted.get() < outageFlows / 10 && Instant.now().isBefore(latest)) {
      Thread.sleep(200);
    }
    java.sql.Timestamp down = db.queryForObject("select now()", java.sql.Timestamp.class);
    for (String system : SIMULATED_SYSTEMS) {
      ApiClient.Answer taken = admin.send("POST", "/api/admin/simulators/" + system + "/outage",
          java.util.Map.of("seconds", simulatorOutage.toSeconds()));
      if (taken == null || taken.status() != 204) {
        throw new IllegalStateException(system + ": outage refused " + taken);
      }
    }
    Thread.sleep(simulatorOutage.toMillis());
    java.sql.Timestamp up = db.queryForObject("select now()", java.sql.Timestamp.class);
    awaitAll(pool, running, figures);
    Checks checks = Checks.of(db, flows);

    List<String> instances = List.copyOf(flows.flowInstances);
    String in = instances.isEmpty() ? "''" : "'" + String.join("','", instances) + "'";
    // A job attempt that failed while the systems were down, and whether the same job later succeeded.
    List<java.util.Map<String, Object>> hit = db.queryForList("""
        select f.process_instance_id_ instance, count(*) failures,
               (select min(s.timestamp_) from act_hi_job_log s where s.job_id_ = f.job_id_ and s.job_state_ = 2)
                 resumed
        from act_hi_job_log f
        where f.job_state_ = 1 and f.timestamp_ between ? and ? and f.process_instance_id_ in (%s)
        group by f.process_instance_id_, f.job_id_""".formatted(in), down, up);
    long failures = hit.stream().mapToLong(row -> ((Number) row.get("failures")).longValue()).sum();
    long cases = hit.stream().map(row -> row.get("instance")).distinct().count();
    long notResumed = hit.stream().filter(row -> row.get("resumed") == null).map(row -> row.get("instance"))
        .distinct().count();
    long lastResumed = hit.stream().map(row -> (java.sql.Timestamp) row.get("resumed"))
        .filter(java.util.Objects::nonNull).mapToLong(at -> at.getTime() - up.getTime()).max().orElse(0);
    long incidents = db.queryForObject("select count(*) from act_ru_incident where proc_inst_id_ in (" + in + ")",
        Long.class);
    return row("4 simulators down " + simulatorOutage.toSeconds() + " s (embedded)", figures, 0, checks,
        String.join(", ", SIMULATED_SYSTEMS) + " down at once: " + failures + " failed calls in " + cases
            + " cases, resumed by themselves " + (cases - notResumed) + "/" + cases + ", the last "
            + seconds(Math.max(0, lastResumed)) + " after the outage; incidents " + incidents);
  }

  private void twoNodesAndAPostgresRestart(int count, List<String> keys) throws Exception {
    Figures figures = new Figures();
    int dbPort = 15433;
    Path pgData = WORK.resolve("external-postgres");
    EmbeddedPostgres postgres = externalPostgres(pgData, dbPort);
    String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
    JdbcTemplate db = jdbc(url);
    // As the README's external database: the administrator's roles, migrations as the owner, the nodes as the runtime.
    db.execute(new ClassPathResource("db/roles/database-roles.sql").getContentAsString(StandardCharsets.UTF_8));
    List<String> arguments = new ArrayList<>(common());
    arguments.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=immunization_runtime",
        "--spring.datasource.password=", "--spring.flyway.user=immunization_owner", "--spring.flyway.password="));
    arguments.addAll(keys);
    AppNode a = node(new AppNode("node-a", JAR, WORK.resolve("node-a"), 18081, arguments));
    AppNode b = node(new AppNode("node-b", JAR, WORK.resolve("node-b"), 18082, arguments));
    a.start();
    b.start();
    Flows flows = new Flows(db, figures, Duration.ofMinutes(5));
    Flows.Users onA = users(a.baseUrl(), figures, null);
    Flows.Users onB = users(b.baseUrl(), figures, onA);

    int wins = 0;
    for (int n = 0; n < races; n++) {
      wins += flows.race(n, onA.staff1(), onB.staff2()) ? 1 : 0;
    }

    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> running = submit(pool, 0, count, flows, n -> n % 2 == 0 ? onA : onB);
    // The restart falls in the middle of the load: once a third of the flows are done.
    Instant latest = Instant.now().plus(Duration.ofMinutes(2));
    while (figures.flowsCompleted.get() < count / 3 && Instant.now().isBefore(latest)) {
      Thread.sleep(200);
    }
    figures.outage(true);
    postgres.close();
    Thread.sleep(15_000);
    Instant back = Instant.now();
    postgres = externalPostgres(pgData, dbPort);
    a.awaitReady(Duration.ofMinutes(2));
    b.awaitReady(Duration.ofMinutes(2));
    figures.recovered(Duration.between(back, Instant.now()).toMillis());
    figures.outage(false);
    awaitAll(pool, running, figures);

    Checks checks = Checks.of(db, flows);
    String audit = verifyAudit(a.baseUrl(), figures);
    a.stop();
    b.stop();
    postgres.close();
    report(row("2+3 two nodes, PostgreSQL restarted", figures, 0, checks,
        "races with exactly one winner: " + wins + "/" + races + "; audit " + audit));
  }

  /** Flows numbered from {@code first} (numbers name the cases, so they differ across phases on one database). */
  /** Each phase's row as soon as it is known, so that a run cut short still shows what it measured. */
  private void report(String row) {
    rows.add(row);
    System.out.println("Reliability harness, phase done: " + row);
  }

  private AppNode node(AppNode node) {
    nodes.add(node);
    return node;
  }

  private List<Future<?>> submit(ExecutorService pool, int first, int count, Flows flows,
                                 java.util.function.IntFunction<Flows.Users> usersOf) {
    List<Future<?>> running = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      int n = i;
      running.add(pool.submit(() -> {
        Flows.Users users = usersOf.apply(n);
        switch (n % 5) {
          case 0, 1 -> flows.nonResident(n, users);
          case 2 -> flows.informationQuery(n, users);
          case 3 -> flows.reliefIntake(n, users);
          default -> {
            if (n % 10 == 4) {
              flows.doseAtCounter(n, users);
            } else {
              flows.doseBatch(n, users);
            }
          }
        }
        return null;
      }));
    }
    return running;
  }

  /** Waits for the flows; a flow that failed is counted with its reason, and the run goes on to its figures. */
  private static void awaitAll(ExecutorService pool, List<Future<?>> running, Figures figures) throws Exception {
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
      throw new IllegalStateException("flows did not finish within 30 minutes");
    }
    for (Future<?> flow : running) {
      try {
        flow.get();
      } catch (java.util.concurrent.ExecutionException failed) {
        figures.failed(failed.getCause().getMessage());
      }
    }
  }


  private Flows.Users users(String baseUrl, Figures figures, Flows.Users signedIn) throws Exception {
    if (signedIn != null) {
      return new Flows.Users(signedIn.staff1().via(baseUrl), signedIn.staff2().via(baseUrl),
          signedIn.super1().via(baseUrl));
    }
    List<ApiClient> clients = new ArrayList<>();
    for (String name : List.of("staff1", "staff2", "super1")) {
      ApiClient client = new ApiClient(name, baseUrl, figures);
      client.login(PASSWORD);
      clients.add(client);
    }
    return new Flows.Users(clients.get(0), clients.get(1), clients.get(2));
  }

  private static String verifyAudit(String baseUrl, Figures figures) throws Exception {
    ApiClient auditor = new ApiClient("auditor1", baseUrl, figures);
    auditor.login(PASSWORD);
    ApiClient.Answer verified = auditor.send("GET", "/api/audit/verify", null);
    return verified != null && verified.ok() && verified.body().path("intact").asBoolean()
        ? "intact (" + verified.body().path("checked").asLong() + " entries)" : "NOT intact: " + verified;
  }

  private static List<String> common() {
    return List.of("--immunization.demo.enabled=true", "--immunization.demo.residents=500",
        "--camunda.bpm.job-execution.enabled=true",
        "--immunization.simulators.resident-network.answer-delay=PT1S",
        "--immunization.simulators.intermediate-server.answer-delay=PT1S",
        "--immunization.outbound.resend-after=PT15S", "--immunization.outbound.relay-interval=PT3S",
        "--spring.main.banner-mode=off", "--logging.level.root=warn", "--logging.level.jp.lg.immunization=info");
  }

  private static EmbeddedPostgres externalPostgres(Path dataDir, int port) throws Exception {
    Files.createDirectories(dataDir);
    return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
        .setServerConfig("max_connections", "200").setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on").setLocaleConfig("encoding", "UTF8")
        .setLocaleConfig("locale", "C").start();
  }

  private static JdbcTemplate jdbc(String url) {
    SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.setQueryTimeout(10);
    return jdbc;
  }

  private static String row(String phase, Figures figures, int kills, Checks checks, String other) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d (%d) | %d | %s | %s |",
        phase, figures.flowsStarted.get(), figures.flowsCompleted.get(), kills, figures.acknowledged.get(),
        checks.lost(), checks.duplicated(), checks.stuck(), figures.serverErrors.get(),
        figures.serverErrorsInOutage.get(), figures.unavailable503InOutage.get(), figures.unanswered.get(),
        seconds(figures.maxRecoveryMillis.get()), other + figures.failures() + (checks.unfinished() > 0
            ? "; flows unfinished at the harness's limit: " + checks.unfinished() + " (" + checks.waitingAt() + ")" : ""));
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
