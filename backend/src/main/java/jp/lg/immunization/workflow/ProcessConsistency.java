package jp.lg.immunization.workflow;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Checks before deployment that the processes, their forms, the typed step handlers and case starters, and the case
 * types agree, and stops start-up with every disagreement named by file and id: a renamed form field must not make
 * the server silently stop reading it. The rules:
 * <ul>
 *   <li>every form a user task or start event refers to exists;</li>
 *   <li>every handler names a user task of a process, and every field its record reads is in the task's form with a
 *       type it can take; the same for case starters and start forms;</li>
 *   <li>every {@code processVariable} field of a task's form is used by an expression of the process (a gateway's
 *       condition, a listener, a timer), so nothing goes to the engine for nothing;</li>
 *   <li>every {@code caseStatus} a step declares is a status of the process's case type, and every status of a case
 *       type has its label;</li>
 *   <li>every delegate a service task or listener names ({@code delegateExpression="${bean}"}) is a bean, and no
 *       expression calls a bean's method (one delegate style: small named beans);</li>
 *   <li>every supervisor's step declares its four-eyes rule, and every exception has its reason ({@link FourEyesRule}).</li>
 * </ul>
 */
@Component
class ProcessConsistency {

  /** A process as read from its file: the model and the raw text, whose expressions are searched for variables. */
  record ProcessFile(String file, String text, BpmnModelInstance model) {}

  private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
  /** A service task or listener calling a bean's method: the one delegate style is a named JavaDelegate bean. */
  private static final Pattern METHOD_EXPRESSION = Pattern.compile("\\bexpression=\"\\$\\{(\\w+\\.\\w+)\\(");

  private final FormRegistry forms;
  private final ProcessSteps steps;
  private final CaseStatusListener caseStatus;
  private final ListableBeanFactory beans;

  ProcessConsistency(FormRegistry forms, ProcessSteps steps, CaseStatusListener caseStatus,
                     ListableBeanFactory beans) {
    this.forms = forms;
    this.steps = steps;
    this.caseStatus = caseStatus;
    this.beans = beans;
  }

