package jp.lg.immunization.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * What the app reads from a deployed BPMN model: forms, starter groups and the four-eyes rule of each
 * user task ({@code <camunda:property name="fourEyesAgainst" value="TaskA,TaskB"/>}: whoever completed
 * one of those steps in the same case may not do this one; {@code CaseStarter} names who started it).
 */
@Component
class ProcessModels {

  static final String FOUR_EYES_PROPERTY = "fourEyesAgainst";
  /** In fourEyesAgainst: the user who started the case (e.g. a requester may not approve their own query). */
  static final String STARTER = "CaseStarter";

  record StepModel(String formId, Set<String> fourEyesAgainst) {

    boolean againstStarter() {
      return fourEyesAgainst.contains(STARTER);
    }
  }

  record ProcessModel(String definitionId, String key, String name, String description, String startFormId,
                      Set<String> starterGroups, Map<String, StepModel> steps) {}

  private final RepositoryService repository;
  private final Map<String, ProcessModel> byDefinitionId = new ConcurrentHashMap<>();

  ProcessModels(RepositoryService repository) {
    this.repository = repository;
  }

  ProcessModel byDefinitionId(String definitionId) {
    return byDefinitionId.computeIfAbsent(definitionId, this::load);
  }

  StepModel step(String definitionId, String taskKey) {
    StepModel step = byDefinitionId(definitionId).steps().get(taskKey);
    return step == null ? new StepModel(null, Set.of()) : step;
  }

  List<ProcessModel> latest() {
    return repository.createProcessDefinitionQuery().latestVersion().active().list().stream()
        .map(ProcessDefinition::getId).map(this::byDefinitionId).toList();
  }

  private ProcessModel load(String definitionId) {
    ProcessDefinition definition = repository.getProcessDefinition(definitionId);
    BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
    Process process = model.getModelElementById(definition.getKey());
    String startFormId = model.getModelElementsByType(StartEvent.class).stream()
        .filter(start -> start.getParentElement() == process)
        .map(StartEvent::getCamundaFormRef).filter(ref -> ref != null).findFirst().orElse(null);
    Map<String, StepModel> steps = new ConcurrentHashMap<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      steps.put(task.getId(), new StepModel(task.getCamundaFormRef(), fourEyesAgainst(task)));
    }
    String description = process.getDocumentations().stream().map(doc -> doc.getTextContent().trim())
        .findFirst().orElse("");
    return new ProcessModel(definitionId, definition.getKey(), definition.getName(), description, startFormId,
        split(process.getCamundaCandidateStarterGroups()), Map.copyOf(steps));
  }

  private static Set<String> fourEyesAgainst(UserTask task) {
    return ProcessConsistency.property(task, FOUR_EYES_PROPERTY).map(ProcessModels::split).orElse(Set.of());
  }

  private static Set<String> split(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return Set.of();
    }
    return Set.copyOf(Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }
}
