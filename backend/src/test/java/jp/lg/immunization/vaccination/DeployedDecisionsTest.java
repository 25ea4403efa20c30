package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.lg.immunization.IntegrationTest;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * DeployedDecisions remembers a table's row by the facts its inputs read. These tests hold it to the engine's own
 * answer for the whole fact map, across residents of every age and dose history, so that a memo keyed on too few
 * facts (or a table that starts reading an undeclared variable) fails here and not in a batch's verdicts.
 */
@IntegrationTest
class DeployedDecisionsTest {

  private static final String[] CATEGORIES = {"1期", "2期", "1回目", "2回目", "初回1回目", "初回2回目", "追加", "1回", null};

  @Autowired DeployedDecisions decisions;

  @Test
  void aRememberedRowIsTheRowTheEngineFindsWithEveryFact() throws Exception {
    DmnEngine engine = legacyEngine();
    Random random = new Random(19);
    for (Vaccine vaccine : Arrays.stream(Vaccine.values()).filter(Vaccine::routine).toList()) {
      DmnDecision table = parse(engine, vaccine.decisionKey());
      for (int i = 0; i < 3_000; i++) {
        // Few distinct residents per table, so that most answers below come from the memo.
        Map<String, Object> facts = randomResident(new Random(random.nextInt(300)), vaccine).facts(vaccine);
        assertThat(decisions.evaluate(vaccine.decisionKey(), facts)).as("%s for %s", vaccine, facts)
            .isEqualTo(engine.evaluateDecision(table, Variables.fromMap(facts)).getSingleResult().getEntryMap());
      }
    }
    DmnDecision liveInterval = parse(engine, Vaccine.LIVE_INTERVAL_DECISION);
    for (int days = 0; days < 60; days++) {
      Map<String, Object> facts = Map.of("injectedLive", true, "daysBetweenOtherLive", days % 40);
      assertThat(decisions.evaluate(Vaccine.LIVE_INTERVAL_DECISION, facts))
          .isEqualTo(engine.evaluateDecision(liveInterval, Variables.fromMap(facts)).getSingleResult().getEntryMap());
    }
  }

  @Test
  void factsThatATableReadsMustAllBeGiven() {
    Map<String, Object> facts = new HashMap<>(randomResident(new Random(1), Vaccine.MR).facts(Vaccine.MR));
    facts.remove("grade");
    assertThatThrownBy(() -> decisions.evaluate(Vaccine.MR.decisionKey(), facts))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grade");
  }

  private static Series randomResident(Random random, Vaccine vaccine) {
    LocalDate on = LocalDate.of(2026, 12, 7).minusDays(random.nextInt(800));
    LocalDate birth = on.minusDays(random.nextInt(random.nextBoolean() ? 80 * 366 : 14 * 366));
    List<DoseRecords.Dose> doses = new ArrayList<>();
    int count = random.nextInt(5);
    long lifeDays = Math.max(1, on.toEpochDay() - birth.toEpochDay());
    for (int i = 0; i < count; i++) {
      doses.add(new DoseRecords.Dose(random.nextInt(6) == 0 ? "五種混合" : vaccine.japaneseName(),
          CATEGORIES[random.nextInt(CATEGORIES.length)], birth.plusDays(random.nextLong(lifeDays)), null, null));
    }
    return new Series(new Series.Person(birth, random.nextBoolean() ? "MALE" : "FEMALE", random.nextBoolean(), on),
        Season.DEFAULT, doses);
  }

  private static DmnEngine legacyEngine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.enableFeelLegacyBehavior(true);
    return configuration.buildEngine();
  }

  private static DmnDecision parse(DmnEngine engine, String decisionKey) throws Exception {
    for (Resource resource : new PathMatchingResourcePatternResolver()
        .getResources("classpath*:processes/eligibility-*.dmn")) {
      try (InputStream in = resource.getInputStream()) {
        for (DmnDecision decision : engine.parseDecisions(in)) {
          if (decision.getKey().equals(decisionKey)) {
            return decision;
          }
        }
      }
    }
    throw new IllegalStateException("No table " + decisionKey);
  }
}
