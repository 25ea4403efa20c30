package jp.lg.immunization.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.lg.immunization.platform.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operation log searched by user, resident, operation and period at once (R10), newest first. */
@Service
class AuditSearch {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  /** Every criterion is optional; {@code from} and {@code to} are days in Japan, both included. */
  record Criteria(String username, Long residentId, AuditOperation operation, LocalDate from, LocalDate to) {

    Criteria {
      username = username == null || username.isBlank() ? null : username.strip();
      if (from != null && to != null && from.isAfter(to)) {
        throw ApiException.invalid("期間が正しくありません", Map.of("to", "終了日は開始日以降の日付にしてください"));
      }
    }

    /** For the audit trail: ids and codes only, never a 宛名番号 or a name. */
    String describe() {
      return "user=" + Objects.toString(username, "*") + " operation=" + Objects.toString(operation, "*")
          + " resident=" + Objects.toString(residentId, "*") + " from=" + Objects.toString(from, "*")
          + " to=" + Objects.toString(to, "*");
    }
  }

  record Event(long id, Instant occurredAt, String username, String operation, Long residentId,
               String addresseeNumber, String clientAddress, String detail) {}

  record Page(List<Event> items, int page, int size, long total) {}

  private record Where(String sql, List<Object> args) {

    static Where of(Criteria criteria) {
      StringBuilder sql = new StringBuilder(" where true");
      List<Object> args = new ArrayList<>();
      if (criteria.username() != null) {
        sql.append(" and username = ?");
        args.add(criteria.username());
      }
      if (criteria.residentId() != null) {
        sql.append(" and resident_id = ?");
        args.add(criteria.residentId());
      }
      if (criteria.operation() != null) {
        sql.append(" and operation = ?");
        args.add(criteria.operation().name());
      }
      if (criteria.from() != null) {
        sql.append(" and occurred_at >= ?");
        args.add(Timestamp.from(criteria.from().atStartOfDay(JAPAN).toInstant()));
      }
      if (criteria.to() != null) {
        sql.append(" and occurred_at < ?");
        args.add(Timestamp.from(criteria.to().plusDays(1).atStartOfDay(JAPAN).toInstant()));
      }
      return new Where(sql.toString(), args);
    }

    Object[] with(Object... more) {
      List<Object> all = new ArrayList<>(args);
      all.addAll(List.of(more));
      return all.toArray();
    }
  }

  private final JdbcTemplate jdbc;
  private final AuditTrail trail;
  private final AuditedResidents residents;

  AuditSearch(JdbcTemplate jdbc, AuditTrail trail, AuditedResidents residents) {
    this.jdbc = jdbc;
    this.trail = trail;
    this.residents = residents;
  }

  /** One page for the screen; the search itself is audited with its hit count. */
  @Transactional
  Page find(Criteria criteria, int page, int size) {
    long total = count(criteria);
    List<Event> items = matching(criteria, size, (long) page * size);
    trail.record(AuditOperation.AUDIT_SEARCH, criteria.residentId(), criteria.describe() + " hits=" + total);
    return new Page(items, page, size, total);
  }

  long count(Criteria criteria) {
    Where where = Where.of(criteria);
    return jdbc.queryForObject("select count(*) from audit_event" + where.sql(), Long.class, where.with());
  }

  /** Unaudited: the caller records what it does with them. */
  List<Event> matching(Criteria criteria, int limit, long offset) {
    Where where = Where.of(criteria);
    List<Event> events = jdbc.query("""
        select id, occurred_at, username, operation, resident_id, client_address, detail
        from audit_event""" + where.sql() + " order by id desc limit ? offset ?",
        (rs, n) -> {
          long residentId = rs.getLong("resident_id");
          boolean noResident = rs.wasNull();
          return new Event(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
              rs.getString("operation"), noResident ? null : residentId, null, rs.getString("client_address"),
              rs.getString("detail"));
        }, where.with(limit, offset));
    Map<Long, String> numbers = residents.addresseeNumbers(
        events.stream().map(Event::residentId).filter(Objects::nonNull).distinct().toList());
    return events.stream().map(e -> e.residentId() == null ? e : new Event(e.id(), e.occurredAt(), e.username(),
        e.operation(), e.residentId(), numbers.get(e.residentId()), e.clientAddress(), e.detail())).toList();
  }
}
