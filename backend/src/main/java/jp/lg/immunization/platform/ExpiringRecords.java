package jp.lg.immunization.platform;

import java.sql.Date;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The usual retention rule (R27), configured by the owning module: rows of one table (with an {@code id}) whose date
 * is older than the period, optionally only in some states, never of a kept resident; the rows of dependent tables
 * that refer to them go first. Subclasses give the configuration and may act just before the deletion.
 */
public abstract class ExpiringRecords implements RetentionRule {

  /**
   * @param expiry     the SQL condition on {@code t} with one parameter, the cutoff, e.g. {@code t.created_at < ?}
   * @param cutoff     the cutoff as of a day: {@link #olderThan} for timestamps, {@link #daysOlderThan} for dates
   * @param condition  more SQL on {@code t}, e.g. only ended cases; null for none
   * @param resident   the column naming the resident (kept residents' rows stay; null rows go); null if none
   * @param dependents {@code table.column} of the rows that refer to a deleted id, deleted first
   */
  public record Spec(String kind, String table, String expiry, Function<LocalDate, Object> cutoff,
                        String condition, String resident, List<String> dependents) {

    public Spec {
      dependents = List.copyOf(dependents);
    }
  }

  private final JdbcTemplate jdbc;
  private final Spec spec;

  protected ExpiringRecords(JdbcTemplate jdbc, Spec spec) {
    this.jdbc = jdbc;
    this.spec = spec;
  }

  /** A timestamp column older than {@code keep} (days start in Japan). */
  protected static Function<LocalDate, Object> olderThan(Period keep) {
    return today -> RetentionRule.cutoff(today, keep);
  }

  /** A date column older than {@code keep}. */
  protected static Function<LocalDate, Object> daysOlderThan(Period keep) {
    return today -> Date.valueOf(today.minus(keep));
  }

  @Override
  public String kind() {
    return spec.kind();
  }

  @Override
  public Deleted deleteExpired(LocalDate today, KeptResidents kept) {
    List<Object> parameters = new ArrayList<>(List.of(spec.cutoff().apply(today)));
    StringBuilder sql = new StringBuilder("select t.id from ").append(spec.table()).append(" t where ")
        .append(spec.expiry());
    if (spec.condition() != null) {
      sql.append(" and (").append(spec.condition()).append(")");
    }
    if (spec.resident() != null) {
      sql.append(" and (t.").append(spec.resident()).append(" is null or not t.").append(spec.resident())
          .append(" = any (?))");
      parameters.add(kept.ids());
    }
    List<Long> past = jdbc.queryForList(sql.append(" order by t.id for update").toString(), Long.class,
        parameters.toArray());
    Set<Long> needed = past.isEmpty() ? Set.of() : Set.copyOf(stillNeeded(past));
    List<Long> ids = past.stream().filter(id -> !needed.contains(id)).toList();
    if (ids.isEmpty()) {
      return Deleted.of(ids);
    }
    Long[] expired = ids.toArray(Long[]::new);
    beforeDelete(expired);
    for (String dependent : spec.dependents()) {
      String[] tableAndColumn = dependent.split("\\.");
      jdbc.update("delete from " + tableAndColumn[0] + " where " + tableAndColumn[1] + " = any (?)", (Object) expired);
    }
    return new Deleted(jdbc.update("delete from " + spec.table() + " where id = any (?)", (Object) expired), ids);
  }

  /** Which of the rows past their period another module's records still name, so that they stay. */
  protected Collection<Long> stillNeeded(List<Long> past) {
    return List.of();
  }

  /** Called in the deleting transaction, after the rows are chosen and locked. */
  protected void beforeDelete(Long[] ids) {}
}
