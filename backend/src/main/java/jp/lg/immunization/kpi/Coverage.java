package jp.lg.immunization.kpi;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ResidentFacts;
import jp.lg.immunization.vaccination.DoseFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage (接種率) as the national report counts it: per vaccine and dose (接種区分), the share of the dose's target
 * population of a fiscal year (the residents of the ages or school years the schedule sets for it, girls only for
 * HPV) who have that dose recorded by the end of the year. The whole city first; districts on demand, with cells of
 * fewer than {@code immunization.kpi.coverage-min-cell} residents suppressed so that no one's vaccination can be told.
 */
@Service
class Coverage {

  /** Who a dose is meant for in fiscal year Y: a birth 年度, or a span of school years (年長 = 0, 小1 = 1, 高1 = 10). */
  sealed interface Population {
    LocalDate bornFrom(int fiscalYear);

    LocalDate bornTo(int fiscalYear);

    String label();
  }

  /** Born in 年度 Y - {@code yearsBefore} (April 1 to March 31). */
  record BornInYear(int yearsBefore, String label) implements Population {
    public LocalDate bornFrom(int fiscalYear) {
      return LocalDate.of(fiscalYear - yearsBefore, 4, 1);
    }

    public LocalDate bornTo(int fiscalYear) {
      return LocalDate.of(fiscalYear - yearsBefore + 1, 3, 31);
    }
  }

  /**
   * In the school years {@code from} to {@code to} during 年度 Y. A school year runs from April 2 to April 1 of births
   * (one reaches an age the day before the birthday), and 年長 of 年度 Y are those entering school in April Y+1.
   */
  record SchoolYears(int from, int to, String label) implements Population {
    public LocalDate bornFrom(int fiscalYear) {
      return LocalDate.of(fiscalYear - 6 - to, 4, 2);
    }

    public LocalDate bornTo(int fiscalYear) {
      return LocalDate.of(fiscalYear - 5 - from, 4, 1);
    }
  }

  /**
   * A line of the report: the vaccine's code (as the vaccination module names it), its name, the dose as shown, the
   * 接種区分 that record it (several spellings), the target population and, for HPV, the sex.
   */
  record Target(String code, String vaccine, String vaccineName, String dose, List<String> categories,
                Population population, String sex) {}

  private static final Population INFANTS = new BornInYear(1, "前年度生まれ（1歳になる年度）");
  private static final Population TODDLERS = new BornInYear(2, "2年度前生まれ（2歳になる年度）");

