/**
 * 長期療養特例 (予防接種法施行令第1条の3第2項): staff record that a resident could not be vaccinated in the routine period
 * because of a long-term illness (the illness's category and period, the doctor's statement), a supervisor who did not
 * record it approves, and from then on the vaccines concerned stay routine until two years after the illness ended
 * (within each vaccine's upper age). The extensions in force are published to eligibility and dose validation through
 * {@link jp.lg.immunization.vaccination.EligibilityExtensions}.
 */
@ApplicationModule(displayName = "Long-term-illness special case (長期療養特例)",
    allowedDependencies = {"platform", "audit", "security", "workflow", "resident", "vaccination"})
package jp.lg.immunization.illness;

import org.springframework.modulith.ApplicationModule;
