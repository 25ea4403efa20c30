package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The four-eyes rule of the engine layer (R02, R13, R14, R17-R19, R21, R22, R26, R28, R33): nobody approves or checks
 * a case they started or worked on. Walks every approval step of every deployed process against every earlier actor:
 * the starter, whoever completed each other user task of the process, and whoever changed the case outside its steps.
 */
class FourEyesTest {

  private static final String UNINVOLVED = "uninvolved";

  record Approval(String file, String processKey, UserTask task, FourEyesRule rule, List<String> otherSteps) {}

  static List<Approval> approvalSteps() {
    List<Approval> approvals = new ArrayList<>();
    for (ProcessConsistency.ProcessFile file : ProcessConsistency.processFiles(
        ProcessDeployment.read(ProcessDeployment.PROCESSES))) {
      for (Process process : file.model().getModelElementsByType(Process.class)) {
        // One process a file: its user tasks, also those of its subprocesses.
        List<UserTask> tasks = List.copyOf(file.model().getModelElementsByType(UserTask.class));
        for (UserTask task : tasks) {
          FourEyesRule rule = FourEyesRule.of(task);
          if (rule.approval()) {
            approvals.add(new Approval(file.file(), process.getId(), task, rule, tasks.stream().map(UserTask::getId)
                .filter(id -> !id.equals(task.getId())).toList()));
          }
        }
      }
    }
    return approvals;
  }

  @Test
  void R14_R21_R33_everyApprovalStepOfEveryProcessRefusesEveryEarlierActorUnlessItsBpmnSaysWhy() {
    List<Approval> approvals = approvalSteps();
    // Every process whose cases are approved or double-checked (15 processes, 18 steps) is walked.
    assertThat(approvals).extracting(Approval::processKey).contains("CoPayExemption", "DoseBatchRegistration",
        "FukuhonCorrection", "FukuhonRegistration", "InformationProvision", "InformationQuery",
        "NonResidentConfirmation", "ReliefClaim", "ReliefPaymentRun", "ReliefEntitlementRevision",
        "ResidentDataRequest", "LongTermIllnessException", "ResidentIdentityCorrection", "WrongVaccinationReport",
        "ResidentEntryByStaff");
    assertThat(approvals).hasSize(18);
    List<String> walked = new ArrayList<>();
    for (Approval approval : approvals) {
      String step = approval.task().getId();
      Map<String, Set<String>> history = new HashMap<>();
      approval.otherSteps().forEach(other -> history.put(other, Set.of("did-" + other)));
      history.put(step, Set.of("did-this-step-before"));
      FourEyesRule.Actors actors = new FourEyesRule.Actors("starter", history, Set.of("changed-outside-steps"));

      assertThat(approval.rule().refusal(step, actors, "starter")).as(approval.file() + " " + step + " starter")
          .isEqualTo(approval.rule().allows().contains(FourEyesRule.STARTER) ? null : FourEyesRule.STARTER_REFUSAL);
      for (String other : approval.otherSteps()) {
        String refusal = approval.rule().refusal(step, actors, "did-" + other);
        if (approval.rule().allows().contains(other)) {
          assertThat(refusal).as(approval.file() + " " + step + " allows " + other).isNull();
          assertThat(approval.rule().reason()).as(approval.file() + " " + step + " reason").isNotBlank();
        } else {
          assertThat(refusal).as(approval.file() + " " + step + " after " + other).isEqualTo(FourEyesRule.STEP_REFUSAL);
        }
        walked.add(approval.processKey() + "/" + step + "<-" + other);
      }
      assertThat(approval.rule().refusal(step, actors, "changed-outside-steps"))
          .as(approval.file() + " " + step + " changed outside").isEqualTo(FourEyesRule.CHANGED_REFUSAL);
      // The same approver may decide again after a send-back, and anybody uninvolved may approve.
      assertThat(approval.rule().refusal(step, actors, "did-this-step-before")).isNull();
      assertThat(approval.rule().refusal(step, actors, UNINVOLVED)).isNull();
    }
    assertThat(walked).contains("ReliefClaim/ApproveMunicipalDecision<-RecordCommitteeOpinion",
        "FukuhonRegistration/ApproveFukuhon<-DoubleCheckFukuhon", "ResidentDataRequest/ApproveRequestDecision<-CheckRequesterIdentity",
        "CoPayExemption/ApproveExemption<-IdentifyApplicant",
        "WrongVaccinationReport/ApproveWrongVaccinationReport<-RecordClinicInformed");
  }

