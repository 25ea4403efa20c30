/**
 * The shared kernel every module builds on: API errors, clock and office calendar, Japanese dates and holidays,
 * CSV and PDF output, keys and encryption, the simulator switch and not-connected ports, and the retention-rule base.
 * Open: all its types are for every module to use, and it depends on no module.
 */
@ApplicationModule(displayName = "Platform (shared kernel)", type = ApplicationModule.Type.OPEN)
package jp.lg.immunization.platform;

import org.springframework.modulith.ApplicationModule;
