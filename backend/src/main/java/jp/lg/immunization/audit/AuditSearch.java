package jp.lg.immunization.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AuditSearch {

  /** From and to are days in Japan, both included. */
  record Criteria(String username, Long residentId, AuditOperation operation, LocalDate from, LocalDate to) {}

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  record Event(long id, Instant occurredAt, String username, String operation, Long residentId,
               String clientAddress, String detail) {}

  record Page(List<Event> items, int page, int size, long total) {}

  private final JdbcTemplate jdbc;
  private final AuditTrail trail;

  AuditSearch(JdbcTemplate jdbc, AuditTrail trail) {
    this.jdbc = jdbc;
    this.trail = trail;
  }

  @Transactional
  Page find(Criteria criteria, int page, int size) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> args = new ArrayList<>();
    if (criteria.username() != null && !criteria.username().isBlank()) {
      where.append(" and username = ?");
      args.add(criteria.username());
    }
    if (criteria.residentId() != null) {
      where.append(" and resident_id = ?");
      args.add(criteria.residentId());
    }
    if (criteria.operation() != null) {
      where.append(" and operation = ?");
      args.add(criteria.operation().name());
    }
    if (criteria.from() != null) {
      where.append(" and occurred_at >= ?");
      args.add(Timestamp.from(criteria.from().atStartOfDay(JAPAN).toInstant()));
    }
    if (criteria.to() != null) {
      where.append(" and occurred_at < ?");
      args.add(Timestamp.from(criteria.to().plusDays(1).atStartOfDay(JAPAN).toInstant()));
    }
    long total = jdbc.queryForObject("select count(*) from audit_event" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    List<Event> items = jdbc.query("""
        select id, occurred_at, username, operation, resident_id, client_address, detail
        from audit_event""" + where + " order by id desc limit ? offset ?",
        (rs, n) -> {
          long residentId = rs.getLong("resident_id");
          boolean noResident = rs.wasNull();
          return new Event(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
              rs.getString("operation"), noResident ? null : residentId, rs.getString("client_address"),
              rs.getString("detail"));
        }, pageArgs.toArray());
    trail.record(AuditOperation.AUDIT_SEARCH, criteria.residentId(), "hits=" + total);
    return new Page(items, page, size, total);
  }
}
