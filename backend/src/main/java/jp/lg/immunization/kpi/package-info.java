/**
 * Managers' KPI dashboard: workload, throughput, cycle and waiting times, SLA breaches counted in business days
 * of a Japanese calendar, approvals and vaccination coverage. Reads the steps and process instances through the
 * workflow's published reporting relations ({@link jp.lg.immunization.workflow.ProcessFacts}), residents and doses
 * through those of the register and of vaccination ({@link jp.lg.immunization.resident.ResidentFacts},
 * {@link jp.lg.immunization.vaccination.DoseFacts}), and deployed processes from the engine, so every process that
 * exists, or is added later, appears without code changes. Answers hold counts and durations only, never residents'
 * data.
 */
@ApplicationModule(displayName = "KPI dashboard",
    allowedDependencies = {"platform", "audit", "security", "workflow", "resident", "vaccination"})
package jp.lg.immunization.kpi;

import org.springframework.modulith.ApplicationModule;
