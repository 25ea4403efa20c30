package jp.lg.immunization.audit;

/** What a user did. Stored by name: never rename a constant, add new ones. */
public enum AuditOperation {
  LOGIN,
  LOGIN_FAILED,
  LOGOUT,
  RESIDENT_VIEW,
  RESIDENT_SEARCH_HIT,
  RESIDENT_REGISTER,
  MY_NUMBER_REVEAL,
  NON_RESIDENT_CASE_VIEW,
  TASK_CLAIM,
  TASK_UNCLAIM,
  TASK_COMPLETE,
  TASK_REFUSED,
  PROCESS_START,
  AUDIT_VERIFY,
  AUDIT_SEARCH,
  INCIDENT_RETRY,
  CASE_VIEW,
  NON_DISCLOSURE_SET,
  NON_DISCLOSURE_LIFTED
}
