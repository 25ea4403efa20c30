package jp.lg.immunization.resident;

enum ResidentStatus {
  REGISTERED,
  NON_RESIDENT,
  MOVED_OUT,
  DECEASED
}
