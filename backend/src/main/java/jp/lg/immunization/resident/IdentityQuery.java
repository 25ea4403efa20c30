package jp.lg.immunization.resident;

import java.time.LocalDate;

/** What staff ask 住基ネット (市町村CS) about a person who is not registered here. */
record IdentityQuery(String nameKana, LocalDate birthDate, Sex sex) {}
