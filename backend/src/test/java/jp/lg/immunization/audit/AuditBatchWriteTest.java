package jp.lg.immunization.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import jp.lg.immunization.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R04: a transaction that records more events than one write batch (a first load of the resident register records
 * one per resident) still writes one unbroken chain, in the order the events were recorded.
 */
@IntegrationTest
class AuditBatchWriteTest {

  @Autowired AuditTrail trail;
  @Autowired AuditVerification verification;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void R04_eventsBeyondOneWriteBatchAreChainedInTheOrderRecorded() {
    int count = 2 * AuditTrail.WRITE_BATCH + 7;
    long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
    List<Long> residents = LongStream.rangeClosed(1, count).map(n -> 900_000 + n).boxed().toList();
    transactions.executeWithoutResult(status ->
        trail.recordEach(AuditOperation.RESIDENT_VIEW, residents, "batch write test"));

    List<Map<String, Object>> written = jdbc.queryForList("""
        select id, resident_id, previous_hash, hash from audit_event where id > ? and detail = 'batch write test'
        order by id""", before);
    assertThat(written).hasSize(count);
    assertThat(written).extracting(row -> ((Number) row.get("resident_id")).longValue()).containsExactlyElementsOf(
        residents);
    for (int i = 1; i < count; i++) {
      assertThat(written.get(i).get("previous_hash")).isEqualTo(written.get(i - 1).get("hash"));
    }
    assertThat(verification.verify().intact()).isTrue();
  }
}
