package jp.lg.immunization.vaccination.mistake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import jp.lg.immunization.workflow.CaseStatus;

/** A 予防接種の間違い report about one dose record, as its table holds it. */
record WrongVaccination(long id, long doseRecordId, long residentId, Status status, Kind kind, String ruleBroken,
                        String whatHappened, String cause, String prevention, HealthDamage healthDamage,
                        String startedBy, Instant startedAt, LocalDate residentInformedOn,
                        String residentInformedHow, String residentInformedBy, LocalDate clinicInformedOn,
                        String clinicContact, String clinicInformedBy, String approvedBy, Instant approvedAt,
                        Instant reportedAt, String prefectureReceipt, int version) {

  static final String PROCESS_KEY = "WrongVaccinationReport";

  enum Status implements CaseStatus {
    INFORMING, AWAITING_APPROVAL, REVISING, REPORTING, REPORTED;

    private static final Set<Status> ENDED = EnumSet.of(REPORTED);

    @Override
    public boolean ended() {
      return ENDED.contains(this);
    }
  }

  /** 間違いの類型, as the national report groups them. */
  enum Kind {
    INTERVAL("接種間隔の間違い"), AGE("対象年齢外の接種"), COUNT("不必要な接種（回数の超過）"), TARGET("対象者以外への接種"),
    VACCINE("ワクチンの種類の間違い"), DOSE_AMOUNT("接種量の間違い"), EXPIRED("有効期限切れワクチンの使用"), OTHER("その他");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  enum HealthDamage {
    NONE("なし"), PRESENT("あり"), UNKNOWN("確認中");

    private final String label;

    HealthDamage(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  enum InformedHow {
    FACE("面談"), PHONE("電話"), LETTER("文書");

    private final String label;

    InformedHow(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** The facts staff record when they open the report, and again when a supervisor sends it back. */
  record Facts(Kind kind, String whatHappened, String cause, String prevention, HealthDamage healthDamage) {}
}
