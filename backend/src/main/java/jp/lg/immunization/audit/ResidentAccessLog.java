package jp.lg.immunization.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who looked at or changed one resident's data, newest first, for the auditor (R10). Reading it is itself an
 * audited search, so the auditor's own access stays visible too.
 */
@Service
public class ResidentAccessLog {

  public record Access(long id, Instant occurredAt, String username, String operation, String detail) {}

  /** At most this many accesses, the newest, are listed. */
  public static final int LIMIT = 500;

  private final JdbcTemplate jdbc;
  private final AuditTrail trail;

  ResidentAccessLog(JdbcTemplate jdbc, AuditTrail trail) {
    this.jdbc = jdbc;
    this.trail = trail;
  }

  @Transactional
  public List<Access> of(long residentId) {
    List<Access> accesses = jdbc.query("""
        select id, occurred_at, username, operation, detail from audit_event
        where resident_id = ? order by occurred_at desc, id desc limit ?""", (rs, n) -> new Access(rs.getLong(1),
        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5)), residentId, LIMIT);
    trail.record(AuditOperation.AUDIT_SEARCH, residentId, "resident access log, hits=" + accesses.size());
    return accesses;
  }
}
