/**
 * Vaccination records (予防接種台帳): doses registered at the counter or in batches from clinics (with review and
 * approval), corrections, the routine schedule's date arithmetic, and eligibility and co-pay as DMN tables.
 */
@ApplicationModule(displayName = "Vaccination records",
    allowedDependencies = {"platform", "audit", "security", "workflow", "resident"})
package jp.lg.immunization.vaccination;

import org.springframework.modulith.ApplicationModule;
