package jp.lg.immunization.disclosure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The request's timeline (R28): what happened, when and by whom. Append-only: the database refuses changes. */
@Component
class ResidentRequestEvents {

  record Event(Instant occurredAt, String kind, String description, String actor) {}

  static final String SYSTEM = "system";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ResidentRequestEvents(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void record(long requestId, String kind, String description, String actor) {
    jdbc.update("""
        insert into resident_request_event (request_id, occurred_at, kind, description, actor)
        values (?, ?, ?, ?, ?)""", requestId, Timestamp.from(Instant.now(clock)), kind,
        description.length() <= 1000 ? description : description.substring(0, 999) + "…", actor);
  }

  List<Event> of(long requestId) {
    return jdbc.query("""
        select occurred_at, kind, description, actor from resident_request_event where request_id = ?
        order by occurred_at, id""", (rs, n) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2),
        rs.getString(3), rs.getString(4)), requestId);
  }
}
