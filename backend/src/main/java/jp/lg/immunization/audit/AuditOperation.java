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
  NON_DISCLOSURE_LIFTED,
  FUKUHON_RECONCILIATION,
  DOSE_REGISTER,
  DOSE_CORRECT,
  DOSE_BATCH_UPLOAD,
  DOSE_BATCH_VIEW,
  DOSE_BATCH_ROW_CORRECT,
  DOSE_BATCH_REGISTER,
  B_CLASS_QUALIFICATION_RECORDED,
  B_CLASS_QUALIFICATION_ENDED,
  COPAY_EXEMPTION_REGISTERED,
  COPAY_STATUS_MATCH,
  COPAY_EXEMPTION_DECIDED,
  COPAY_EXEMPTION_NOTICE,
  COPAY_EXEMPTION_WITHDRAWN,
  COPAY_SIMULATED_APPLICATION,
  /** One per resident in an exported file (R04). */
  RESIDENT_EXPORT,
  /** One per exported file, with its row count (R12). */
  COHORT_EXPORT,
  /** The 副本 reconciliation as a file, with its row count (R12, R23); each resident also as RESIDENT_EXPORT. */
  FUKUHON_RECONCILIATION_EXPORT,
  /** A relief decision notice printed as PDF (R12). */
  RELIEF_NOTICE_PRINT,
  /** One per resident a 予診票 was printed for (R04). */
  QUESTIONNAIRE_ISSUE,
  /** One per print run of 予診票, with its page count. */
  QUESTIONNAIRE_BATCH,
  /** A user without the permission an operation needs (R12). */
  PERMISSION_REFUSED,
  ACCOUNT_LOCKED,
  /** Wrong passwords at an account reached the lockout count: its holder and the administrators are told (R08). */
  LOGIN_FAILURES_NOTICE,
  /** A client sending wrong passwords was made to wait (R08). */
  LOGIN_THROTTLED,
  /** A request the firewall refused before any function saw it (an encoded slash, NUL or .. in the path). */
  REQUEST_REJECTED,
  ACCOUNT_UNLOCKED,
  ACCOUNT_DISABLED,
  ACCOUNT_ENABLED,
  ACCOUNT_VALIDITY_SET,
  ACCOUNT_EXPIRED,
  PASSWORD_CHANGED,
  ACCOUNT_REVIEW,
  /** A manager changed or cleared an SLA target of the KPI dashboard. */
  KPI_SLA_TARGET_SET,
  /** An administrator created a department. */
  DEPARTMENT_CREATED,
  /** An administrator created a personal account (R08). */
  ACCOUNT_CREATED,
  /** An administrator changed an account's department, roles or permissions. */
  ACCOUNT_ACCESS_CHANGED,
  /** An administrator set a temporary password, to be changed at the next login. */
  ACCOUNT_PASSWORD_RESET,
  /** An administrator changed a department's row of the permission matrix (R06, R12). */
  DEPARTMENT_AUTHORITY_SET,
  /** An administrator computed the KPI roll-ups again from a day on. */
  KPI_ROLLUP_REBUILT,
  RETENTION_DELETE,
  RELIEF_CLAIM_REGISTERED,
  RELIEF_CLAIM_VIEW,
  RELIEF_CLAIM_UPDATED,
  RELIEF_DOCUMENT_UPLOAD,
  RELIEF_DOCUMENT_VIEW,
  RELIEF_DECISION,
  RELIEF_PAYMENT,
  /** A user confirmed their authenticator app with a first valid code (R07). */
  SECOND_FACTOR_ENROLLED,
  /** An administrator removed an account's second factor: it enrols again at the next login (R07). */
  SECOND_FACTOR_RESET,
  /** 開示・訂正・利用停止請求 (R28): registered, viewed, changed, its package or notice printed. */
  RESIDENT_REQUEST_REGISTERED,
  RESIDENT_REQUEST_VIEW,
  RESIDENT_REQUEST_UPDATED,
  RESIDENT_REQUEST_PRINT,
  /** 問い合わせ・苦情 (R29): a receipt recorded, the list or one receipt viewed, an inquiry closed. */
  INQUIRY_RECORDED,
  INQUIRY_VIEW,
  INQUIRY_CLOSED,
  /** An auditor's CSV file of the operation log or the abnormal-access report, with its filter and row count (R12). */
  AUDIT_EXPORT,
  ABNORMAL_ACCESS_REPORT,
  LEGAL_HOLD_SET,
  LEGAL_HOLD_LIFTED,
  /** 予防接種の間違い: a report opened, completed or sent to the prefecture (one per change, with the resident). */
  WRONG_VACCINATION_REPORTED,
  /** The list of flagged doses or one report viewed, with the residents listed. */
  WRONG_VACCINATION_VIEW,
  /** A supervisor explained a flagged dose as no mistake, with the reason. */
  WRONG_VACCINATION_DISMISSED,
  /** The annual report's CSV, with its row count (R12). */
  WRONG_VACCINATION_EXPORT,
  /** Provision outside the network (R13): recorded, the list or one viewed, corrected or withdrawn, confirmed, sent. */
  OUTSIDE_PROVISION_RECORDED,
  OUTSIDE_PROVISION_VIEW,
  OUTSIDE_PROVISION_UPDATED,
  OUTSIDE_PROVISION_CONFIRMED,
  OUTSIDE_PROVISION_SENT,
  /** The dose records (接種実績) as a CSV file, with its filter and row count (R12, R32); each resident as RESIDENT_EXPORT. */
  DOSE_RECORD_EXPORT,
  /** The compliance report (自己点検) shown to an auditor or taken as CSV or PDF; it holds no personal data. */
  COMPLIANCE_REPORT,
  /** A file of the resident register feed received, applied or refused (R01), with its counts. */
  RESIDENT_FEED_FILE,
  /** One resident's register items changed by the feed or by staff, with the source (R01, R05). */
  RESIDENT_REGISTER_CHANGE,
  /** 長期療養特例: recorded at the counter, the list or one case viewed, corrected or withdrawn, decided. */
  ILLNESS_EXCEPTION_RECORDED,
  ILLNESS_EXCEPTION_VIEW,
  ILLNESS_EXCEPTION_UPDATED,
  ILLNESS_EXCEPTION_DECIDED,
  /** A supervisor gave a step to a named colleague or released it: who, from whom, to whom and why. */
  TASK_ASSIGN,
  /** An absence (from, to, stand-in) recorded or withdrawn, by the user or their supervisor. */
  ABSENCE_SET,
  /** A note added to a case (append-only). */
  CASE_NOTE_ADDED,
  /** An API request refused as invalid, conflicting or unknown (400, 404, 409, ...), with the fields at fault. */
  REQUEST_REFUSED,
  /** COVID-19 doses prepared for, sent to or viewed as registered in VRS. */
  VRS_DOSE_REGISTRATION,
  /** A VRS mover query recorded, decided, sent, answered or checked (R30, R31). */
  VRS_MOVER_QUERY,
  VRS_MOVER_QUERY_VIEW,
  /** A vaccination certificate application received, viewed, checked or issued. */
  VRS_CERTIFICATE,
  /** A vaccination certificate printed (PRINT, R12). */
  VRS_CERTIFICATE_PRINT
}
