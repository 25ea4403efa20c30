package jp.lg.immunization.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.platform.DatabaseAdministrator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R04 with the trail in stripes (issue 19): audited transactions take the first free stripe instead of queueing behind
 * each other's commit, and every stripe holds against tampering as the single chain did.
 */
@IntegrationTest
class AuditChainStripesTest {

  /** The stripe the tampering tests write to: any but the first. */
  private static final int STRIPE = 5;

  @Autowired AuditTrail trail;
  @Autowired AuditVerification verification;
  @Autowired AuditChain chain;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired DataSource dataSource;
  @Autowired DatabaseAdministrator administrator;
  @Autowired AuditCheckpoints checkpoints;

  /**
   * While another connection holds every stripe but one, an audited transaction neither waits nor shares a taken
   * stripe: it links its events to the free one.
   */
  @Test
  void R04_aTransactionLinksToTheFreeStripeWhileTheOthersAreTaken() throws Exception {
    List<Long> ids = writeToStripe(STRIPE, 31L, 32L);
    assertThat(jdbc.queryForList("select stripe from audit_event where id in (?, ?)", Integer.class, ids.get(0),
        ids.get(1))).containsOnly(STRIPE);
    assertIntact();
  }

  @Test
  void R04_anEntryAlteredInAStripeOtherThanTheFirstIsDetectedAndNamed() {
    List<Long> ids = writeToStripe(STRIPE, 41L, 42L, 43L);
    assertBrokenAt(ids.get(1), AuditVerification.CONTENT_CHANGED,
        "update audit_event set resident_id = 999 where id = " + ids.get(1),
        "update audit_event set resident_id = 42 where id = " + ids.get(1));
  }

  @Test
  void R04_anEntryDeletedFromAStripeOtherThanTheFirstIsDetected() {
    List<Long> ids = writeToStripe(STRIPE, 44L, 45L, 46L);
    Map<String, Object> deleted = jdbc.queryForMap("select * from audit_event where id = ?", ids.get(1));
    assertBrokenAt(ids.get(2), AuditVerification.LINK_BROKEN, () -> administrator.bypassingTriggers(
        "delete from audit_event where id = ?", ids.get(1)), () -> reinsert(deleted, ids.get(1)));
  }

  /** Two entries of a stripe swap places: the MAC covers the id, the link the order. */
  @Test
  void R04_entriesReorderedInAStripeOtherThanTheFirstAreDetected() {
    List<Long> ids = writeToStripe(STRIPE, 47L, 48L, 49L);
    Runnable swap = () -> {
      // One at a time: the primary key is checked row by row.
      administrator.bypassingTriggers("update audit_event set id = -id where id = ?", ids.get(1));
      administrator.bypassingTriggers("update audit_event set id = ? where id = ?", ids.get(1), ids.get(2));
      administrator.bypassingTriggers("update audit_event set id = ? where id = ?", ids.get(2), -ids.get(1));
    };
    assertBrokenAt(ids.get(1), AuditVerification.LINK_BROKEN, swap, swap);
  }

  /**
   * An entry put in that claims the same predecessor as one already there (a fork; its own link made up, as the
   * links are unique) is named by the walk.
   */
  @Test
  void R04_anEntryInsertedIntoAStripeOtherThanTheFirstIsDetected() {
    List<Long> ids = writeToStripe(STRIPE, 50L, 51L);
    Map<String, Object> forged = new HashMap<>(jdbc.queryForMap("select * from audit_event where id = ?",
        ids.get(1)));
    forged.put("hash", "f".repeat(64));
    long inserted = jdbc.queryForObject("select nextval('audit_event_id_seq')", Long.class);
    assertBrokenAt(inserted, AuditVerification.LINK_BROKEN, () -> reinsert(forged, inserted),
        () -> administrator.bypassingTriggers("delete from audit_event where id = ?", inserted));
  }

  /** An entry moved into another stripe no longer links there, nor does its successor in its own. */
  @Test
  void R04_anEntryMovedToAnotherStripeIsDetected() {
    List<Long> ids = writeToStripe(STRIPE, 52L, 53L);
    assertBrokenAt(ids.get(0), AuditVerification.LINK_BROKEN,
        "update audit_event set stripe = " + (STRIPE + 1) + " where id = " + ids.get(0),
        "update audit_event set stripe = " + STRIPE + " where id = " + ids.get(0));
  }

