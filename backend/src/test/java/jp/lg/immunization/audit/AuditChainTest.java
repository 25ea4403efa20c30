package jp.lg.immunization.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.platform.DatabaseAdministrator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** R04: the audit trail is append-only and any change to a stored entry is detected and named. */
@IntegrationTest
class AuditChainTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired AuditTrail trail;
  @Autowired AuditVerification verification;
  @Autowired AuditVerificationRuns runs;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired AuditCheckpoints checkpoints;
  @Autowired DatabaseAdministrator administrator;
  @Autowired AuditChain chain;

  @Test
  void R04_databaseRefusesUpdateAndDeleteOfAuditEvents() {
    trail.record(AuditOperation.RESIDENT_VIEW, 1L, null);
    long id = lastId();
    // The app's own role may not even try (DatabaseRolesTest); the table's owner is stopped by the trigger.
    JdbcTemplate owner = administrator.owner();
    assertThatThrownBy(() -> owner.update("update audit_event set username = 'someone' where id = ?", id))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> owner.update("delete from audit_event where id = ?", id))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
  }

  @Test
  void R04_tamperingWithAStoredEntryIsDetectedAndTheEntryNamed() throws Exception {
    // One transaction: the entry edited is not its stripe's last, which the verification's checkpoint would sign.
    trail.recordEach(AuditOperation.RESIDENT_VIEW, java.util.List.of(2L, 3L), null);
    long tampered = lastId() - 1;
    assertThat(verification.verify().intact()).isTrue();

    // Someone with database superuser rights bypasses the trigger and edits an entry.
    bypassingTrigger("update audit_event set resident_id = 999 where id = " + tampered);
    try {
      mvc.perform(get("/api/audit/verify").with(users.as("auditor1")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.intact").value(false))
          .andExpect(jsonPath("$.firstBrokenId").value(tampered));
    } finally {
      bypassingTrigger("update audit_event set resident_id = 2 where id = " + tampered);
    }
    assertThat(verification.verify().intact()).isTrue();
  }

  @Test
  void R04_deletingAnEntryInTheMiddleIsDetected() {
    // One transaction: its entries follow each other in one stripe.
    trail.recordEach(AuditOperation.RESIDENT_VIEW, java.util.List.of(4L, 5L, 6L), null);
    long deleted = lastId() - 1;
    var copy = jdbc.queryForMap("select * from audit_event where id = ?", deleted);
    bypassingTrigger("delete from audit_event where id = " + deleted);
    try {
      AuditVerification.Result result = verification.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBrokenId()).isEqualTo(deleted + 1);
    } finally {
      bypassingTrigger("""
          insert into audit_event (id, occurred_at, username, operation, resident_id, client_address, detail,
                                   previous_hash, hash, keyed, stripe)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", copy.get("id"), copy.get("occurred_at"), copy.get("username"),
          copy.get("operation"), copy.get("resident_id"), copy.get("client_address"), copy.get("detail"),
          copy.get("previous_hash"), copy.get("hash"), copy.get("keyed"), copy.get("stripe"));
    }
    assertThat(verification.verify().intact()).isTrue();
  }

  @Test
  void R04_cuttingOffTheTailIsDetectedByTheNextVerification() throws Exception {
    trail.record(AuditOperation.RESIDENT_VIEW, 7L, null);
    trail.record(AuditOperation.RESIDENT_VIEW, 8L, null);
    assertThat(runs.run(AuditVerificationRuns.Trigger.ON_DEMAND).intact()).isTrue();
    long last = lastId();
    var copy = jdbc.queryForMap("select * from audit_event where id = ?", last);

    // The last entry alone is removed: the chain that is left is intact, but the checkpoint outside the database and
    // the run before saw that entry.
    bypassingTrigger("delete from audit_event where id = " + last);
    try {
      AuditVerification.Result result = verification.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBrokenId()).isEqualTo(last);
      assertThat(result.reason()).isEqualTo(AuditVerification.CHECKPOINT_MISSING);
      AuditVerificationRuns.Run run = runs.run(AuditVerificationRuns.Trigger.NIGHTLY);
      assertThat(run.intact()).isFalse();
      assertThat(run.firstBrokenId()).isEqualTo(last);
      assertThat(run.reason()).contains("末尾");
      mvc.perform(get("/api/audit/verification/latest").with(users.as("auditor1"))).andExpect(status().isOk())
          .andExpect(jsonPath("$.intact").value(false)).andExpect(jsonPath("$.trigger").value("NIGHTLY"))
          .andExpect(jsonPath("$.firstBrokenId").value(last));
    } finally {
      bypassingTrigger("""
          insert into audit_event (id, occurred_at, username, operation, resident_id, client_address, detail,
                                   previous_hash, hash, keyed, stripe)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", copy.get("id"), copy.get("occurred_at"), copy.get("username"),
          copy.get("operation"), copy.get("resident_id"), copy.get("client_address"), copy.get("detail"),
          copy.get("previous_hash"), copy.get("hash"), copy.get("keyed"), copy.get("stripe"));
    }
    assertThat(runs.run(AuditVerificationRuns.Trigger.ON_DEMAND).intact()).isTrue();
  }

  @Test
  void R04_theNightlyVerificationIsKeptAndShownToAuditorsOnly() throws Exception {
    runs.nightly();
    mvc.perform(get("/api/audit/verification/latest").with(users.as("auditor1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.trigger").value("NIGHTLY")).andExpect(jsonPath("$.intact").value(true));
    mvc.perform(get("/api/audit/verification/latest").with(users.as("staff1"))).andExpect(status().isForbidden());
  }

  @Test
  void R04_concurrentWritersKeepTheChainIntact() throws Exception {
    long before = jdbc.queryForObject("select count(*) from audit_event", Long.class);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var writers = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int writer = 0; writer < 4; writer++) {
        long residentId = 100L + writer;
        writers.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            transactions.executeWithoutResult(status -> trail.record(AuditOperation.RESIDENT_VIEW, residentId, null));
          }
        }));
      }
      for (var writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(before + 100);
    assertThat(verification.verify().intact()).isTrue();
  }

  /**
   * Whoever can write the tables (the database administrator) changes an entry and recomputes every later link: without
   * the MAC key they cannot make the links agree, keyed or declared unkeyed (issue 15).
   */
  @Test
  void R04_anEntryChangedAndItsLaterLinksRecomputedWithoutTheKeyIsDetected() throws Exception {
    trail.recordEach(AuditOperation.RESIDENT_VIEW, java.util.List.of(11L, 12L, 13L), null);
    long middle = lastId() - 1;
    var originals = stripeFrom(middle);
    byte[] checkpointsBefore = Files.readAllBytes(checkpoints.file());
    try {
      rewriteFrom(middle, false);
      AuditVerification.Result keyed = verification.verify();
      assertThat(keyed.intact()).isFalse();
      assertThat(keyed.firstBrokenId()).isEqualTo(middle);
      assertThat(keyed.reason()).isEqualTo(AuditVerification.CONTENT_CHANGED);

      rewriteFrom(middle, true);
      AuditVerification.Result unkeyed = verification.verify();
      assertThat(unkeyed.firstBrokenId()).isEqualTo(middle);
      assertThat(unkeyed.reason()).isEqualTo(AuditVerification.UNKEYED_AFTER_KEYED);
    } finally {
      for (var row : originals) {
        bypassingTrigger("update audit_event set resident_id = ?, previous_hash = ?, hash = ?, keyed = ? where id = ?",
            row.get("resident_id"), row.get("previous_hash"), row.get("hash"), row.get("keyed"), row.get("id"));
      }
      // The verifications above signed the rewritten last entry; the checkpoint folder is as it was before the attack.
      Files.write(checkpoints.file(), checkpointsBefore);
    }
    assertThat(verification.verify().intact()).isTrue();
  }

  /** A checkpoint outside the database whose signature does not hold names the checkpoints as tampered. */
  @Test
  void R04_aCheckpointWithoutAValidSignatureIsReported() throws Exception {
    trail.record(AuditOperation.RESIDENT_VIEW, 14L, null);
    assertThat(verification.verify().checkpoints()).isPositive();
    byte[] before = Files.readAllBytes(checkpoints.file());
    String last = Files.readAllLines(checkpoints.file()).get(Files.readAllLines(checkpoints.file()).size() - 1);
    String forged = last.replaceFirst(":(\\d+):", ":" + (lastId() + 1000) + ":");
    Files.writeString(checkpoints.file(), forged + "\n", StandardOpenOption.APPEND);
    try {
      AuditVerification.Result result = verification.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.reason()).isEqualTo(AuditVerification.CHECKPOINT_FORGED);
    } finally {
      Files.write(checkpoints.file(), before);
    }
    assertThat(verification.verify().intact()).isTrue();
  }

  /**
   * The chain's lock is taken only as a transaction commits: a long transaction that has already written its audit
   * event (e.g. while rendering 2,000 予診票) holds up nobody else's audit work (issue 15).
   */
  @Test
  void R04_aLongTransactionDoesNotHoldTheChainsLockWhileItWorks() throws Exception {
    var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      transactions.executeWithoutResult(status -> {
        trail.record(AuditOperation.RESIDENT_VIEW, 15L, "long transaction");
        var other = pool.submit(() -> transactions.executeWithoutResult(
            inner -> trail.record(AuditOperation.RESIDENT_VIEW, 16L, "meanwhile")));
        try {
          other.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError("another transaction's audit event waited for this one", e);
        }
      });
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.queryForList("select detail from audit_event order by id desc limit 2", String.class))
        .containsExactly("long transaction", "meanwhile");
    assertThat(verification.verify().intact()).isTrue();
  }

  /**
   * R04: even whoever holds the MAC key (the application server's administrator) and rewrites an entry and every later
   * link with it is caught by a signed checkpoint outside the database that saw the chain before.
   */
  @Test
  void R04_anEntryRewrittenWithTheKeyIsCaughtByTheCheckpointThatSawItBefore() throws Exception {
    trail.recordEach(AuditOperation.RESIDENT_VIEW, java.util.List.of(21L, 22L), null);
    assertThat(verification.verify().intact()).isTrue();
    long anchored = lastId();
    trail.record(AuditOperation.RESIDENT_VIEW, 23L, null);
    byte[] checkpointsBefore = Files.readAllBytes(checkpoints.file());
    var originals = stripeFrom(anchored - 1);
    try {
      String previous = (String) originals.get(0).get("previous_hash");
      for (var row : originals) {
        long id = ((Number) row.get("id")).longValue();
        Long resident = id == anchored - 1 ? 999L : (Long) row.get("resident_id");
        AuditEntry entry = new AuditEntry(id, ((java.sql.Timestamp) row.get("occurred_at")).toInstant(),
            (String) row.get("username"), (String) row.get("operation"), resident, (String) row.get("client_address"),
            (String) row.get("detail"), previous);
        previous = chain.mac(entry);
        bypassingTrigger("update audit_event set resident_id = ?, previous_hash = ?, hash = ? where id = ?",
            resident, entry.previousHash(), previous, id);
      }
      AuditVerification.Result result = verification.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBrokenId()).isEqualTo(anchored);
      assertThat(result.reason()).isEqualTo(AuditVerification.CHECKPOINT_DIFFERS);
    } finally {
      for (var row : originals) {
        bypassingTrigger("update audit_event set resident_id = ?, previous_hash = ?, hash = ? where id = ?",
            row.get("resident_id"), row.get("previous_hash"), row.get("hash"), row.get("id"));
      }
      // The verification above signed the rewritten last entry; the checkpoint folder is as it was before the attack.
      Files.write(checkpoints.file(), checkpointsBefore);
    }
    assertThat(verification.verify().intact()).isTrue();
  }

  /**
   * An entry's content is changed and every later link of its stripe recomputed as plain SHA-256, the only hash without
   * the key.
   */
  private void rewriteFrom(long id, boolean declareUnkeyed) {
    String previous = jdbc.queryForObject("select previous_hash from audit_event where id = ?", String.class, id);
    for (var row : stripeFrom(id)) {
      Long resident = ((Number) row.get("id")).longValue() == id ? 999L : (Long) row.get("resident_id");
      AuditEntry entry = new AuditEntry(((Number) row.get("id")).longValue(),
          ((java.sql.Timestamp) row.get("occurred_at")).toInstant(), (String) row.get("username"),
          (String) row.get("operation"), resident, (String) row.get("client_address"), (String) row.get("detail"),
          previous);
      previous = AuditChain.legacyHash(entry);
      bypassingTrigger("update audit_event set resident_id = ?, previous_hash = ?, hash = ?, keyed = ? where id = ?",
          resident, entry.previousHash(), previous, !declareUnkeyed, entry.id());
    }
  }

  /** The entry and those after it in its stripe, in order. */
  private java.util.List<java.util.Map<String, Object>> stripeFrom(long id) {
    return jdbc.queryForList("""
        select * from audit_event where id >= ? and stripe = (select stripe from audit_event where id = ?)
        order by id""", id, id);
  }

  private long lastId() {
    return jdbc.queryForObject("select max(id) from audit_event", Long.class);
  }

  private void bypassingTrigger(String sql, Object... args) {
    administrator.bypassingTriggers(sql, args);
  }
}
