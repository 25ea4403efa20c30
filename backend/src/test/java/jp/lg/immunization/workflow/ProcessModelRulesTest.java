package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.lg.immunization.IntegrationTest;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start-up check on what a process itself declares: its delegates and the statuses its steps enter. */
@IntegrationTest
class ProcessModelRulesTest {

  @Autowired
  ProcessConsistency consistency;

  @Test
  void theDeployedProcessesFormsAndHandlersAgree() {
    assertThat(consistency.problems(ProcessConsistency.processFiles(
        ProcessDeployment.read(ProcessDeployment.PROCESSES)))).isEmpty();
  }

  @Test
  void aDelegateThatIsNoBeanAMethodCalledFromAnExpressionAndAStatusTheCaseTypeLacksAreNamed() {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="test">
          <bpmn:process id="ReliefClaim" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Received">
              <bpmn:extensionElements>
                <camunda:properties><camunda:property name="caseStatus" value="RECIEVED" /></camunda:properties>
              </bpmn:extensionElements>
            </bpmn:startEvent>
            <bpmn:serviceTask id="Forward" camunda:delegateExpression="${forwardReliefClaims}" />
            <bpmn:serviceTask id="Route" camunda:expression="${provisionSteps.route(execution)}" />
          </bpmn:process>
        </bpmn:definitions>""";
    var file = new ProcessConsistency.ProcessFile("processes/broken.bpmn", bpmn,
        Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8))));

    assertThat(consistency.problems(List.of(file))).contains(
        "processes/broken.bpmn: delegate bean 'forwardReliefClaims' does not exist",
        "processes/broken.bpmn: expression calls provisionSteps.route(...); name a JavaDelegate bean with "
            + "delegateExpression instead",
        "processes/broken.bpmn Received: caseStatus RECIEVED is not a status of jp.lg.immunization.relief.ReliefClaim$Status");
  }
}
