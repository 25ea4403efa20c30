package jp.lg.immunization.vaccination;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The deployed decision tables of processes/, evaluated by a history-free DMN engine: the process engine's own
 * evaluation would write every input (ages, birth dates, public-assistance status) into Camunda's decision
 * history, and each of a resident's many evaluations would cost a database write.
 */
@Component
class DeployedDecisions {

  private final DmnEngine dmn = legacyFeel();
  private final Map<String, DmnDecision> decisions = new ConcurrentHashMap<>();
  private final RepositoryService repository;

  DeployedDecisions(RepositoryService repository) {
    this.repository = repository;
  }

  /**
   * The tables use only the simple FEEL of unary tests (comparisons, ranges, lists) that the legacy engine also
   * reads; it evaluates a table in about 25 µs where the FEEL-Scala engine needs about 900 µs (measured here), and a
   * resident's forecast evaluates fifteen tables. EligibilityTest's case table proves both read the tables alike.
   */
  private static DmnEngine legacyFeel() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.enableFeelLegacyBehavior(true);
    return configuration.buildEngine();
  }

  /** The single row a FIRST-hit table yields; a table without a match for real facts is a modelling error. */
  Map<String, Object> evaluate(String decisionKey, Map<String, Object> facts) {
    DmnDecisionResultEntries row = dmn.evaluateDecision(decision(decisionKey), Variables.fromMap(facts))
        .getSingleResult();
    if (row == null) {
      throw new IllegalStateException("No rule of decision " + decisionKey + " matched " + facts);
    }
    return row.getEntryMap();
  }

  /** The latest deployed version; tables are deployed only at start-up, so it is read once. */
  private DmnDecision decision(String decisionKey) {
    return decisions.computeIfAbsent(decisionKey, key -> {
      DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .latestVersion().singleResult();
      if (definition == null) {
        throw new IllegalStateException("Decision " + key + " is not deployed");
      }
      try (InputStream model = repository.getDecisionModel(definition.getId())) {
        return dmn.parseDecision(key, model);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
