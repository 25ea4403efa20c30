package jp.lg.immunization.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * Moves a case to the status its step declares ({@code caseStatus}) as the process reaches the step, and records the
 * step on the case's timeline. Case types are looked up lazily: they depend on services that need the engine, which
 * is being built when the parse listener is made.
 */
@Component
class CaseStatusListener {

  static final String PROPERTY = "caseStatus";

  enum Position { START, STEP, END }

  /** A case type with what its declaration says: its processes and its status enum. */
  record Registered(CaseType<?> type, List<String> processKeys, Class<? extends Enum<?>> statusType) {

    boolean hasStatus(String name) {
      return Arrays.stream(statusType.getEnumConstants()).anyMatch(status -> status.name().equals(name));
    }
  }

  private final ObjectProvider<CaseType<?>> caseTypes;
  private final Map<String, Registered> byProcessKey = new ConcurrentHashMap<>();

  CaseStatusListener(ObjectProvider<CaseType<?>> caseTypes) {
    this.caseTypes = caseTypes;
  }

  /** The listener of one step, made when the BPMN is parsed. */
  ExecutionListener at(String processKey, String status, String stepName, Position position) {
    return execution -> enter(execution, processKey, status, stepName, position);
  }

  Registered caseType(String processKey) {
    if (byProcessKey.isEmpty()) {
      all().forEach(type -> type.processKeys().forEach(key -> byProcessKey.put(key, type)));
    }
    Registered type = byProcessKey.get(processKey);
    if (type == null) {
      throw new IllegalStateException("No case type for process " + processKey);
    }
    return type;
  }

  @SuppressWarnings("unchecked")
  List<Registered> all() {
    return caseTypes.orderedStream().map(type -> {
      Class<?> beanClass = AopUtils.getTargetClass(type);
      CaseProcesses processes = AnnotationUtils.findAnnotation(beanClass, CaseProcesses.class);
      if (processes == null) {
        throw new IllegalStateException(beanClass.getName() + " needs @CaseProcesses");
      }
      Class<?> statusType = ResolvableType.forClass(CaseType.class, beanClass).getGeneric(0).resolve();
      return new Registered(type, List.of(processes.value()), (Class<? extends Enum<?>>) statusType);
    }).toList();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void enter(DelegateExecution execution, String processKey, String status, String stepName, Position position) {
    Registered registered = caseType(processKey);
    CaseType type = registered.type();
    String businessKey = execution.getProcessBusinessKey();
    type.enter(businessKey, Enum.valueOf((Class) registered.statusType(), status));
    if (position != Position.START) {
      type.timeline().ifPresent(timeline -> ((CaseTimeline) timeline).record(Long.parseLong(businessKey), "STEP",
          (position == Position.END ? "終了" : "手順") + (stepName == null ? "" : ": " + stepName), CaseTimeline.SYSTEM));
    }
  }
}
