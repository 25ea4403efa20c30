package jp.lg.immunization.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit events as if they had happened at a given time in Japan, through a trail with its own fixed clock:
 * each event is chained like any other, so the chain stays intact for the other tests.
 */
final class PastEvents {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final AuditChain chain;

  PastEvents(JdbcTemplate jdbc, TransactionTemplate transactions, AuditChain chain) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.chain = chain;
  }

  /** @param japanTime e.g. {@code 2026-11-20T07:59} */
  void at(String japanTime, String username, AuditOperation operation, Long residentId) {
    times(1, japanTime, username, operation, residentId);
  }

  void times(int count, String japanTime, String username, AuditOperation operation, Long residentId) {
    AuditTrail trail = new AuditTrail(jdbc, Clock.fixed(LocalDateTime.parse(japanTime).atZone(JAPAN).toInstant(), JAPAN),
        chain, AuditTrail.DEFAULT_STRIPES);
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(username, null));
    try {
      transactions.executeWithoutResult(status -> {
        for (int i = 0; i < count; i++) {
          trail.record(operation, residentId, null);
        }
      });
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** A name no other test uses. */
  static String user(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }
}
