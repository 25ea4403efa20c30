package jp.lg.immunization.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.SignedInUser;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The four-eyes rule of the engine layer (DESIGN rule 2): nobody approves or checks a case they started or worked on
 * (did another of its steps, or changed it outside its steps), unless the step's BPMN exempts that work with a reason
 * ({@link FourEyesRule}). Every process gets it from its BPMN; no process codes it again. Modules also ask it before
 * a change outside the steps that needs a second person ({@link #requireSecondPerson}).
 */
@Service
public class FourEyes {

  static final String SECOND_PERSON_REFUSAL = "この操作は、この案件に関わっていない上長が行ってください（四つの目の原則）";

  private final JdbcTemplate jdbc;
  private final TaskInbox inbox;
  private final HistoryService history;
  private final Map<String, List<CaseActors>> contributions = new HashMap<>();
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  FourEyes(JdbcTemplate jdbc, TaskInbox inbox, HistoryService history, List<CaseActors> contributions,
           CurrentUser currentUser, AuditTrail audit) {
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.history = history;
    this.currentUser = currentUser;
    this.audit = audit;
    contributions.forEach(actors -> this.contributions.computeIfAbsent(actors.processKey(), key -> new ArrayList<>())
        .add(actors));
  }

  String refusal(FourEyesRule rule, TaskSummary task, String username) {
    return refusals(List.of(task), listed -> rule, username).get(task.id());
  }

  /**
   * Why the user may not do each of these steps, by task id (allowed steps are absent), e.g. for a page of the approval
   * queue: the actors of all their cases are read in two queries, not two per step.
   */
  Map<String, String> refusals(List<TaskSummary> tasks, Function<TaskSummary, FourEyesRule> rules, String username) {
    return refusals(tasks, rules, username, inbox::completedSteps);
  }

  /**
   * As {@link #refusals(List, Function, String)}, with the completed steps of the tasks' instances as the caller has
   * read them already ({@link TaskInbox#completedSteps} of at least these instances), e.g. for the cases' history on
   * the same page: read once, not once for the history and once for the rule.
   */
  Map<String, String> refusals(List<TaskSummary> tasks, Function<TaskSummary, FourEyesRule> rules, String username,
                               Map<String, List<TaskInbox.CompletedStep>> completedSteps) {
    return refusals(tasks, rules, username, instances -> completedSteps);
  }

  private Map<String, String> refusals(List<TaskSummary> tasks, Function<TaskSummary, FourEyesRule> rules,
      String username, Function<Collection<String>, Map<String, List<TaskInbox.CompletedStep>>> completedSteps) {
    List<TaskSummary> guarded = tasks.stream().filter(task -> rules.apply(task).approval()).toList();
    Map<String, FourEyesRule.Actors> actors = actors(guarded.stream().collect(Collectors.toMap(
        TaskSummary::processInstanceId, task -> new Case(task.processKey(), task.caseId()), (first, second) -> first)),
        completedSteps);
    Map<String, String> refusals = new HashMap<>();
    guarded.forEach(task -> {
      String refusal = rules.apply(task).refusal(task.taskKey(), actors.get(task.processInstanceId()), username);
      if (refusal != null) {
        refusals.put(task.id(), refusal);
      }
    });
    return refusals;
  }

  /**
   * For a change outside the steps that needs a second person (README, "Second person"): only a supervisor who has
   * not started or worked on the case may make it; anyone else is refused, and the refusal audited.
   */
  public void requireSecondPerson(String processKey, String businessKey, String what) {
    SignedInUser user = currentUser.get();
    String username = user.username();
    List<String> instances = jdbc.queryForList("""
        select distinct process_instance_id from task_view where process_key = ? and case_id = ?""",
        String.class, processKey, businessKey);
    boolean involved = contributed(processKey, businessKey).contains(username)
        || actors(instances.stream().collect(Collectors.toMap(instance -> instance,
            instance -> new Case(processKey, businessKey))), inbox::completedSteps).values().stream()
            .anyMatch(actors -> actors.includes(username));
    if (involved || !user.candidateGroups().contains(FourEyesRule.APPROVER_GROUP)) {
      audit.recordRefusal(AuditOperation.TASK_REFUSED, null, "process=" + processKey + " case=" + businessKey
          + " action=" + what + " reason=four-eyes");
      throw ApiException.forbidden("four_eyes", SECOND_PERSON_REFUSAL);
    }
  }

  /** A process instance's case: the contributions outside its steps are named by process and business key. */
  private record Case(String processKey, String businessKey) {}

  /**
   * Who has worked on the cases of these process instances, by instance: one query for the completed steps and one
   * for the starters, however many instances.
   */
  private Map<String, FourEyesRule.Actors> actors(Map<String, Case> instances,
      Function<Collection<String>, Map<String, List<TaskInbox.CompletedStep>>> completedSteps) {
    if (instances.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, Set<String>>> completed = new HashMap<>();
    completedSteps.apply(instances.keySet()).forEach((instance, steps) -> steps.stream()
        .filter(step -> step.completedBy() != null)
        .forEach(step -> completed.computeIfAbsent(instance, key -> new HashMap<>())
            .computeIfAbsent(step.taskKey(), key -> new HashSet<>()).add(step.completedBy())));
    Map<String, String> starters = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances.keySet().toArray(String[]::new))
        .variableName(ProcessCatalog.STARTED_BY).list()
        .forEach(starter -> starters.put(starter.getProcessInstanceId(), (String) starter.getValue()));
    Map<Case, Set<String>> changedOutsideSteps = new HashMap<>();
    Map<String, FourEyesRule.Actors> actors = new HashMap<>();
    instances.forEach((instance, ofCase) -> actors.put(instance, new FourEyesRule.Actors(starters.get(instance),
        completed.getOrDefault(instance, Map.of()), changedOutsideSteps.computeIfAbsent(ofCase,
            known -> contributed(known.processKey(), known.businessKey())))));
    return actors;
  }

  private Set<String> contributed(String processKey, String businessKey) {
    Set<String> users = new HashSet<>();
    contributions.getOrDefault(processKey, List.of()).forEach(actors -> users.addAll(actors.of(businessKey)));
    return users;
  }
}
