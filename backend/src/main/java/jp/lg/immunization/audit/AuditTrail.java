package jp.lg.immunization.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events (R04). An event is written in the caller's transaction, so that an access and
 * its record stand or fall together; a refusal is written in a transaction of its own, because the
 * refused operation rolls back.
 * Details must name what happened, never personal data: ids, codes and counts only.
 */
@Service
public class AuditTrail {

  /** Serialises writers so that each entry links to the one committed before it. */
  private static final long CHAIN_LOCK = 0x61756469745f6368L;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  AuditTrail(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public void record(AuditOperation operation, Long residentId, String detail) {
    append(currentUser(), operation, residentId, detail);
  }

  /** One event per resident, e.g. for every row of a search hit list. */
  @Transactional(propagation = Propagation.REQUIRED)
  public void recordEach(AuditOperation operation, Collection<Long> residentIds, String detail) {
    String user = currentUser();
    residentIds.forEach(id -> append(user, operation, id, detail));
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordRefusal(AuditOperation operation, Long residentId, String detail) {
    append(currentUser(), operation, residentId, detail);
  }

  /** For events without a signed-in user in the security context, such as a failed login. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordFor(String username, AuditOperation operation, String detail) {
    append(username, operation, null, detail);
  }

  private void append(String username, AuditOperation operation, Long residentId, String detail) {
    jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, CHAIN_LOCK);
    String previousHash = jdbc.query("select hash from audit_event order by id desc limit 1",
        rs -> rs.next() ? rs.getString(1) : AuditChain.GENESIS);
    long id = jdbc.queryForObject("select nextval('audit_event_id_seq')", Long.class);
    AuditEntry entry = new AuditEntry(id, Instant.now(clock).truncatedTo(ChronoUnit.MICROS), username,
        operation.name(), residentId, clientAddress(), detail, previousHash);
    jdbc.update("""
        insert into audit_event (id, occurred_at, username, operation, resident_id, client_address, detail,
                                 previous_hash, hash)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        entry.id(), java.sql.Timestamp.from(entry.occurredAt()), entry.username(), entry.operation(),
        entry.residentId(), entry.clientAddress(), entry.detail(), entry.previousHash(), AuditChain.hash(entry));
  }

  private static String currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "system" : authentication.getName();
  }

  private static String clientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
