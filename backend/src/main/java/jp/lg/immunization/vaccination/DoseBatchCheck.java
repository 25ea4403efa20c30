package jp.lg.immunization.vaccination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.resident.ResidentDirectory.ResidentRef;

/**
 * Validates the lines of one batch in file order, chunk by chunk. A line is compared with the resident's recorded
 * doses and with the batch's own earlier accepted lines, so the same dose twice in one file is caught as well.
 */
final class DoseBatchCheck {

  /** A line waiting for its verdict; {@code warningsConfirmed} when a person accepted its warnings in review. */
  record Pending(int line, DoseInput input, boolean columnsMatch, boolean warningsConfirmed) {}

  record Result(Pending pending, DoseValidation.Checked checked) {

    boolean accepted() {
      return pending.columnsMatch() && !checked.hasErrors() && (!checked.hasWarnings() || pending.warningsConfirmed());
    }

    List<DoseProblem> problems() {
      if (pending.columnsMatch()) {
        return checked.problems();
      }
      List<DoseProblem> problems = new ArrayList<>();
      problems.add(DoseProblem.error("E004", null, "列の数が1行目の項目名と一致しません"));
      problems.addAll(checked.problems());
      return problems;
    }
  }

  private final DoseReference.Snapshot reference;
  private final LocalDate today;
  private final ResidentDirectory residents;
  private final DoseStore store;
  private final RoutineDoses routine;
  /** Written by the threads judging a chunk, each resident by one of them. */
  private final Map<Long, List<DoseValidation.PriorDose>> acceptedInBatch = new ConcurrentHashMap<>();

  DoseBatchCheck(DoseReference.Snapshot reference, LocalDate today, ResidentDirectory residents, DoseStore store,
                 RoutineDoses routine) {
    this.reference = reference;
    this.today = today;
    this.residents = residents;
    this.store = store;
    this.routine = routine;
  }

  /** Counts lines already accepted elsewhere in the batch (when one line is corrected on its own). */
  void alreadyAccepted(long residentId, DoseValidation.PriorDose dose) {
    acceptedInBatch.computeIfAbsent(residentId, id -> new ArrayList<>()).add(dose);
  }

  /**
   * The chunk's lines in file order. A line depends only on its own resident's doses and earlier lines, so the
   * residents' lines are judged in parallel (on every core), each resident's own in file order, with the same
   * verdicts as one after another.
   */
  List<Result> check(List<Pending> chunk) {
    Set<String> numbers = new LinkedHashSet<>();
    chunk.forEach(pending -> Optional.ofNullable(pending.input().get(DoseItem.ADDRESSEE_NUMBER)).ifPresent(numbers::add));
    Map<String, ResidentRef> found = residents.byAddresseeNumbers(numbers);
    List<Long> residentIds = found.values().stream().map(ResidentRef::id).toList();
    Map<Long, List<DoseValidation.PriorDose>> recorded = store.priorDoses(residentIds, null);
    DoseValidation.RoutineRule rule = routine.forResidents(residentIds);
    Result[] results = new Result[chunk.size()];
    List<List<Integer>> linesByResident = new ArrayList<>();
    Map<Long, List<Integer>> linesOf = new HashMap<>();
    for (int i = 0; i < chunk.size(); i++) {
      Optional<ResidentRef> resident = residentOf(chunk.get(i), found);
      if (resident.isEmpty()) {
        linesByResident.add(List.of(i));
      } else {
        linesOf.computeIfAbsent(resident.get().id(), id -> {
          List<Integer> lines = new ArrayList<>();
          linesByResident.add(lines);
          return lines;
        }).add(i);
      }
    }
    linesByResident.parallelStream().forEach(lines -> lines.forEach(i ->
        results[i] = check(chunk.get(i), residentOf(chunk.get(i), found), recorded, rule)));
    return Arrays.asList(results);
  }

  private static Optional<ResidentRef> residentOf(Pending pending, Map<String, ResidentRef> found) {
    return Optional.ofNullable(pending.input().get(DoseItem.ADDRESSEE_NUMBER)).map(found::get);
  }

  private Result check(Pending pending, Optional<ResidentRef> resident,
                       Map<Long, List<DoseValidation.PriorDose>> recorded, DoseValidation.RoutineRule rule) {
    List<DoseValidation.PriorDose> priors = new ArrayList<>();
    resident.ifPresent(person -> {
      priors.addAll(recorded.getOrDefault(person.id(), List.of()));
      priors.addAll(acceptedInBatch.getOrDefault(person.id(), List.of()));
    });
    Result result = new Result(pending, DoseValidation.check(pending.input(), resident, priors, reference, today, rule));
    if (result.accepted()) {
      alreadyAccepted(result.checked().residentId(), new DoseValidation.PriorDose(
          (DoseValidation.VaccineName) result.checked().values().get(DoseItem.VACCINE), result.checked().category(),
          result.checked().doseDate()));
    }
    return result;
  }
}
