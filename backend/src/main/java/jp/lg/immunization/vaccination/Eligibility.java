package jp.lg.immunization.vaccination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.platform.LegalDates;
import jp.lg.immunization.vaccination.VaccineEligibility.Status;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 接種可能範囲: for each routine vaccine, what a resident may receive on a date. The rules (ages, intervals,
 * counts, the 27-day wait between injected live vaccines) are the DMN tables processes/eligibility-*.dmn, which
 * staff can read in Camunda Modeler; this class only prepares their facts and turns their date hints into dates.
 * It reads no database table, so callers pass the doses they already hold.
 */
@Service
public class Eligibility {

  private final DeployedDecisions decisions;
  private final Season season;

  Eligibility(DeployedDecisions decisions,
      @Value("${immunization.vaccination.season-start:10-01}") String seasonStart,
      @Value("${immunization.vaccination.season-end:03-31}") String seasonEnd) {
    this.decisions = decisions;
    this.season = Season.of(seasonStart, seasonEnd);
  }

  /**
   * An approved extension of one vaccine's routine period (長期療養特例): the resident may receive the vaccine as a
   * routine one until {@code until}, that day included, although the schedule's window has passed.
   *
   * @param vaccineCode one of {@link #routineVaccines()}
   * @param until the last day of the extension, already limited by the vaccine's upper age
   */
  public record Extension(String vaccineCode, LocalDate until) {}

  /**
   * @param birthDate the resident's date of birth
   * @param sex {@code MALE} or {@code FEMALE}, as in the dose record
   * @param doses every dose the resident has received; unknown vaccine names and doses after {@code on} are ignored
   * @param disability a 60-64-year-old's qualifying disability (心臓・腎臓・呼吸器・HIV, 1級相当) for the B類 vaccines
   * @param extensions the resident's approved extensions ({@link EligibilityExtensions}); may be empty
   * @param on the date to judge
   * @return one entry per routine vaccine, in schedule order
   */
  public List<VaccineEligibility> forResident(LocalDate birthDate, String sex, List<DoseRecords.Dose> doses,
      boolean disability, List<Extension> extensions, LocalDate on) {
    Series series = series(birthDate, sex, doses, disability, on);
    List<VaccineEligibility> result = new ArrayList<>();
    for (Vaccine vaccine : Vaccine.values()) {
      if (vaccine.routine()) {
        result.add(judge(vaccine, series, extensions, on));
      }
    }
    return result;
  }

  /** A routine vaccine by the code that {@link VaccineEligibility#vaccineCode()} carries, with its name staff read. */
  public record RoutineVaccine(String code, String name) {}

  /** The routine vaccines in schedule order: the codes {@link #forVaccine} accepts. */
  public List<RoutineVaccine> routineVaccines() {
    return Arrays.stream(Vaccine.values()).filter(Vaccine::routine)
        .map(vaccine -> new RoutineVaccine(vaccine.name(), vaccine.japaneseName())).toList();
  }

