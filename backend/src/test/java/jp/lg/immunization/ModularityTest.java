package jp.lg.immunization;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

  @Test
  void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
    ApplicationModules.of(ImmunizationOfficeApplication.class).verify();
  }
}
