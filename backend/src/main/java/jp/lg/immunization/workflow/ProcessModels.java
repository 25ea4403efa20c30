package jp.lg.immunization.workflow;

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
 * What the app reads from a deployed BPMN model: forms, starter groups and the four-eyes rule of each user task
 * ({@link FourEyesRule}).
 */
@Component
class ProcessModels {

  record StepModel(String formId, FourEyesRule fourEyes) {}

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
    return step == null ? new StepModel(null, FourEyesRule.UNGUARDED) : step;
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
      steps.put(task.getId(), new StepModel(task.getCamundaFormRef(), FourEyesRule.of(task)));
    }
    String description = process.getDocumentations().stream().map(doc -> doc.getTextContent().trim())
        .findFirst().orElse("");
    return new ProcessModel(definitionId, definition.getKey(), definition.getName(), description, startFormId,
        FourEyesRule.split(process.getCamundaCandidateStarterGroups()), Map.copyOf(steps));
  }

}
