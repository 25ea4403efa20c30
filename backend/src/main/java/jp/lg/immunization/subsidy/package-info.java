/**
 * 自己負担金免除申請 (R26): applications at the counter or from ぴったりサービス, the match of local-tax and
 * public-assistance status through 庁内連携 (a port with a simulator), the decision by the co-pay table or by staff
 * with a supervisor's approval, and the notice.
 */
@ApplicationModule(displayName = "Co-pay exemption",
    allowedDependencies = {"platform", "audit", "security", "workflow", "resident", "vaccination"})
package jp.lg.immunization.subsidy;

import org.springframework.modulith.ApplicationModule;