  /**
   * Like {@link #forResident} for one routine vaccine only, evaluating just its table (and the live-vaccine
   * interval when it applies): for judging many residents at once.
   *
   * @param vaccineCode one of {@link #routineVaccines()}
   */
  public VaccineEligibility forVaccine(String vaccineCode, LocalDate birthDate, String sex,
      List<DoseRecords.Dose> doses, boolean disability, List<Extension> extensions, LocalDate on) {
    Vaccine vaccine = Arrays.stream(Vaccine.values()).filter(v -> v.routine() && v.name().equals(vaccineCode))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("not a routine vaccine: " + vaccineCode));
    return judge(vaccine, series(birthDate, sex, doses, disability, on), extensions, on);
  }

  private Series series(LocalDate birthDate, String sex, List<DoseRecords.Dose> doses, boolean disability,
      LocalDate on) {
    if (birthDate == null || on == null) {
      throw new IllegalArgumentException("birthDate and on are required");
    }
    if (birthDate.isAfter(on)) {
      throw new IllegalArgumentException("birthDate " + birthDate + " is after " + on);
    }
    if (!"MALE".equals(sex) && !"FEMALE".equals(sex)) {
      throw new IllegalArgumentException("sex must be MALE or FEMALE: " + sex);
    }
    return new Series(new Series.Person(birthDate, sex, disability, on), season, doses == null ? List.of() : doses);
  }

  /**
   * The table's answer, then what it cannot know: an approved 長期療養特例 where the table found the window passed
   * (OVERDUE, or a wait that ends after the window), and the 27 days between injected live vaccines. Inside an
   * extension the schedule's ages are not judged again (the extension replaces the window), and neither are the
   * intervals between the series' own doses once the table says OVERDUE (its row no longer looks at them): a wait the
   * table computed before the window closed is kept, and dose validation checks every interval again when the dose
   * is registered (E032). Which dose is missed is not named either (an OVERDUE row may name the next phase).
   */
  private VaccineEligibility judge(Vaccine vaccine, Series series, List<Extension> extensions, LocalDate on) {
    Map<String, Object> row = decisions.evaluate(vaccine.decisionKey(), series.facts(vaccine));
    DateHints.Anchors anchors = series.anchors(vaccine);
    Status status = Status.valueOf((String) row.get("status"));
    String nextDose = (String) row.get("nextDose");
    String reason = (String) row.get("reason");
    LocalDate from = DateHints.from((String) row.get("from"), anchors);
    LocalDate until = DateHints.until((String) row.get("until"), anchors);
    String otherLive = null;

    boolean waitPastWindow = status == Status.UPCOMING && from != null && until != null && from.isAfter(until);
    Optional<LocalDate> extended = status == Status.OVERDUE || waitPastWindow
        ? extendedUntil(vaccine, extensions, on) : Optional.empty();
    if (extended.isPresent()) {
      until = extended.get();
      if (waitPastWindow) {
        reason = "長期療養特例により{until}まで定期接種として受けられます（必要な間隔をあけて{from}から）";
      } else {
        // An OVERDUE row's dose and dates may name the series' next phase (MR: 2期 after a missed 1期): the missed
        // dose is what the extension covers, and the table cannot name it.
        status = Status.ELIGIBLE;
        nextDose = null;
        from = null;
        reason = "長期療養特例により{until}まで定期接種として受けられます";
      }
    }

    if (vaccine.injectedLive() && status == Status.ELIGIBLE) {
      Optional<Series.Dose> other = series.lastOtherLive(vaccine);
      if (other.isPresent()) {
        Map<String, Object> wait = decisions.evaluate(Vaccine.LIVE_INTERVAL_DECISION, Map.of("injectedLive", true,
            "daysBetweenOtherLive", LegalDates.daysBetween(other.get().date(), on)));
        if (Boolean.TRUE.equals(wait.get("mustWait"))) {
          status = Status.UPCOMING;
          from = DateHints.from((String) wait.get("from"), anchors);
          reason = (String) wait.get("reason");
          otherLive = other.get().vaccine().japaneseName();
        }
      }
    }
    // A wait that ends after the deadline cannot be kept: the dose can no longer be given as a routine one.
    if (status == Status.UPCOMING && from != null && until != null && from.isAfter(until)) {
      status = Status.OVERDUE;
      reason = (nextDose == null ? "次の接種" : nextDose) + "は、必要な間隔をあけると接種期限（{until}）を過ぎるため定期接種として受けられません";
    }
    return new VaccineEligibility(vaccine.name(), vaccine.japaneseName(), status, nextDose, from, until,
        fill(reason, from, until, otherLive));
  }

  /** The latest extension of this vaccine that still runs on {@code on} (two approved cases may overlap). */
  private static Optional<LocalDate> extendedUntil(Vaccine vaccine, List<Extension> extensions, LocalDate on) {
    return extensions == null ? Optional.empty() : extensions.stream()
        .filter(extension -> extension.vaccineCode().equals(vaccine.name()) && !on.isAfter(extension.until()))
        .map(Extension::until).max(Comparator.naturalOrder());
  }

  private static String fill(String reason, LocalDate from, LocalDate until, String otherLive) {
    if (reason == null) {
      return "";
    }
    // Dates are written out only where the reason names them: a batch judges 100,000 lines.
    String filled = reason.contains("{from}") ? reason.replace("{from}", JapaneseDates.format(from)) : reason;
    filled = filled.contains("{until}") ? filled.replace("{until}", JapaneseDates.format(until)) : filled;
    return filled.replace("{other}", otherLive == null ? "" : otherLive);
  }
}