  /** The checkpoint signs every stripe's last entry: cutting one stripe's tail is seen though its chain is intact. */
  @Test
  void R04_cuttingOffTheTailOfAStripeOtherThanTheFirstIsDetectedByTheCheckpoint() {
    List<Long> ids = writeToStripe(STRIPE, 54L, 55L);
    long last = ids.get(1);
    writeToStripe(STRIPE + 1, 56L);
    Map<String, Object> deleted = jdbc.queryForMap("select * from audit_event where id = ?", last);
    assertBrokenAt(last, AuditVerification.CHECKPOINT_MISSING, () -> administrator.bypassingTriggers(
        "delete from audit_event where id = ?", last), () -> reinsert(deleted, last));
  }

  /**
   * Whoever holds the MAC key rewrites a stripe's last entry; the next checkpoint (every verification writes one first)
   * signs the rewritten link, but the one before saw the entry as it was: two checkpoints disagreeing on an entry name
   * it. A stripe that is written seldom keeps its last entry through many checkpoints.
   */
  @Test
  void R04_aStripesLastEntryRewrittenWithTheKeyIsCaughtThoughALaterCheckpointSignedIt() {
    List<Long> ids = writeToStripe(STRIPE, 57L, 58L);
    Map<String, Object> original = jdbc.queryForMap("select * from audit_event where id = ?", ids.get(1));
    AuditEntry rewritten = new AuditEntry(ids.get(1), ((java.sql.Timestamp) original.get("occurred_at")).toInstant(),
        (String) original.get("username"), (String) original.get("operation"), 999L,
        (String) original.get("client_address"), (String) original.get("detail"),
        (String) original.get("previous_hash"));
    String update = "update audit_event set resident_id = ?, hash = ? where id = ?";
    assertBrokenAt(ids.get(1), AuditVerification.CHECKPOINT_DIFFERS, () -> {
      administrator.bypassingTriggers(update, 999L, chain.mac(rewritten), ids.get(1));
      checkpoints.write();
    }, () -> administrator.bypassingTriggers(update, original.get("resident_id"), original.get("hash"), ids.get(1)));
  }

  /** Eight clients at once: every event lands in a stripe, no two claim the same predecessor, the chains verify. */
  @Test
  void R04_eightConcurrentAuditedTransactionsLandInValidChainsWithoutAFork() throws Exception {
    long before = lastId();
    int written = writeConcurrently(List.of(new Node(trail, transactions)), 8);
    assertNoForkAndIntact(before, written);
  }

  /**
   * A second node (its own connection pool, its own trail, even another number of stripes) writes at the same time as
   * this one: the stripes' locks are the database's, so the chains stay valid.
   */
  @Test
  void R04_aSecondNodeWritingAtTheSameTimeKeepsTheChainsValid() throws Exception {
    HikariDataSource thisNode = dataSource.unwrap(HikariDataSource.class);
    try (HikariDataSource otherNode = new HikariDataSource()) {
      otherNode.setJdbcUrl(thisNode.getJdbcUrl());
      otherNode.setUsername(thisNode.getUsername());
      otherNode.setPassword(thisNode.getPassword());
      otherNode.setMaximumPoolSize(4);
      Node second = new Node(new AuditTrail(new JdbcTemplate(otherNode), clock, chain, 3),
          new TransactionTemplate(new DataSourceTransactionManager(otherNode)));
      long before = lastId();
      int written = writeConcurrently(List.of(new Node(trail, transactions), second), 4);
      assertNoForkAndIntact(before, written);
    }
  }

  @Test
  void R04_aNumberOfStripesOutsideOneTo64StopsTheStartUpWithItsName() {
    for (int stripes : new int[] {0, -1, AuditTrail.MAX_STRIPES + 1}) {
      assertThatThrownBy(() -> new AuditTrail(jdbc, clock, chain, stripes))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(AuditTrail.STRIPES_PROPERTY);
    }
  }

  private record Node(AuditTrail trail, TransactionTemplate transactions) {}

