package jp.lg.immunization.resident;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Residents by plain criteria (birth-date range, district, sex, status), in bulk and in a stable order, for
 * cohort work such as outreach. What it returns never holds 個人番号. Callers that show or hand out the rows write
 * the audit events for that access.
 */
@Service
public class ResidentCohorts {

  /** The residents' statuses by name, as {@link Filter#statuses()} takes them. */
  public static final Set<String> STATUSES =
      Set.copyOf(Arrays.stream(ResidentStatus.values()).map(Enum::name).toList());

  /**
   * Every field may be empty (no filter on it).
   *
   * @param bornFrom earliest birth date, inclusive
   * @param bornUntil latest birth date, inclusive
   * @param districts 地区 as {@link #districts()} names them
   * @param sex {@code MALE} or {@code FEMALE}
   * @param statuses names of {@link #STATUSES}
   */
  public record Filter(LocalDate bornFrom, LocalDate bornUntil, Set<String> districts, String sex,
                       Set<String> statuses) {

    public Filter {
      districts = districts == null ? Set.of() : Set.copyOf(districts);
      statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
      if (!STATUSES.containsAll(statuses)) {
        throw new IllegalArgumentException("unknown resident status in " + statuses);
      }
      if (sex != null && !"MALE".equals(sex) && !"FEMALE".equals(sex)) {
        throw new IllegalArgumentException("sex must be MALE or FEMALE: " + sex);
      }
    }
  }

  /**
   * A resident as a cohort list shows them: identity, address block and district; no 個人番号.
   *
   * @param district the 地区 (町名) derived from the address, null when it has none
   * @param status name of the resident's status, e.g. REGISTERED, NON_RESIDENT
   */
  public record Member(long id, String addresseeNumber, String nameKanji, String nameKana, LocalDate birthDate,
                       Sex sex, String postalCode, String address, String district, String status) {}

  private static final String COLUMNS = """
      id, addressee_number, family_name_kanji, given_name_kanji, family_name_kana, given_name_kana, birth_date, sex,
      postal_code, address, district, status""";

  private final JdbcTemplate jdbc;

  ResidentCohorts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long count(Filter filter) {
    Query query = where(filter);
    return jdbc.queryForObject("select count(*) from resident" + query.sql(), Long.class, query.args().toArray());
  }

  /** Members in kana order (then id), from {@code offset}, at most {@code limit}. */
  public List<Member> list(Filter filter, long offset, int limit) {
    Query query = where(filter);
    List<Object> args = new ArrayList<>(query.args());
    args.add(limit);
    args.add(offset);
    return jdbc.query("select " + COLUMNS + " from resident" + query.sql()
            + " order by family_name_kana, given_name_kana, id limit ? offset ?",
        (rs, n) -> member(rs), args.toArray());
  }

  /** The districts that registered residents live in, sorted by code point (not 五十音 order for kanji). */
  public List<String> districts() {
    return jdbc.queryForList("""
        select distinct district from resident where district is not null and status = 'REGISTERED'
        order by district""", String.class);
  }

  /**
   * The ids of the residents who moved out or died before {@code day}, in order: the day the register recorded it ends
   * the use of their records, which retention periods count from.
   */
  public List<Long> leftBefore(LocalDate day) {
    return jdbc.queryForList("""
        select id from resident where status in ('MOVED_OUT', 'DECEASED') and status_since < ? order by id""",
        Long.class, Date.valueOf(day));
  }

  private record Query(String sql, List<Object> args) {}

  private static Query where(Filter filter) {
    List<String> conditions = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (filter.bornFrom() != null) {
      conditions.add("birth_date >= ?");
      args.add(filter.bornFrom());
    }
    if (filter.bornUntil() != null) {
      conditions.add("birth_date <= ?");
      args.add(filter.bornUntil());
    }
    if (!filter.districts().isEmpty()) {
      conditions.add("district = any(?)");
      args.add(filter.districts().stream().sorted().toArray(String[]::new));
    }
    if (filter.sex() != null) {
      conditions.add("sex = ?");
      args.add(filter.sex());
    }
    if (!filter.statuses().isEmpty()) {
      conditions.add("status = any(?)");
      args.add(filter.statuses().stream().sorted().toArray(String[]::new));
    }
    return new Query(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), args);
  }

  private static Member member(ResultSet rs) throws SQLException {
    PersonName name = new PersonName(rs.getString("family_name_kanji"), rs.getString("given_name_kanji"),
        rs.getString("family_name_kana"), rs.getString("given_name_kana"));
    return new Member(rs.getLong("id"), rs.getString("addressee_number"), name.fullKanji(), name.fullKana(),
        rs.getDate("birth_date").toLocalDate(), Sex.valueOf(rs.getString("sex")), rs.getString("postal_code"),
        rs.getString("address"), rs.getString("district"), rs.getString("status"));
  }
}
