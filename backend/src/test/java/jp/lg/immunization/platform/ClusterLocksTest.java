package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import jp.lg.immunization.IntegrationTest;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.Scheduled;

/** Scheduled jobs run once across the cluster (issue 16): every job takes a cluster lock, and two nodes race for it. */
@IntegrationTest
class ClusterLocksTest {

  /**
   * Jobs that every node runs for itself, on purpose: each node's own gauges, and the outbox relay, which shares its
   * entries among the nodes row by row (SKIP LOCKED).
   */
  private static final Set<String> PER_NODE = Set.of("BusinessMetrics.refresh", "OutboundRelay.relay");

  @Autowired ApplicationContext context;
  @Autowired LockProvider lockProvider;
  @Autowired DataSource dataSource;

  @Test
  void everyScheduledJobOfTheAppTakesAClusterLockUnlessItIsPerNode() {
    List<String> unlocked = new ArrayList<>();
    List<String> locked = new ArrayList<>();
    for (String name : context.getBeanDefinitionNames()) {
      Object bean = context.getBean(name);
      Class<?> type = AopUtils.getTargetClass(bean);
      if (!type.getName().startsWith("jp.lg.immunization.")) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Scheduled.class)) {
          String job = type.getSimpleName() + "." + method.getName();
          (method.isAnnotationPresent(SchedulerLock.class) || PER_NODE.contains(job) ? locked : unlocked).add(job);
        }
      }
    }
    assertThat(unlocked).as("scheduled jobs without @SchedulerLock").isEmpty();
    assertThat(locked).contains("RetentionRuns.nightly", "AuditVerificationRuns.nightly",
        "QueryResultRetention.deleteExpired", "AccountControls.disableExpiredAccounts", "KpiRollup.rollUp");
  }

  @Test
  void ofTwoNodesStartingTheSameJobAtOnceExactlyOneRunsIt() throws Throwable {
    // The second node is a lock provider of its own on the same database, as another JVM would have.
    LockingTaskExecutor nodeA = new DefaultLockingTaskExecutor(lockProvider);
    LockingTaskExecutor nodeB = new DefaultLockingTaskExecutor(new ClusterLocks().lockProvider(dataSource));
    LockConfiguration job = new LockConfiguration(Instant.now(), "cluster-lock-test", Duration.ofMinutes(5),
        Duration.ZERO);
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> nodeA.executeWithLock((Runnable) () -> {
      runs.incrementAndGet();
      running.countDown();
      await(release);
    }, job));
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    LockingTaskExecutor.TaskResult<Boolean> onB = nodeB.executeWithLock(() -> runs.incrementAndGet() > 0, job);
    release.countDown();
    onA.get(10, TimeUnit.SECONDS);

    assertThat(onB.wasExecuted()).as("the second node's run").isFalse();
    assertThat(runs).hasValue(1);
    // Once the first node is done, the next trigger runs again (the test configuration holds no lock after the run).
    assertThat(nodeB.executeWithLock(() -> runs.incrementAndGet() > 0, job).wasExecuted()).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
