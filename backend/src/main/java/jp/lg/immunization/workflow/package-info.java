/**
 * The engine layer every process uses: the task list and its read model, claiming and completing with the four-eyes
 * rule, forms enforced on the server, the process catalogue, and the shared case layer that modules build their case
 * types on: typed step handlers ({@link jp.lg.immunization.workflow.Step}), case starters, case status driven by the
 * BPMN ({@code caseStatus}), the case timeline, the version check, and the start-up check that processes, forms and
 * handlers agree. Engine calls stay behind these services (DESIGN: a move to a compatible fork stays a dependency
 * change).
 */
@ApplicationModule(displayName = "Workflow and case layer", allowedDependencies = {"platform", "audit", "security"})
package jp.lg.immunization.workflow;

import org.springframework.modulith.ApplicationModule;