  /** Each node's writers record 25 transactions of one to three events each; returns how many events they wrote. */
  private static int writeConcurrently(List<Node> nodes, int writersPerNode) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size() * writersPerNode);
    try {
      List<Future<Integer>> writers = new ArrayList<>();
      for (Node node : nodes) {
        for (int writer = 0; writer < writersPerNode; writer++) {
          long residentId = 200L + writers.size();
          writers.add(pool.submit(() -> {
            int events = 0;
            for (int i = 0; i < 25; i++) {
              List<Long> residents = LongStream.range(0, 1 + i % 3).map(n -> residentId).boxed().toList();
              node.transactions().executeWithoutResult(status -> node.trail().recordEach(
                  AuditOperation.RESIDENT_VIEW, residents, "stripes test"));
              events += residents.size();
            }
            return events;
          }));
        }
      }
      int written = 0;
      for (Future<Integer> writer : writers) {
        written += writer.get();
      }
      return written;
    } finally {
      pool.shutdown();
    }
  }

  private void assertNoForkAndIntact(long before, int written) {
    assertThat(jdbc.queryForObject("select count(*) from audit_event where id > ? and detail = 'stripes test'",
        Integer.class, before)).isEqualTo(written);
    assertThat(jdbc.queryForList("""
        select previous_hash from audit_event where id > ? group by previous_hash having count(*) > 1""",
        String.class, before)).as("links claimed by two entries").isEmpty();
    assertThat(jdbc.queryForObject("select count(distinct stripe) from audit_event where id > ?", Integer.class,
        before)).as("stripes written").isGreaterThan(1);
    assertIntact();
  }

  /**
   * Records the residents' events in one transaction while another connection holds every other stripe, so that they
   * land in the given one; returns their ids in order. The write runs on a thread of its own, so that, should another
   * writer of the app hold the free stripe just then and this one wait for a held stripe, the test fails instead of
   * waiting for itself.
   */
  private List<Long> writeToStripe(int stripe, Long... residents) {
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (Statement statement = other.createStatement()) {
        statement.execute("select pg_advisory_xact_lock(" + AuditTrail.STRIPE_LOCK + ", s) from generate_series(0, "
            + (AuditTrail.DEFAULT_STRIPES - 1) + ") s where s <> " + stripe);
        long before = lastId();
        writer.submit(() -> transactions.executeWithoutResult(status -> trail.recordEach(
            AuditOperation.RESIDENT_VIEW, List.of(residents), "stripe " + stripe))).get(60, TimeUnit.SECONDS);
        List<Long> ids = jdbc.queryForList("select id from audit_event where id > ? and detail = ? order by id",
            Long.class, before, "stripe " + stripe);
        assertThat(ids).hasSize(residents.length);
        return ids;
      } finally {
        other.rollback();
      }
    } catch (SQLException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      writer.shutdown();
    }
  }

  private void assertBrokenAt(long id, String reason, String tamper, String undo) {
    assertBrokenAt(id, reason, () -> administrator.bypassingTriggers(tamper),
        () -> administrator.bypassingTriggers(undo));
  }

  /**
   * The tampering is named at the given entry; undone, and the checkpoint folder as it was before (the verification
   * signed the tampered stripes' heads), the trail verifies again for the other tests.
   */
  private void assertBrokenAt(long id, String reason, Runnable tamper, Runnable undo) {
    assertIntact();
    byte[] checkpointsBefore = read(checkpoints.file());
    tamper.run();
    try {
      AuditVerification.Result result = verification.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBrokenId()).isEqualTo(id);
      assertThat(result.reason()).isEqualTo(reason);
    } finally {
      undo.run();
      write(checkpoints.file(), checkpointsBefore);
    }
    assertIntact();
  }

  private void assertIntact() {
    AuditVerification.Result result = verification.verify();
    assertThat(result.intact()).as(result.toString()).isTrue();
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void reinsert(Map<String, Object> row, long id) {
    administrator.bypassingTriggers("""
        insert into audit_event (id, occurred_at, username, operation, resident_id, client_address, detail,
                                 previous_hash, hash, keyed, stripe)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, row.get("occurred_at"), row.get("username"),
        row.get("operation"), row.get("resident_id"), row.get("client_address"), row.get("detail"),
        row.get("previous_hash"), row.get("hash"), row.get("keyed"), row.get("stripe"));
  }

  private long lastId() {
    return jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
  }
}
