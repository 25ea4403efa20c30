package jp.lg.immunization.vaccination;

/**
 * One thing wrong with a dose record: its エラーコード, the item it concerns (null for the record as a whole) and
 * what a clerk should read. A warning (the interval) may be registered after a person confirms it; the code then
 * stays on the record. Anything else refuses the record.
 */
record DoseProblem(String code, String item, String message, boolean warning) {

  static DoseProblem error(String code, DoseItem item, String message) {
    return new DoseProblem(code, item == null ? null : item.key(), message, false);
  }

  static DoseProblem warning(String code, DoseItem item, String message) {
    return new DoseProblem(code, item == null ? null : item.key(), message, true);
  }

  String text() {
    return code + " " + message;
  }
}
