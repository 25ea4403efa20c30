package jp.lg.immunization.resident;

/** Where a resident record came from (R01): every import names its source system. */
enum ResidentSource {
  RESIDENT_REGISTER_FEED,
  RESIDENT_NETWORK_CS,
  STAFF_ENTRY,
  SYNTHETIC_DEMO
}
