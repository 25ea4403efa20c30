package jp.lg.immunization.vaccination;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resident's doses as of the evaluation date and the facts the eligibility tables read. Facts are plain
 * numbers, flags and codes (ages, counts, days): the tables then hold every age limit, interval and count.
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
    int ageMonths = Ages.months(birth, on);
    int ageYears = Ages.years(birth, on);
    LocalDate first = own.isEmpty() ? null : own.get(0).date();
    LocalDate last = own.isEmpty() ? null : own.get(own.size() - 1).date();

    Map<String, Object> facts = new HashMap<>();
    facts.put("birthDate", birth.getYear() * 10000 + birth.getMonthValue() * 100 + birth.getDayOfMonth());
    facts.put("ageDays", (int) ChronoUnit.DAYS.between(birth, on));
    facts.put("ageMonths", ageMonths);
    facts.put("ageYears", ageYears);
    facts.put("grade", SchoolYears.grade(birth, on));
    facts.put("sex", person.sex());
    facts.put("disability", person.disability());
    facts.put("doses", own.size());
    // 2期 doses are told apart by their recorded 接種区分; everything else counts towards 1期.
    int phase2 = (int) own.stream().filter(d -> d.category() != null && d.category().contains("2期")).count();
    facts.put("phase1Doses", own.size() - phase2);
    facts.put("phase2Doses", phase2);
    LocalDate firstBirthday = birth.plusMonths(12);
    facts.put("dosesFrom12Months", (int) own.stream().filter(d -> !d.date().isBefore(firstBirthday)).count());
    facts.put("startAgeMonths", first == null ? ageMonths : Ages.months(birth, first));
    facts.put("startAgeYears", first == null ? ageYears : Ages.years(birth, first));
    facts.put("daysSinceLastDose", last == null ? null : (int) ChronoUnit.DAYS.between(last, on));
    facts.put("monthsSinceLastDose", last == null ? null : Ages.months(last, on));
    facts.put("daysSinceFirstDose", first == null ? null : (int) ChronoUnit.DAYS.between(first, on));
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