  /** @param resources what is about to be deployed, by stable name; its processes are checked */
  void verify(Map<String, String> resources) {
    List<String> problems = problems(processFiles(resources));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Processes, forms and step handlers disagree:\n  - "
          + String.join("\n  - ", problems));
    }
  }

  List<String> problems(Collection<ProcessFile> files) {
    List<String> problems = new ArrayList<>();
    Map<String, ProcessFile> byProcessKey = new HashMap<>();
    for (ProcessFile file : files) {
      Matcher delegate = DELEGATE_EXPRESSION.matcher(file.text());
      while (delegate.find()) {
        if (!beans.containsBean(delegate.group(1))) {
          problems.add(file.file() + ": delegate bean '" + delegate.group(1) + "' does not exist");
        }
      }
      Matcher method = METHOD_EXPRESSION.matcher(file.text());
      while (method.find()) {
        problems.add(file.file() + ": expression calls " + method.group(1) + "(...); name a JavaDelegate bean with "
            + "delegateExpression instead");
      }
      for (Process process : file.model().getModelElementsByType(Process.class)) {
        byProcessKey.put(process.getId(), file);
        checkProcess(file, process, problems);
      }
    }
    ResourceBundle labels = ResourceBundle.getBundle(CaseStatus.LABELS);
    caseStatus.all().stream().flatMap(type -> Arrays.stream(type.statusType().getEnumConstants()))
        .map(CaseStatus.class::cast)
        .filter(status -> !labels.containsKey(CaseStatus.labelKey(status)))
        .forEach(status -> problems.add("case status " + CaseStatus.labelKey(status) + " has no label in "
            + CaseStatus.LABELS + ".properties"));
    for (ProcessSteps.Typed<StepHandler<?>> handler : steps.handlers()) {
      ProcessFile file = byProcessKey.get(handler.processKey());
      BaseElement task = file == null ? null : file.model().getModelElementById(handler.taskKey());
      if (!(task instanceof UserTask userTask)) {
        problems.add(handlerName(handler) + " names " + handler.processKey() + "/" + handler.taskKey()
            + ", which is not a user task of a deployed process");
        continue;
      }
      checkRecord(file, handler.taskKey(), userTask.getCamundaFormRef(), handler.formType(), problems);
    }
    for (ProcessSteps.Typed<CaseStarter<?>> starter : steps.starters()) {
      ProcessFile file = byProcessKey.get(starter.processKey());
      Optional<StartEvent> start = file == null ? Optional.empty() : startEvent(file.model(), starter.processKey());
      if (start.isEmpty()) {
        problems.add(handlerName(starter) + " starts " + starter.processKey() + ", which is not a deployed process");
        continue;
      }
      checkRecord(file, start.get().getId(), start.get().getCamundaFormRef(), starter.formType(), problems);
    }
    return problems;
  }

  private void checkProcess(ProcessFile file, Process process, List<String> problems) {
    Set<String> taskIds = file.model().getModelElementsByType(UserTask.class).stream()
        .filter(task -> processOf(task) == process).map(UserTask::getId).collect(Collectors.toSet());
    for (FlowNode node : file.model().getModelElementsByType(FlowNode.class)) {
      if (processOf(node) != process) {
        continue;
      }
      if (node instanceof UserTask task) {
        problems.addAll(FourEyesRule.problems(file.file(), task, taskIds));
      }
      String formRef = node instanceof UserTask task ? task.getCamundaFormRef()
          : node instanceof StartEvent start ? start.getCamundaFormRef() : null;
      if (formRef != null) {
        Optional<FormDefinition> form = forms.find(formRef);
        if (form.isEmpty()) {
          problems.add(file.file() + " " + node.getId() + ": form " + formRef + " does not exist");
        } else if (node instanceof UserTask) {
          checkProcessVariables(file, node.getId(), form.get(), problems);
        }
      }
      property(node, CaseStatusListener.PROPERTY).ifPresent(status -> checkStatus(file, process, node, status,
          problems));
    }
  }

  private void checkProcessVariables(ProcessFile file, String taskId, FormDefinition form, List<String> problems) {
    form.fields().stream().filter(FormDefinition.Field::processVariable)
        .filter(field -> !Pattern.compile("[$#]\\{[^}]*\\b" + Pattern.quote(field.key()) + "\\b").matcher(file.text())
            .find())
        .forEach(field -> problems.add(file.file() + " " + taskId + ": processVariable field '" + field.key()
            + "' of " + forms.fileOf(form.id()) + " is used by no expression of the process"));
  }

  private void checkStatus(ProcessFile file, Process process, FlowNode node, String status, List<String> problems) {
    CaseStatusListener.Registered type;
    try {
      type = caseStatus.caseType(process.getId());
    } catch (IllegalStateException e) {
      problems.add(file.file() + " " + node.getId() + ": caseStatus " + status + " but no case type handles process "
          + process.getId());
      return;
    }
    if (!type.hasStatus(status)) {
      problems.add(file.file() + " " + node.getId() + ": caseStatus " + status + " is not a status of "
          + type.statusType().getName());
    }
  }

  private void checkRecord(ProcessFile file, String elementId, String formRef, Class<? extends Record> type,
                           List<String> problems) {
    if (formRef == null) {
      problems.add(file.file() + " " + elementId + ": " + type.getName() + " reads a form, but the step has none");
      return;
    }
    Optional<FormDefinition> form = forms.find(formRef);
    if (form.isEmpty()) {
      return;
    }
    FormValues.misfits(type, form.get()).forEach(misfit -> problems.add(file.file() + " " + elementId + ", "
        + forms.fileOf(formRef) + ": " + misfit));
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }

  private static Optional<StartEvent> startEvent(BpmnModelInstance model, String processKey) {
    Process process = model.getModelElementById(processKey);
    return process.getChildElementsByType(StartEvent.class).stream().findFirst();
  }

  static Optional<String> property(BaseElement element, String name) {
    if (element.getExtensionElements() == null) {
      return Optional.empty();
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .map(CamundaProperties::getCamundaProperties).flatMap(Collection::stream)
        .filter(property -> name.equals(property.getCamundaName())).map(CamundaProperty::getCamundaValue).findFirst();
  }

  private static String handlerName(ProcessSteps.Typed<?> typed) {
    return typed.target().getClass().getSimpleName().replaceAll("\\$\\$.*", "");
  }

  static List<ProcessFile> processFiles(Map<String, String> resources) {
    return resources.entrySet().stream().filter(resource -> resource.getKey().endsWith(".bpmn"))
        .map(resource -> new ProcessFile(resource.getKey(), resource.getValue(), Bpmn.readModelFromStream(
            new ByteArrayInputStream(resource.getValue().getBytes(StandardCharsets.UTF_8)))))
        .toList();
  }
}
