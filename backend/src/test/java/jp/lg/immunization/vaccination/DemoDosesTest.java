package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.resident.ResidentDirectory.ResidentRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo's synthetic doses are doses the registration itself would accept, one after the other. */
@IntegrationTest
class DemoDosesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @Autowired DoseReference reference;
  @Autowired RoutineDoses routine;
  @Autowired DemoDoses demoDoses;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void theDemoDosesAreStoredAsSyntheticAndShownAsDosesOfTheirChildren() {
    transactions.executeWithoutResult(status -> {
      int recorded = demoDoses.record(TODAY);
      assertThat(recorded).isPositive();
      assertThat(jdbc.queryForObject("select count(*) from dose_record where source = 'SYNTHETIC_DEMO'", Long.class))
          .isEqualTo(recorded);
      status.setRollbackOnly();
    });
  }

  @Test
  void everySyntheticDosePassesTheRegistrationsOwnChecksInOrder() {
    DoseReference.Snapshot snapshot = reference.snapshot();
    int doses = 0;
    for (int child = 0; child < 400; child++) {
      LocalDate birth = TODAY.minusDays(30L * child);
      String sex = child % 2 == 0 ? "FEMALE" : "MALE";
      ResidentRef resident = new ResidentRef(child, "1" + String.format("%09d", child), "試験", "シケン", birth, sex, true);
      List<DoseValidation.PriorDose> priors = new ArrayList<>();
      for (DemoDoses.Dose dose : DemoDoses.dosesFor(birth, sex, TODAY, new Random(child))) {
        Map<DoseItem, String> input = new EnumMap<>(DoseItem.class);
        input.put(DoseItem.ADDRESSEE_NUMBER, resident.addresseeNumber());
        input.put(DoseItem.VACCINE, dose.vaccine());
        input.put(DoseItem.DOSE_CATEGORY, dose.category());
        input.put(DoseItem.DOSE_DATE, dose.date().toString());
        input.put(DoseItem.LOT_NUMBER, "DEMO1");
        input.put(DoseItem.INSTITUTION, "1110101");
        input.put(DoseItem.DOCTOR, "D1010101");
        DoseValidation.Checked checked = DoseValidation.check(DoseInput.of(input), Optional.of(resident), priors,
            snapshot, TODAY, routine);
        assertThat(checked.problems()).as("child born %s: %s", birth, dose).isEmpty();
        priors.add(new DoseValidation.PriorDose((DoseValidation.VaccineName) checked.values().get(DoseItem.VACCINE),
            dose.category(), dose.date()));
        doses++;
      }
    }
    assertThat(doses).isGreaterThan(2_000);
  }

  @Test
  void someSeriesStopEarlySoTheForecastShowsDueAndOverdueDoses() {
    LocalDate birth = TODAY.minusYears(3);
    long stopped = java.util.stream.IntStream.range(0, 200)
        .filter(seed -> DemoDoses.dosesFor(birth, "MALE", TODAY, new Random(seed)).size()
            < DemoDoses.dosesFor(birth, "MALE", TODAY, new Random(seed) {
              @Override
              public double nextDouble() {
                return 0;
              }
            }).size())
        .count();
    assertThat(stopped).as("some series stop early, so the forecast shows due and overdue doses").isPositive();
  }
}
