package jp.lg.immunization.vaccination;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The deployed decision tables of processes/, evaluated by a history-free DMN engine: the process engine's own
 * evaluation would write every input (ages, birth dates, public-assistance status) into Camunda's decision
 * history, and each of a resident's many evaluations would cost a database write.
 *
 * <p>A table's row depends only on the values of its input columns: its rules are literal unary tests and literal
 * outputs. Each table is therefore evaluated once per distinct combination of those values and the row remembered
 * (a batch of 100,000 lines meets a few hundred combinations per table). The engine sees only the facts the table's
 * inputs name, so a rule that read any other variable would fail at its first evaluation instead of being
 * remembered under the wrong key.
 */
@Component
class DeployedDecisions {

  /** Rows remembered per table before the memo starts over: bounds memory where an input is a birth date. */
  static final int REMEMBERED_ROWS = 20_000;
  private static final Pattern FACT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final DmnEngine dmn = legacyFeel();
  private final Map<String, Table> tables = new ConcurrentHashMap<>();
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

  /**
   * The single row a FIRST-hit table yields; a table without a match for real facts is a modelling error.
   *
   * @param facts must carry every fact the table's inputs name (null where unknown); others are ignored
   * @return the row, shared and read-only
   */
  Map<String, Object> evaluate(String decisionKey, Map<String, Object> facts) {
    Table table = table(decisionKey);
    List<Object> inputs = new ArrayList<>(table.reads().size());
    for (String fact : table.reads()) {
      if (!facts.containsKey(fact)) {
        throw new IllegalArgumentException("Decision " + decisionKey + " reads " + fact + ", which is not given");
      }
      inputs.add(facts.get(fact));
    }
    Map<String, Object> row = table.rows().get(inputs);
    if (row == null) {
      row = evaluate(decisionKey, table, inputs);
      if (table.rows().size() >= REMEMBERED_ROWS) {
        table.rows().clear();
      }
      table.rows().put(inputs, row);
    }
    return row;
  }

  private Map<String, Object> evaluate(String decisionKey, Table table, List<Object> inputs) {
    Map<String, Object> read = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      read.put(table.reads().get(i), inputs.get(i));
    }
    DmnDecisionResultEntries row = dmn.evaluateDecision(table.decision(), Variables.fromMap(read)).getSingleResult();
    if (row == null) {
      throw new IllegalStateException("No rule of decision " + decisionKey + " matched " + read);
    }
    return Collections.unmodifiableMap(new HashMap<>(row.getEntryMap()));
  }

  /** A table with the facts its inputs read, in column order, and the rows met so far. */
  private record Table(DmnDecision decision, List<String> reads, Map<List<Object>, Map<String, Object>> rows) {}

  /** The latest deployed version; tables are deployed only at start-up, so it is read once. */
  private Table table(String decisionKey) {
    return tables.computeIfAbsent(decisionKey, key -> {
      DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .latestVersion().singleResult();
      if (definition == null) {
        throw new IllegalStateException("Decision " + key + " is not deployed");
      }
      DmnDecision decision;
      try (InputStream model = repository.getDecisionModel(definition.getId())) {
        decision = dmn.parseDecision(key, model);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Table(decision, reads(key, decision), new ConcurrentHashMap<>());
    });
  }

  private static List<String> reads(String decisionKey, DmnDecision decision) {
    if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
      throw new IllegalStateException("Decision " + decisionKey + " is not a decision table");
    }
    List<String> reads = new ArrayList<>();
    for (DmnDecisionTableInputImpl input : table.getInputs()) {
      String expression = input.getExpression() == null ? null : input.getExpression().getExpression();
      if (expression == null || !FACT_NAME.matcher(expression.strip()).matches()) {
        throw new IllegalStateException("Decision " + decisionKey + " has an input that is not a fact's name: "
            + expression);
      }
      reads.add(expression.strip());
    }
    return List.copyOf(reads);
  }
}
