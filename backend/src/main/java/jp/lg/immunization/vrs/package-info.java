/**
 * ワクチン接種記録システム (VRS), for the COVID-19 vaccination affair: residents' COVID-19 doses are registered there
 * from the dose records (with the 接種券番号 and 自治体コード of their ticket) and corrected as they change; staff query a
 * resident's former municipality's records when the resident moved in, after recording the resident's consent and an
 * identity check and a supervisor's approval (R30), sending the 個人番号 with that municipality's code (R31). VRS is a
 * port with a simulator, like the other national systems.
 */
@ApplicationModule(displayName = "VRS (ワクチン接種記録システム)",
    allowedDependencies = {"platform", "audit", "security", "workflow", "resident", "vaccination"})
package jp.lg.immunization.vrs;

import org.springframework.modulith.ApplicationModule;
