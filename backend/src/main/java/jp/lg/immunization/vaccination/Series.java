package jp.lg.immunization.vaccination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.immunization.platform.LegalDates;

/**
 * A resident's doses as of the evaluation date and the facts the eligibility tables read. Facts are plain
 * numbers, flags and codes (ages, counts, days): the tables then hold every age limit, interval and count. Every
 * age and interval is counted by {@link LegalDates}, which is why an age comes twice: the age during the day
 * ({@code ageMonths}, for 「●月に至るまで」「●歳未満」) and the age counting the day it is reached
 * ({@code ageMonthsReached}, for 「生後●月から」「●歳以上」), which differ on the day before the birthday.
 */
final class Series {

  record Dose(Vaccine vaccine, String recordedName, String category, LocalDate date) {}

  record Person(LocalDate birthDate, String sex, boolean disability, LocalDate on) {}

  private final Person person;
  private final Season season;
  private final List<Dose> doses;

  /** Doses after {@code on} are not counted: eligibility is as of that day. Unknown vaccine names are ignored. */
  Series(Person person, Season season, List<DoseRecords.Dose> records) {
    this.person = person;
    this.season = season;
    List<Dose> known = new ArrayList<>();
    for (DoseRecords.Dose record : records) {
      if (record == null || record.doseDate() == null || record.doseDate().isAfter(person.on())) {
        continue;
      }
      Vaccine.fromRecord(record.vaccine()).ifPresent(
          vaccine -> known.add(new Dose(vaccine, record.vaccine(), record.doseCategory(), record.doseDate())));
    }
    known.sort(Comparator.comparing(Dose::date));
    this.doses = List.copyOf(known);
  }

  List<Dose> of(Vaccine vaccine) {
    return doses.stream().filter(d -> d.vaccine() == vaccine).toList();
  }

  /** The latest injected live dose of another vaccine, which starts the 27-day wait. */
  Optional<Dose> lastOtherLive(Vaccine vaccine) {
    return doses.stream().filter(d -> d.vaccine().injectedLive() && d.vaccine() != vaccine)
        .reduce((first, second) -> second);
  }

  DateHints.Anchors anchors(Vaccine vaccine) {
    List<Dose> own = of(vaccine);
    return new DateHints.Anchors(person.birthDate(), person.on(), own.isEmpty() ? null : own.get(0).date(),
        own.isEmpty() ? null : own.get(own.size() - 1).date(),
        lastOtherLive(vaccine).map(Dose::date).orElse(null), season);
  }

  /** The variables of the vaccine's decision table; every name a table may read is present, null when unknown. */
  Map<String, Object> facts(Vaccine vaccine) {
    LocalDate birth = person.birthDate();
    LocalDate on = person.on();
    List<Dose> own = of(vaccine);
    int ageMonths = LegalDates.ageMonths(birth, on);
    LocalDate first = own.isEmpty() ? null : own.get(0).date();
    LocalDate last = own.isEmpty() ? null : own.get(own.size() - 1).date();

    Map<String, Object> facts = new HashMap<>();
    facts.put("birthDate", birth.getYear() * 10000 + birth.getMonthValue() * 100 + birth.getDayOfMonth());
    facts.put("ageDays", LegalDates.daysSinceBirth(birth, on));
    facts.put("ageMonths", ageMonths);
    facts.put("ageMonthsReached", LegalDates.ageMonthsReached(birth, on));
    facts.put("ageYears", LegalDates.ageYears(birth, on));
    facts.put("ageYearsReached", LegalDates.ageYearsReached(birth, on));
    facts.put("grade", LegalDates.grade(birth, on));
    facts.put("sex", person.sex());
    facts.put("disability", person.disability());
    facts.put("doses", own.size());
    // 2期 doses are told apart by their recorded 接種区分; everything else counts towards 1期.
    int phase2 = (int) own.stream().filter(d -> d.category() != null && d.category().contains("2期")).count();
    facts.put("phase1Doses", own.size() - phase2);
    facts.put("phase2Doses", phase2);
    LocalDate twelveMonths = LegalDates.monthsReachedOn(birth, 12);
    facts.put("dosesFrom12Months", (int) own.stream().filter(d -> !d.date().isBefore(twelveMonths)).count());
    LocalDate startDay = first == null ? on : first;
    facts.put("startAgeMonths", LegalDates.ageMonths(birth, startDay));
    facts.put("startAgeYears", LegalDates.ageYears(birth, startDay));
    facts.put("daysBetweenLastDose", last == null ? null : LegalDates.daysBetween(last, on));
    facts.put("monthsSinceLastDose", last == null ? null : LegalDates.monthIntervals(last, on));
    facts.put("daysBetweenFirstDose", first == null ? null : LegalDates.daysBetween(first, on));
    boolean inSeason = season.contains(on);
    facts.put("inSeason", inSeason);
    LocalDate seasonStart = inSeason ? season.startOfSeasonContaining(on) : null;
    facts.put("dosesThisSeason",
        inSeason ? (int) own.stream().filter(d -> !d.date().isBefore(seasonStart)).count() : 0);
    facts.put("pentavalentDoses",
        (int) doses.stream().filter(d -> Vaccine.containsHib(d.recordedName())).count());
    return facts;
  }
}
