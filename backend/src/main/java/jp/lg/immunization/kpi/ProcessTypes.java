package jp.lg.immunization.kpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/** Every deployed process (latest version) with its user tasks, read from the engine: nothing is hard-coded. */
@Component
class ProcessTypes {

  record TaskType(String key, String name) {}

  record ProcessType(String key, String name, List<TaskType> tasks) {}

  private final RepositoryService repository;
  private final Map<String, ProcessType> byDefinitionId = new ConcurrentHashMap<>();

  ProcessTypes(RepositoryService repository) {
    this.repository = repository;
  }

  /** By process key, in the order of their names. */
  Map<String, ProcessType> latest() {
    Map<String, ProcessType> types = new LinkedHashMap<>();
    repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(definition -> byDefinitionId.computeIfAbsent(definition.getId(), id -> load(definition)))
        .sorted(java.util.Comparator.comparing(ProcessType::name))
        .forEach(type -> types.put(type.key(), type));
    return types;
  }

  private ProcessType load(ProcessDefinition definition) {
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    List<TaskType> tasks = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      tasks.add(new TaskType(task.getId(), task.getName() == null ? task.getId() : task.getName()));
    }
    return new ProcessType(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName(),
        List.copyOf(tasks));
  }
}
