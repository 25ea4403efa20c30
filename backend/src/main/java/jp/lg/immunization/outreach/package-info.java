/**
 * Outreach (個別勧奨): finds cohorts of residents by age band, district and vaccine status, exports them as CSV
 * (permission EXPORT) and issues 予診票 for them as a PDF (permission PRINT), every hit, export row and printed
 * sheet audited per resident (R04, R12). Vaccine status comes from the eligibility DMN tables, evaluated only for
 * the residents that the plain criteria leave and only for the chosen vaccine.
 */
package jp.lg.immunization.outreach;
