/**
 * Residents' requests about their personal information (開示・訂正・利用停止請求, R28): intake, identity check, the
 * collected data, decision and approval, the one extension, corrections and the notice; and the receipts of
 * inquiries and complaints with the tracking of serious incidents (R29).
 */
@ApplicationModule(displayName = "Disclosure requests and inquiries",
    allowedDependencies = {"platform", "audit", "security", "workflow", "resident"})
package jp.lg.immunization.disclosure;

import org.springframework.modulith.ApplicationModule;
