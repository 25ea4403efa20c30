/**
 * Outreach (個別勧奨): finds cohorts of residents by age band, district and vaccine status, exports them as CSV
 * (permission EXPORT) and issues 予診票 for them as a PDF (permission PRINT), every hit, export row and printed
 * sheet audited per resident (R04, R12). Vaccine status comes from the eligibility DMN tables, evaluated only for
 * the residents that the plain criteria leave and only for the chosen vaccine. Residents come from the register's
 * {@link jp.lg.immunization.resident.ResidentCohorts}, doses and eligibility from the vaccination module.
 */
@ApplicationModule(displayName = "Outreach (個別勧奨)",
    allowedDependencies = {"platform", "audit", "security", "resident", "vaccination"})
package jp.lg.immunization.outreach;

import org.springframework.modulith.ApplicationModule;
