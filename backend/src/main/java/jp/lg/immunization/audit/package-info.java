/**
 * The audit trail (DESIGN rule 5): every access to personal data as an append-only, hash-chained event written in the
 * same transaction, its verification, export and search, and the abnormal-access report. Almost every module writes
 * to it, so it depends on nothing but the platform: residents are named through {@link AuditedResidents}, which the
 * register implements, and the acting user is read from the security context, not from the security module.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = {"platform"})
package jp.lg.immunization.audit;

import org.springframework.modulith.ApplicationModule;
