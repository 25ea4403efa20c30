package jp.lg.immunization.vaccination;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import jp.lg.immunization.platform.LegalDates;
import jp.lg.immunization.platform.PgCopy;
import jp.lg.immunization.resident.ResidentCohorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: the synthetic children get the doses of the routine schedule at their standard ages, each
 * series stopping at random now and then, so that the case pages show every kind of forecast (due, overdue,
 * completed). Deterministic per resident; marked SYNTHETIC_DEMO.
 */
@Component
@ConditionalOnProperty(name = "immunization.demo.enabled", havingValue = "true")
class DemoDoses {

  private static final Logger log = LoggerFactory.getLogger(DemoDoses.class);
  private static final LocalDate PENTAVALENT_SINCE = LocalDate.of(2024, 2, 1);
  private static final LocalDate ROTAVIRUS_SINCE = LocalDate.of(2020, 8, 1);
  private static final double SERIES_CONTINUES = 0.93;
  private static final String[][] CLINICS = {{"1110101", "D1010101"}, {"1110102", "D1010201"},
      {"1110103", "D1010301"}, {"1110105", "D1010501"}};

  /** A dose of the schedule: vaccine name as recorded, 接種区分, and the age in months when it is usually given. */
  private record Step(String vaccine, String category, int months) {}

  record Dose(String vaccine, String category, LocalDate date) {}

  private final JdbcTemplate jdbc;
  private final PgCopy copy;
  private final TransactionTemplate transactions;
  private final ResidentCohorts residents;
  private final Clock clock;
  private final boolean enabled;

  DemoDoses(JdbcTemplate jdbc, PgCopy copy, TransactionTemplate transactions, ResidentCohorts residents, Clock clock,
            @Value("${immunization.demo.doses:true}") boolean enabled) {
    this.jdbc = jdbc;
    this.copy = copy;
    this.transactions = transactions;
    this.residents = residents;
    this.clock = clock;
    this.enabled = enabled;
  }

  @EventListener(ApplicationReadyEvent.class)
  void loadDemoDoses() {
    if (!enabled
        || jdbc.queryForObject("select exists (select 1 from dose_record)", Boolean.class)) {
      return;
    }
    log.info("Demo mode: recorded {} synthetic doses", record(LocalDate.now(clock)));
  }

  /** @return how many doses were recorded for the children registered as of {@code today} */
  int record(LocalDate today) {
    List<List<Object>> rows = new ArrayList<>();
    ResidentCohorts.Filter children = new ResidentCohorts.Filter(today.minusYears(14).plusDays(1), null, null, null,
        Set.of("REGISTERED"));
    for (ResidentCohorts.Member child : residents.list(children, 0, (int) residents.count(children))) {
      long id = child.id();
      LocalDate birth = child.birthDate();
      String sex = child.sex().name();
      Random random = new Random(id * 31 + 7);
      for (Dose dose : dosesFor(birth, sex, today, random)) {
        String[] clinic = CLINICS[random.nextInt(CLINICS.length)];
        rows.add(Arrays.asList(id, dose.vaccine(), dose.category(), birth, sex, "DEMO" + (id % 89), "0.5", clinic[0],
            clinic[1], "P01", dose.date(), "SYNTHETIC_DEMO"));
      }
    }
    transactions.executeWithoutResult(status -> copy.copy("dose_record", List.of("resident_id", "vaccine",
        "dose_category", "birth_date", "sex", "lot_number", "dose_volume_ml", "institution_id", "doctor_id",
        "place_id", "dose_date", "source"), rows));
    return rows.size();
  }

  /** The doses a child has had by {@code today}: every series in order, each stopping now and then. */
  static List<Dose> dosesFor(LocalDate birth, String sex, LocalDate today, Random random) {
    List<Dose> doses = new ArrayList<>();
    for (List<Step> series : schedule(birth, "FEMALE".equals(sex))) {
      LocalDate previous = birth;
      int previousMonths = 0;
      for (Step step : series) {
        // Counted from the previous dose, so that a late dose delays the next one as a real schedule does.
        LocalDate date = previous.plusMonths(step.months() - previousMonths).plusDays(random.nextInt(21));
        previous = date;
        previousMonths = step.months();
        if (date.isAfter(today) || random.nextDouble() > SERIES_CONTINUES) {
          break;
        }
        doses.add(new Dose(step.vaccine(), step.category(), date));
      }
    }
    return doses;
  }

  private static List<List<Step>> schedule(LocalDate birth, boolean girl) {
    List<List<Step>> series = new ArrayList<>();
    boolean pentavalent = !birth.isBefore(PENTAVALENT_SINCE);
    series.add(List.of(new Step("BCG", "1回", 6)));
    series.add(List.of(new Step("B型肝炎", "1回目", 2), new Step("B型肝炎", "2回目", 3), new Step("B型肝炎", "3回目", 8)));
    series.add(primaryAndBooster(pentavalent ? "五種混合" : "四種混合", "1期初回", "1期追加"));
    if (!pentavalent) {
      series.add(primaryAndBooster("ヒブ", "初回", "追加"));
    }
    series.add(primaryAndBooster("小児肺炎球菌", "初回", "追加"));
    if (!birth.isBefore(ROTAVIRUS_SINCE)) {
      series.add(List.of(new Step("ロタウイルス", "1回目", 2), new Step("ロタウイルス", "2回目", 3)));
    }
    series.add(List.of(new Step("MR", "1期", 12), new Step("MR", "2期", monthsToYearBeforeSchool(birth) + 2)));
    // Two months after MR 1期, so that the two injected live vaccines keep their 27 days apart.
    series.add(List.of(new Step("水痘", "1回目", 14), new Step("水痘", "2回目", 20)));
    series.add(List.of(new Step("日本脳炎", "1期初回1回目", 36), new Step("日本脳炎", "1期初回2回目", 37),
        new Step("日本脳炎", "1期追加", 48), new Step("日本脳炎", "2期", 114)));
    series.add(List.of(new Step("DT", "2期", 138)));
    if (girl) {
      series.add(List.of(new Step("HPV", "1回目", 150), new Step("HPV", "2回目", 156)));
    }
    return series;
  }

  private static List<Step> primaryAndBooster(String vaccine, String primary, String booster) {
    return List.of(new Step(vaccine, primary + "1回目", 2), new Step(vaccine, primary + "2回目", 3),
        new Step(vaccine, primary + "3回目", 4), new Step(vaccine, booster, 13));
  }

  /** Months from birth to the April that starts the school year before school entry (MR 2期). */
  private static int monthsToYearBeforeSchool(LocalDate birth) {
    return (int) ChronoUnit.MONTHS.between(birth.withDayOfMonth(1),
        LegalDates.firstDayOfGrade(birth, LegalDates.PRESCHOOL_YEAR));
  }
}