  /** The routine children's doses in the order of the schedule. */
  static final List<Target> TARGETS = List.of(
      new Target("BCG", "BCG", "BCG", "1回", List.of("1回", "1回目"), INFANTS, null),
      doseOf("HEPB1", "HEPATITIS_B", "B型肝炎", "1回目", INFANTS),
      doseOf("HEPB2", "HEPATITIS_B", "B型肝炎", "2回目", INFANTS),
      doseOf("HEPB3", "HEPATITIS_B", "B型肝炎", "3回目", INFANTS),
      doseOf("ROTA1", "ROTAVIRUS", "ロタウイルス", "1回目", INFANTS),
      doseOf("ROTA2", "ROTAVIRUS", "ロタウイルス", "2回目", INFANTS),
      doseOf("PENTA1", "PENTAVALENT", "五種混合（四種混合）", "1期初回1回目", INFANTS),
      doseOf("PENTA2", "PENTAVALENT", "五種混合（四種混合）", "1期初回2回目", INFANTS),
      doseOf("PENTA3", "PENTAVALENT", "五種混合（四種混合）", "1期初回3回目", INFANTS),
      doseOf("PENTA4", "PENTAVALENT", "五種混合（四種混合）", "1期追加", TODDLERS),
      doseOf("PCV1", "PNEUMOCOCCAL_CHILD", "小児肺炎球菌", "初回1回目", INFANTS),
      doseOf("PCV2", "PNEUMOCOCCAL_CHILD", "小児肺炎球菌", "初回2回目", INFANTS),
      doseOf("PCV3", "PNEUMOCOCCAL_CHILD", "小児肺炎球菌", "初回3回目", INFANTS),
      doseOf("PCV4", "PNEUMOCOCCAL_CHILD", "小児肺炎球菌", "追加", TODDLERS),
      doseOf("MR1", "MR", "MR（麻しん風しん）", "1期", INFANTS),
      doseOf("MR2", "MR", "MR（麻しん風しん）", "2期", new SchoolYears(0, 0, "年長（小学校入学前の1年間）")),
      doseOf("VAR1", "VARICELLA", "水痘", "1回目", INFANTS),
      doseOf("VAR2", "VARICELLA", "水痘", "2回目", TODDLERS),
      doseOf("JE1", "JAPANESE_ENCEPHALITIS", "日本脳炎", "1期初回1回目", new BornInYear(3, "3年度前生まれ（3歳になる年度）")),
      doseOf("JE2", "JAPANESE_ENCEPHALITIS", "日本脳炎", "1期初回2回目", new BornInYear(3, "3年度前生まれ（3歳になる年度）")),
      doseOf("JE3", "JAPANESE_ENCEPHALITIS", "日本脳炎", "1期追加", new BornInYear(4, "4年度前生まれ（4歳になる年度）")),
      doseOf("JE4", "JAPANESE_ENCEPHALITIS", "日本脳炎", "2期", new SchoolYears(4, 4, "小学4年生")),
      doseOf("DT2", "DT", "二種混合（DT）", "2期", new SchoolYears(6, 6, "小学6年生")),
      new Target("HPV1", "HPV", "HPV（ヒトパピローマウイルス）", "1回目", List.of("1回目"),
          new SchoolYears(6, 10, "小学6年〜高校1年の女子"), "FEMALE"),
      new Target("HPV2", "HPV", "HPV（ヒトパピローマウイルス）", "2回目", List.of("2回目"),
          new SchoolYears(6, 10, "小学6年〜高校1年の女子"), "FEMALE"),
      new Target("HPV3", "HPV", "HPV（ヒトパピローマウイルス）", "3回目", List.of("3回目"),
          new SchoolYears(6, 10, "小学6年〜高校1年の女子"), "FEMALE"));

  private static Target doseOf(String code, String vaccine, String vaccineName, String dose, Population population) {
    return new Target(code, vaccine, vaccineName, dose, List.of(dose), population, null);
  }

  /** A line of the report; the counts and rate are null when the cell is suppressed. */
  record Row(String target, String vaccine, String dose, String population, String district, int fiscalYear,
             LocalDate bornFrom, LocalDate bornTo, LocalDate asOf, boolean suppressed, Long targetPopulation,
             Long vaccinated, Double rate) {}

  /** The district of the city's line. */
  static final String ALL_DISTRICTS = "全地区";

  private final JdbcTemplate jdbc;
  private final KpiProperties properties;

