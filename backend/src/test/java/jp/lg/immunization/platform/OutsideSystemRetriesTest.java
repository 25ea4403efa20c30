package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every asynchronous step that calls a system outside the office waits out an outage on the outside systems' retry
 * cycle (issue 16: a 10-minute outage of any of them ends with every case going on by itself); the steps that only
 * work inside the app keep three quick attempts, since retrying a bug for half an hour helps nobody. A new step must
 * be put in one of the two lists, so that nobody adds a call to the network with the quick cycle by accident.
 */
class OutsideSystemRetriesTest {

  private static final String OUTSIDE_CYCLE = "${outsideSystemRetries.cycle}";
  private static final Map<String, String> STEPS_CALLING_OUTSIDE = Map.ofEntries(
      Map.entry("RequestIdentityLookup", "市町村CS"),
      Map.entry("SendQuery", "中間サーバー"),
      Map.entry("AnswerAutomatically", "中間サーバー"),
      Map.entry("SendApprovedProvision", "中間サーバー"),
      Map.entry("RefuseProvision", "中間サーバー"),
      Map.entry("RegisterFukuhon", "中間サーバー"),
      Map.entry("ApplyFukuhonCorrection", "中間サーバー"),
      Map.entry("RequestStatusMatch", "庁内連携"),
      Map.entry("ForwardToPrefecture", "都道府県・厚生労働省"),
      Map.entry("SendReportToPrefecture", "都道府県"),
      Map.entry("SendVrsMoverQuery", "VRS"),
      Map.entry("SendDosesToVrs", "VRS"));
  private static final Map<String, String> STEPS_INSIDE = Map.of(
      "CheckFeedFile", "R3/PT1M",
      "ValidateBatch", "R3/PT1M",
      "RegisterBatch", "R3/PT1M",
      "ApplyFeedFile", "R3/PT1M",
      "CompareWithRegister", "R3/PT1M");

  @Test
  void R02_everyStepCallingAnOutsideSystemUsesTheOutsideRetryCycleAndEveryOtherRetryingStepIsKnown()
      throws IOException {
    Map<String, String> cycles = new TreeMap<>();
    for (Resource bpmn : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      try (InputStream in = bpmn.getInputStream()) {
        for (ServiceTask step : Bpmn.readModelFromStream(in).getModelElementsByType(ServiceTask.class)) {
          if (step.getExtensionElements() == null) {
            continue;
          }
          step.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list()
              .forEach(cycle -> cycles.put(step.getId(), cycle.getTextContent().trim()));
        }
      }
    }
    Map<String, String> expected = new TreeMap<>(STEPS_INSIDE);
    STEPS_CALLING_OUTSIDE.keySet().forEach(step -> expected.put(step, OUTSIDE_CYCLE));
    assertThat(cycles).isEqualTo(expected);
  }

  @Test
  void aCycleWrittenWithSpacesIsHandedToTheEngineWithout() {
    assertThat(new OutsideSystemRetries("PT1M, PT2M, PT5M").getCycle()).isEqualTo("PT1M,PT2M,PT5M");
  }

  @Test
  void aCycleThatIsNotAListOfPositiveIntervalsStopsStartUp() {
    assertThatThrownBy(() -> new OutsideSystemRetries("R3/PT1M")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("immunization.outside-systems.retry-cycle");
    assertThatThrownBy(() -> new OutsideSystemRetries("PT1M,PT0S")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("positive");
  }
}
