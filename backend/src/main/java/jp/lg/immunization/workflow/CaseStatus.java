package jp.lg.immunization.workflow;

import java.util.ResourceBundle;

/**
 * A case's business status, as staff read it. Implemented by each case type's status enum, whose constants are named
 * by the {@code caseStatus} property of the BPMN steps that enter them. The labels staff see are kept together in
 * {@code case-statuses.properties} (key: the enum's name with its enclosing class, then the constant, e.g.
 * {@code ReliefClaim.Status.RECEIVED}); start-up checks that every status of every case type has one.
 */
public interface CaseStatus {

  String LABELS = "case-statuses";

  String name();

  /** Whether a case in this status has ended. */
  boolean ended();

  default String label() {
    return ResourceBundle.getBundle(LABELS).getString(labelKey(this));
  }

  static String labelKey(CaseStatus status) {
    Class<?> type = ((Enum<?>) status).getDeclaringClass();
    String name = type.getEnclosingClass() == null ? type.getSimpleName()
        : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    return name + "." + status.name();
  }
}
