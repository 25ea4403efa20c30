/**
 * The resident register (住民基本台帳 extract, 住登外者) and 個人番号: search, the resident's case page, cohorts for
 * other modules, and 住登外者確認 (R02) through 住基ネット / 市町村CS, a port with a simulator. Residents arrive
 * through the resident register feed (sub-package {@code feed}: files, checks, application in 異動日 order,
 * reconciliation), by staff entry (職権修正) or from 市町村CS; each change is published as
 * {@link jp.lg.immunization.resident.ResidentRegisterChanged} for other modules to react to.
 */
@ApplicationModule(displayName = "Residents",
    allowedDependencies = {"platform", "audit", "security", "workflow"})
package jp.lg.immunization.resident;

import org.springframework.modulith.ApplicationModule;
