package jp.lg.immunization.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
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

  @Test
  void R04_databaseRefusesUpdateAndDeleteOfAuditEvents() {
    trail.record(AuditOperation.RESIDENT_VIEW, 1L, null);
    long id = lastId();
    assertThatThrownBy(() -> jdbc.update("update audit_event set username = 'someone' where id = ?", id))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", id))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
  }

  @Test
  void R04_tamperingWithAStoredEntryIsDetectedAndTheEntryNamed() throws Exception {
    trail.record(AuditOperation.RESIDENT_VIEW, 2L, null);
    trail.record(AuditOperation.RESIDENT_VIEW, 3L, null);
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
    trail.record(AuditOperation.RESIDENT_VIEW, 4L, null);
    trail.record(AuditOperation.RESIDENT_VIEW, 5L, null);
    trail.record(AuditOperation.RESIDENT_VIEW, 6L, null);
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
                                   previous_hash, hash)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", copy.get("id"), copy.get("occurred_at"), copy.get("username"),
          copy.get("operation"), copy.get("resident_id"), copy.get("client_address"), copy.get("detail"),
          copy.get("previous_hash"), copy.get("hash"));
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

    // The last entry alone is removed: the chain that is left is intact, but the run before saw that entry.
    bypassingTrigger("delete from audit_event where id = " + last);
    try {
      assertThat(verification.verify().intact()).isTrue();
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
                                   previous_hash, hash)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", copy.get("id"), copy.get("occurred_at"), copy.get("username"),
          copy.get("operation"), copy.get("resident_id"), copy.get("client_address"), copy.get("detail"),
          copy.get("previous_hash"), copy.get("hash"));
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

  private long lastId() {
    return jdbc.queryForObject("select max(id) from audit_event", Long.class);
  }

  private void bypassingTrigger(String sql, Object... args) {
    transactions.executeWithoutResult(status -> {
      jdbc.execute("set local session_replication_role = replica");
      jdbc.update(sql, args);
    });
  }
}
