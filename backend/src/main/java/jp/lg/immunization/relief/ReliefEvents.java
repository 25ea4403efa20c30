package jp.lg.immunization.relief;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The claim's timeline (R33): what happened, when and by whom. Append-only: the database refuses changes. */
@Component
class ReliefEvents {

  record Event(Instant occurredAt, String kind, String description, String actor) {}

  static final String SYSTEM = "system";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ReliefEvents(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void record(long claimId, String kind, String description, String actor) {
    jdbc.update("insert into relief_event (claim_id, occurred_at, kind, description, actor) values (?, ?, ?, ?, ?)",
        claimId, Timestamp.from(Instant.now(clock)), kind, truncate(description), actor);
  }

  List<Event> of(long claimId) {
    return jdbc.query("select occurred_at, kind, description, actor from relief_event where claim_id = ? order by occurred_at, id",
        (rs, n) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)),
        claimId);
  }

  private static String truncate(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
  }
}