  @Test
  void R14_theActorsOfACaseAreItsStarterWhoeverDidAStepAndWhoeverChangedIt() {
    FourEyesRule.Actors actors = new FourEyesRule.Actors("starter", Map.of("A", Set.of("worker"), "B", Set.of()),
        Set.of("changer"));
    assertThat(List.of("starter", "worker", "changer")).allMatch(actors::includes);
    assertThat(actors.includes("uninvolved")).isFalse();
    assertThat(new FourEyesRule.Actors(null, Map.of(), Set.of()).includes("anyone")).isFalse();
  }

  @Test
  void R14_aListOfStepsIsReadWithSpacesAndEmptyItemsLeftOut() {
    assertThat(FourEyesRule.split(null)).isEmpty();
    assertThat(FourEyesRule.split("  ")).isEmpty();
    assertThat(FourEyesRule.split(" A, ,B ,A")).containsExactlyInAnyOrder("A", "B");
  }

  @Test
  void R14_stepsWithoutTheRuleRefuseNobody() {
    FourEyesRule.Actors actors = new FourEyesRule.Actors("starter", Map.of("Other", Set.of("worker")), Set.of("changer"));
    for (String user : List.of("starter", "worker", "changer")) {
      assertThat(FourEyesRule.UNGUARDED.refusal("Step", actors, user)).isNull();
    }
  }

  @Test
  void R14_aSupervisorsStepMustDeclareItsRuleAndEveryExceptionItsReason() {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="test">
          <bpmn:process id="P" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:userTask id="Decide" camunda:candidateGroups="staff" />
            <bpmn:userTask id="Undeclared" camunda:candidateGroups="staff,supervisor" />
            <bpmn:userTask id="NoneWithoutReason" camunda:candidateGroups="supervisor">
              <bpmn:extensionElements><camunda:properties>
                <camunda:property name="fourEyes" value="none" />
              </camunda:properties></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:userTask id="AllowsWithoutReason" camunda:candidateGroups="supervisor">
              <bpmn:extensionElements><camunda:properties>
                <camunda:property name="fourEyes" value="approval" />
                <camunda:property name="fourEyesAllows" value="Decide,Missing" />
              </camunda:properties></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:userTask id="Misspelt" camunda:candidateGroups="staff">
              <bpmn:extensionElements><camunda:properties>
                <camunda:property name="fourEyes" value="aproval" />
                <camunda:property name="fourEyesAllows" value="CaseStarter" />
                <camunda:property name="fourEyesReason" value="r" />
              </camunda:properties></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:userTask id="Declared" camunda:candidateGroups="supervisor">
              <bpmn:extensionElements><camunda:properties>
                <camunda:property name="fourEyes" value="approval" />
                <camunda:property name="fourEyesAllows" value="CaseStarter, Decide" />
                <camunda:property name="fourEyesReason" value="理由" />
              </camunda:properties></bpmn:extensionElements>
            </bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>""";
    var model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
    Set<String> ids = new HashSet<>();
    model.getModelElementsByType(UserTask.class).forEach(task -> ids.add(task.getId()));
    List<String> problems = new ArrayList<>();
    model.getModelElementsByType(UserTask.class).forEach(task -> problems.addAll(FourEyesRule.problems("p.bpmn", task, ids)));

    assertThat(problems).containsExactlyInAnyOrder(
        "p.bpmn Undeclared: a supervisor's step must declare fourEyes (approval, or none with a fourEyesReason)",
        "p.bpmn NoneWithoutReason: an exception to the four-eyes rule needs its fourEyesReason",
        "p.bpmn AllowsWithoutReason: an exception to the four-eyes rule needs its fourEyesReason",
        "p.bpmn AllowsWithoutReason: fourEyesAllows names Missing, which is no user task of the process",
        "p.bpmn Misspelt: fourEyes must be approval or none, not aproval",
        "p.bpmn Misspelt: fourEyesAllows without fourEyes=approval");
    UserTask declared = model.getModelElementById("Declared");
    assertThat(FourEyesRule.of(declared)).isEqualTo(new FourEyesRule(true, Set.of("CaseStarter", "Decide"), "理由"));
    FourEyesRule.Actors actors = new FourEyesRule.Actors("starter", Map.of("Decide", Set.of("decider"),
        "Undeclared", Set.of("other")), Set.of());
    assertThat(FourEyesRule.of(declared).refusal("Declared", actors, "starter")).isNull();
    assertThat(FourEyesRule.of(declared).refusal("Declared", actors, "decider")).isNull();
    assertThat(FourEyesRule.of(declared).refusal("Declared", actors, "other"))
        .isEqualTo(FourEyesRule.STEP_REFUSAL);
  }
}
