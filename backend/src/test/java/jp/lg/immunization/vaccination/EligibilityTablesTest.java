package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The eligibility tables as files: staff may edit them in Camunda Modeler, so a mistyped date hint or a missing
 * description should fail the build rather than a counter clerk's screen.
 */
class EligibilityTablesTest {

  private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/dmn";

  private static final Map<String, Document> TABLES = new HashMap<>();

  @BeforeAll
  static void readTables() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (Resource resource : new PathMatchingResourcePatternResolver()
        .getResources("classpath*:processes/eligibility-*.dmn")) {
      try (InputStream in = resource.getInputStream()) {
        TABLES.put(resource.getFilename(), factory.newDocumentBuilder().parse(in));
      }
    }
  }

  @Test
  void everyRoutineVaccineAndTheLiveVaccineRuleHaveATable() {
    List<String> decisionIds = new ArrayList<>();
    TABLES.values().forEach(doc -> elements(doc.getDocumentElement(), DMN, "decision")
        .forEach(decision -> decisionIds.add(decision.getAttribute("id"))));

    List<String> expected = new ArrayList<>(Arrays.stream(Vaccine.values()).filter(Vaccine::routine)
        .map(Vaccine::decisionKey).toList());
    expected.add(Vaccine.LIVE_INTERVAL_DECISION);
    assertThat(decisionIds).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theEngineParsesEveryTable() throws Exception {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    for (Resource resource : new PathMatchingResourcePatternResolver()
        .getResources("classpath*:processes/eligibility-*.dmn")) {
      try (InputStream in = resource.getInputStream()) {
        assertThat(engine.parseDecisions(in)).as(resource.getFilename()).hasSize(1);
      }
    }
  }

  @Test
  void everyDecisionHasAHistoryTimeToLiveADiagramShapeAndDescribedRules() {
    TABLES.forEach((file, doc) -> {
      for (Element decision : elements(doc.getDocumentElement(), DMN, "decision")) {
        String id = decision.getAttribute("id");
        assertThat(decision.getAttributeNS(CAMUNDA, "historyTimeToLive")).as(file).isNotBlank();
        assertThat(elements(doc.getDocumentElement(), DMNDI, "DMNShape"))
            .as(file).anyMatch(shape -> shape.getAttribute("dmnElementRef").equals(id));
        for (Element rule : elements(decision, DMN, "rule")) {
          assertThat(text(rule, "description")).as(file + " " + rule.getAttribute("id")).isNotBlank();
        }
      }
    });
  }

  @Test
  void everyDateHintIsUnderstoodAndEveryReasonPlaceholderHasItsDate() {
    var anchors = new DateHints.Anchors(LocalDate.of(2020, 8, 1), LocalDate.of(2025, 11, 20),
        LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1), LocalDate.of(2025, 11, 10), Season.DEFAULT);
    int hints = 0;
    for (var entry : TABLES.entrySet()) {
      for (Element decision : elements(entry.getValue().getDocumentElement(), DMN, "decision")) {
        List<String> outputs = elements(decision, DMN, "output").stream().map(o -> o.getAttribute("name")).toList();
        for (Element rule : elements(decision, DMN, "rule")) {
          Map<String, String> row = new HashMap<>();
          List<Element> entries = elements(rule, DMN, "outputEntry");
          for (int i = 0; i < outputs.size(); i++) {
            String value = text(entries.get(i), "text").strip();
            row.put(outputs.get(i), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
          }
          String where = entry.getKey() + " " + rule.getAttribute("id");
          String from = row.getOrDefault("from", "");
          String until = row.getOrDefault("until", "");
          if (!from.isEmpty()) {
            assertThat(DateHints.from(from, anchors)).as(where).isNotNull();
            hints++;
          }
          if (!until.isEmpty()) {
            assertThat(DateHints.until(until, anchors)).as(where).isNotNull();
            hints++;
          }
          String reason = row.getOrDefault("reason", "");
          if (reason.contains("{from}")) {
            assertThat(from).as(where + " says {from}").isNotEmpty();
          }
          if (reason.contains("{until}")) {
            assertThat(until).as(where + " says {until}").isNotEmpty();
          }
          if (row.containsKey("status")) {
            assertThat(row.get("status")).as(where)
                .isIn("ELIGIBLE", "UPCOMING", "OVERDUE", "COMPLETED", "NOT_ELIGIBLE");
            assertThat(reason).as(where).isNotEmpty();
          }
        }
      }
    }
    assertThat(hints).isGreaterThan(100);
  }

  private static List<Element> elements(Element parent, String namespace, String name) {
    NodeList nodes = parent.getElementsByTagNameNS(namespace, name);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  private static String text(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagNameNS(DMN, name);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
  }
}
