package jp.lg.immunization.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.SignedInUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
  private final HistoryService history;
  private final Map<String, List<CaseActors>> contributions = new HashMap<>();
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  FourEyes(JdbcTemplate jdbc, HistoryService history, List<CaseActors> contributions, CurrentUser currentUser,
           AuditTrail audit) {
    this.jdbc = jdbc;
    this.history = history;
    this.currentUser = currentUser;
    this.audit = audit;
    contributions.forEach(actors -> this.contributions.computeIfAbsent(actors.processKey(), key -> new ArrayList<>())
        .add(actors));
  }

  String refusal(FourEyesRule rule, TaskSummary task, String username) {
    if (!rule.approval()) {
      return null;
    }
    return rule.refusal(task.taskKey(), actors(task.processInstanceId(), task.processKey(), task.caseId()), username);
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
        || instances.stream().anyMatch(instance -> actors(instance, processKey, businessKey).includes(username));
    if (involved || !user.candidateGroups().contains(FourEyesRule.APPROVER_GROUP)) {
      audit.recordRefusal(AuditOperation.TASK_REFUSED, null, "process=" + processKey + " case=" + businessKey
          + " action=" + what + " reason=four-eyes");
      throw ApiException.forbidden("four_eyes", SECOND_PERSON_REFUSAL);
    }
  }

  private FourEyesRule.Actors actors(String processInstanceId, String processKey, String businessKey) {
    Map<String, Set<String>> completed = new HashMap<>();
    jdbc.query("""
        select task_key, completed_by from task_view
        where process_instance_id = ? and status = 'COMPLETED' and completed_by is not null""",
        rs -> {
          completed.computeIfAbsent(rs.getString(1), key -> new HashSet<>()).add(rs.getString(2));
        }, processInstanceId);
    HistoricVariableInstance starter = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceId).variableName(ProcessCatalog.STARTED_BY).singleResult();
    return new FourEyesRule.Actors(starter == null ? null : (String) starter.getValue(), completed,
        contributed(processKey, businessKey));
  }

  private Set<String> contributed(String processKey, String businessKey) {
    Set<String> users = new HashSet<>();
    contributions.getOrDefault(processKey, List.of()).forEach(actors -> users.addAll(actors.of(businessKey)));
    return users;
  }
}
