package jp.lg.immunization.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Simulators answer for national systems (a simulated Ministry 認定 allows relief payments): switched on outside demo
 * mode, they would let an administrator make up the recognitions real money depends on. Such a start-up stops here.
 */
@Component
@SimulatorsOnly
class SimulatorsNeedDemoMode {

  static final String REFUSAL = "immunization.simulators.enabled=true needs demo mode (immunization.demo.enabled=true):"
      + " simulators of national and city systems never load with real data";

  SimulatorsNeedDemoMode(@Value("${immunization.demo.enabled:false}") boolean demo) {
    if (!demo) {
      throw new IllegalStateException(REFUSAL);
    }
  }
}
