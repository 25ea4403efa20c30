package jp.lg.immunization.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case's timeline: what happened, when and by whom, in the owning module's append-only table (the database refuses
 * changes) with the columns {@code occurred_at, kind, description, actor} and the case's id column.
 */
public class CaseTimeline {

  public record Event(Instant occurredAt, String kind, String description, String actor) {}

  /** The actor of what no person did: a step reached, a job's work. */
  public static final String SYSTEM = "system";

  private static final int MAX_DESCRIPTION = 1000;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String insert;
  private final String select;

  protected CaseTimeline(JdbcTemplate jdbc, Clock clock, String table, String caseColumn) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.insert = "insert into " + table + " (" + caseColumn + ", occurred_at, kind, description, actor)"
        + " values (?, ?, ?, ?, ?)";
    this.select = "select occurred_at, kind, description, actor from " + table + " where " + caseColumn
        + " = ? order by occurred_at, id";
  }

  public void record(long caseId, String kind, String description, String actor) {
    jdbc.update(insert, caseId, Timestamp.from(Instant.now(clock)), kind, truncate(description), actor);
  }

  public List<Event> of(long caseId) {
    return jdbc.query(select,
        (rs, n) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)), caseId);
  }

  private static String truncate(String text) {
    return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
  }
}
