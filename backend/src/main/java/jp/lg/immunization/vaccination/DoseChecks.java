package jp.lg.immunization.vaccination;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.resident.ResidentDirectory.ResidentRef;
import org.springframework.stereotype.Component;

/**
 * Where dose records are checked from — the counter, a correction, a batch — with the same reference lists, doses on
 * record and routine rule, as of today.
 */
@Component
class DoseChecks {

  private final DoseReference reference;
  private final ResidentDirectory residents;
  private final DoseStore store;
  private final RoutineDoses routine;
  private final Clock clock;

  DoseChecks(DoseReference reference, ResidentDirectory residents, DoseStore store, RoutineDoses routine,
             Clock clock) {
    this.reference = reference;
    this.residents = residents;
    this.store = store;
    this.routine = routine;
    this.clock = clock;
  }

  /** A check of one record against the resident's doses on record, except the record being corrected. */
  DoseValidation.Checked one(DoseInput input, Optional<ResidentRef> resident, Long except) {
    List<DoseValidation.PriorDose> priors = resident.map(person -> store.priorDoses(List.of(person.id()), except)
        .getOrDefault(person.id(), List.of())).orElse(List.of());
    return DoseValidation.check(input, resident, priors, reference.snapshot(), LocalDate.now(clock), routine);
  }

  /** A check of a batch's lines, which also compares each line with the lines accepted before it. */
  DoseBatchCheck batch() {
    return new DoseBatchCheck(reference.snapshot(), LocalDate.now(clock), residents, store, routine);
  }
}
