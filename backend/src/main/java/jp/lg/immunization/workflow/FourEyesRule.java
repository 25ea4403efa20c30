package jp.lg.immunization.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The four-eyes rule of one user task as its BPMN declares it. A step with
 * {@code <camunda:property name="fourEyes" value="approval" />} checks or approves the case: nobody who started the
 * case, did any other step of it, or changed it outside its steps (a {@link CaseActors} contribution) may do it. The
 * BPMN may exempt named earlier steps ({@code fourEyesAllows="TaskA,CaseStarter"}) or say that a supervisor's step
 * approves nothing ({@code fourEyes="none"}), and either needs its reason ({@code fourEyesReason}) beside it.
 */
record FourEyesRule(boolean approval, Set<String> allows, String reason) {

  static final String PROPERTY = "fourEyes";
  static final String ALLOWS = "fourEyesAllows";
  static final String REASON = "fourEyesReason";
  static final String APPROVAL = "approval";
  static final String NONE = "none";
  /** In fourEyesAllows: the user who started the case. */
  static final String STARTER = "CaseStarter";
  /** The group whose steps approve: each of its steps must say whether it is guarded. */
  static final String APPROVER_GROUP = "supervisor";

  static final FourEyesRule UNGUARDED = new FourEyesRule(false, Set.of(), null);

  static final String STARTER_REFUSAL = "自分が依頼した案件を自分で承認・確認することはできません（四つの目の原則）";
  static final String STEP_REFUSAL = "この手順は、前の手順を行った職員とは別の職員が行う必要があります（四つの目の原則）";
  static final String CHANGED_REFUSAL = "この案件を変更した職員は、承認・確認できません（四つの目の原則）";

  /** Who has worked on a case: its starter, who completed which step, and who changed it outside its steps. */
  record Actors(String starter, Map<String, Set<String>> completedBySteps, Set<String> otherPaths) {

    boolean includes(String username) {
      return username.equals(starter) || otherPaths.contains(username)
          || completedBySteps.values().stream().anyMatch(users -> users.contains(username));
    }
  }

  /**
   * Why this user may not do the step {@code taskKey}, or null. A step sent back and done again by the same approver
   * is no earlier work: only other steps count.
   */
  String refusal(String taskKey, Actors actors, String username) {
    if (!approval) {
      return null;
    }
    for (Map.Entry<String, Set<String>> step : actors.completedBySteps().entrySet()) {
      if (!step.getKey().equals(taskKey) && !allows.contains(step.getKey()) && step.getValue().contains(username)) {
        return STEP_REFUSAL;
      }
    }
    if (!allows.contains(STARTER) && username.equals(actors.starter())) {
      return STARTER_REFUSAL;
    }
    return actors.otherPaths().contains(username) ? CHANGED_REFUSAL : null;
  }

  static FourEyesRule of(UserTask task) {
    boolean approval = ProcessConsistency.property(task, PROPERTY).map(APPROVAL::equals).orElse(false);
    return new FourEyesRule(approval, ProcessConsistency.property(task, ALLOWS).map(FourEyesRule::split).orElse(Set.of()),
        ProcessConsistency.property(task, REASON).filter(reason -> !reason.isBlank()).orElse(null));
  }

  /** What a BPMN file gets wrong about the rule of this task, for the start-up check. */
  static List<String> problems(String file, UserTask task, Set<String> taskIds) {
    List<String> problems = new ArrayList<>();
    String where = file + " " + task.getId() + ": ";
    String declared = ProcessConsistency.property(task, PROPERTY).orElse(null);
    FourEyesRule rule = of(task);
    if (declared == null && split(task.getCamundaCandidateGroups()).contains(APPROVER_GROUP)) {
      problems.add(where + "a supervisor's step must declare fourEyes (approval, or none with a fourEyesReason)");
    }
    if (declared != null && !APPROVAL.equals(declared) && !NONE.equals(declared)) {
      problems.add(where + "fourEyes must be approval or none, not " + declared);
    }
    if ((NONE.equals(declared) || !rule.allows().isEmpty()) && rule.reason() == null) {
      problems.add(where + "an exception to the four-eyes rule needs its fourEyesReason");
    }
    if (!rule.allows().isEmpty() && !rule.approval()) {
      problems.add(where + "fourEyesAllows without fourEyes=approval");
    }
    rule.allows().stream().filter(step -> !STARTER.equals(step) && !taskIds.contains(step)).sorted()
        .forEach(step -> problems.add(where + "fourEyesAllows names " + step + ", which is no user task of the process"));
    return problems;
  }

  static Set<String> split(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
