/**
 * Retention (R27): the nightly run of every module's retention rule, each deletion recorded and audited, and legal
 * holds that keep a resident's data. What to keep comes from the owners: holds from here, residents with open cases
 * from the workflow ({@link jp.lg.immunization.workflow.ResidentTasks}); residents are named through the register's
 * answer to the audit screens ({@link jp.lg.immunization.audit.AuditedResidents}).
 */
@ApplicationModule(displayName = "Retention and legal holds",
    allowedDependencies = {"platform", "audit", "security", "workflow"})
package jp.lg.immunization.retention;

import org.springframework.modulith.ApplicationModule;
