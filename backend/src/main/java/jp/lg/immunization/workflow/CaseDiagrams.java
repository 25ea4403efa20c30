package jp.lg.immunization.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import jp.lg.immunization.security.SignedInUser;
import jp.lg.immunization.security.UserDirectory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's process diagram for a read-only viewer: the BPMN of the version it runs on, the steps it waits on now and
 * the elements it has passed, user steps with who did them and when. Names only of colleagues (staff see each other's
 * names anyway); the diagram holds no resident data.
 */
@Service
class CaseDiagrams {

  record Passed(String elementId, String name, String by, Instant at) {}

  record Diagram(String xml, List<String> current, List<Passed> passed) {}

  private final CaseAccess access;
  private final RepositoryService repository;
  private final HistoryService history;
  private final TaskInbox inbox;
  private final UserDirectory users;

  CaseDiagrams(CaseAccess access, RepositoryService repository, HistoryService history, TaskInbox inbox,
               UserDirectory users) {
    this.access = access;
    this.repository = repository;
    this.history = history;
    this.inbox = inbox;
    this.users = users;
  }

  @Transactional(readOnly = true)
  Diagram of(SignedInUser user, String processKey, String caseId) {
    String instanceId = access.require(user, processKey, caseId).processInstanceId();
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult();
    String xml;
    try (InputStream model = repository.getProcessModel(instance.getProcessDefinitionId())) {
      xml = new String(model.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Process model unreadable: " + instance.getProcessDefinitionId(), e);
    }
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(instanceId).orderByHistoricActivityInstanceStartTime().asc().list();
    List<String> current = activities.stream().filter(activity -> activity.getEndTime() == null)
        .map(HistoricActivityInstance::getActivityId).distinct().toList();
    List<Passed> passed = inbox.completedSteps(List.of(instanceId)).getOrDefault(instanceId, List.of()).stream()
        .map(step -> new Passed(step.taskKey(), step.name(), users.displayName(step.completedBy()), step.endedAt()))
        .toList();
    List<Passed> others = activities.stream()
        .filter(activity -> activity.getEndTime() != null && !"userTask".equals(activity.getActivityType()))
        .map(activity -> new Passed(activity.getActivityId(), activity.getActivityName(), null,
            activity.getEndTime().toInstant()))
        .toList();
    return new Diagram(xml, current, Stream.concat(passed.stream(), others.stream())
        .sorted(Comparator.comparing(Passed::at)).toList());
  }
}
