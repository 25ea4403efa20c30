package jp.lg.immunization.vaccination;

import java.util.Set;

/**
 * Published inside the transaction that registered or corrected dose records, so that copies of them (the 副本 on
 * the intermediate server) can follow. {@code changedBy} is the staff member who entered or approved the change.
 */
public record DoseRecordsChanged(Set<Long> residentIds, String changedBy, String reason) {}