  Coverage(JdbcTemplate jdbc, KpiProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Every dose of the schedule over the whole city in the fiscal year, counted as of its end (or today). */
  @Transactional(readOnly = true)
  List<Row> city(int fiscalYear, LocalDate today) {
    return count(TARGETS, fiscalYear, today, false);
  }

  /** One dose by district, the city's line first. */
  @Transactional(readOnly = true)
  List<Row> districts(String targetCode, int fiscalYear, LocalDate today) {
    Target target = TARGETS.stream().filter(t -> t.code().equals(targetCode)).findFirst()
        .orElseThrow(() -> ApiException.badRequest("invalid_target", "接種の種類「%s」はありません。".formatted(targetCode)));
    return count(List.of(target), fiscalYear, today, true);
  }

  private List<Row> count(List<Target> targets, int fiscalYear, LocalDate today, boolean byDistrict) {
    LocalDate yearEnd = LocalDate.of(fiscalYear + 1, 3, 31);
    LocalDate asOf = yearEnd.isAfter(today) ? today : yearEnd;
    Map<String, Target> byCode = new LinkedHashMap<>();
    List<String> codes = new ArrayList<>();
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    List<String> sexes = new ArrayList<>();
    List<String> nameCodes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> categoryCodes = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    for (Target target : targets) {
      byCode.put(target.code(), target);
      codes.add(target.code());
      from.add(target.population().bornFrom(fiscalYear).toString());
      to.add(target.population().bornTo(fiscalYear).toString());
      sexes.add(target.sex());
      for (String name : DoseFacts.recordNames(target.vaccine())) {
        nameCodes.add(target.code());
        names.add(name);
      }
      for (String category : target.categories()) {
        categoryCodes.add(target.code());
        categories.add(category);
      }
    }
    String grouping = byDistrict ? "grouping sets ((p.code), (p.code, p.district))" : "p.code";
    String district = byDistrict ? "case when grouping(p.district) = 1 then ? else p.district end"
        : "cast(? as varchar)";
    // The people of every target first; then the doses of just those people, matched to the target's names and
    // categories as clerks spell them (full-width, spaces), so the dose table is read by resident, not scanned.
    String sql = """
        with t as (select * from unnest(?::varchar[], ?::date[], ?::date[], ?::varchar[]) t(code, born_from, born_to, sex)),
        n as (select * from unnest(?::varchar[], ?::varchar[]) n(code, name)),
        c as (select * from unnest(?::varchar[], ?::varchar[]) c(code, category)),
        p as (select t.code, r.id, coalesce(r.district, '(不明)') district
              from t join %s r on r.birth_date between t.born_from and t.born_to and (t.sex is null or r.sex = t.sex)),
        given as (
          select distinct n.code, d.resident_id
          from (select resident_id, upper(btrim(normalize(vaccine, NFKC))) vaccine,
                       btrim(normalize(dose_category, NFKC)) category
                from %s d where d.dose_date <= ? and d.resident_id in (select id from p)) d
          join n on n.name = d.vaccine join c on c.code = n.code and c.category = d.category)
        select p.code, %s, count(*), count(g.resident_id)
        from p left join given g on g.code = p.code and g.resident_id = p.id
        group by %s""".formatted(ResidentFacts.registered(), DoseFacts.doses(), district, grouping);
    Object[] args = {array(codes), array(from), array(to), array(sexes), array(nameCodes), array(names),
        array(categoryCodes), array(categories), Date.valueOf(asOf), ALL_DISTRICTS};
    Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      counts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
          .put(rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4)});
    }, args);
    int minCell = properties.coverageMinCell();
    List<Row> rows = new ArrayList<>();
    for (Target target : byCode.values()) {
      Map<String, long[]> cells = counts.getOrDefault(target.code(), Map.of());
      List<String> districts = new ArrayList<>(cells.keySet());
      districts.remove(ALL_DISTRICTS);
      districts.sort(null);
      districts.add(0, ALL_DISTRICTS);
      for (String name : districts) {
        long[] cell = cells.getOrDefault(name, new long[2]);
        // The city's line is shown even when small: it is what the national report publishes.
        boolean suppressed = !name.equals(ALL_DISTRICTS) && cell[0] < minCell;
        rows.add(new Row(target.code(), target.vaccineName(), target.dose(), target.population().label(), name,
            fiscalYear, target.population().bornFrom(fiscalYear), target.population().bornTo(fiscalYear), asOf,
            suppressed, suppressed ? null : cell[0], suppressed ? null : cell[1],
            suppressed || cell[0] == 0 ? null : (double) cell[1] / cell[0]));
      }
    }
    return rows;
  }

  private static String[] array(List<String> values) {
    return values.toArray(String[]::new);
  }
}
