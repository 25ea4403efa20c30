/**
 * 予防接種健康被害救済 (R33): the claim process from intake to decision, notice, appeal and benefits, and the payment
 * run a supervisor approves in bulk. The Ministry is a port with a simulator.
 */
@ApplicationModule(displayName = "Health-damage relief",
    allowedDependencies = {"platform", "audit", "security", "workflow", "resident", "vaccination"})
package jp.lg.immunization.relief;

import org.springframework.modulith.ApplicationModule;
