package jp.lg.immunization.workflow;

/**
 * A case's business status, as staff read it. Implemented by each case type's status enum, whose constants are named
 * by the {@code caseStatus} property of the BPMN steps that enter them.
 */
public interface CaseStatus {

  /** The label staff see and whether a case in this status has ended. */
  record Label(String text, boolean ended) {

    public static Label open(String text) {
      return new Label(text, false);
    }

    public static Label ended(String text) {
      return new Label(text, true);
    }
  }

  Label describe();

  default String label() {
    return describe().text();
  }

  default boolean ended() {
    return describe().ended();
  }
}
