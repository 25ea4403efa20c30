package jp.lg.immunization.workflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
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

  private final ObjectProvider<CaseType<?>> caseTypes;
  private final Map<String, CaseType<?>> byProcessKey = new ConcurrentHashMap<>();

  CaseStatusListener(ObjectProvider<CaseType<?>> caseTypes) {
    this.caseTypes = caseTypes;
  }

  /** The listener of one step, made when the BPMN is parsed. */
  ExecutionListener at(String processKey, String status, String stepName, Position position) {
    return execution -> enter(execution, processKey, status, stepName, position);
  }

  CaseType<?> caseType(String processKey) {
    if (byProcessKey.isEmpty()) {
      caseTypes.orderedStream().forEach(type -> type.processKeys().forEach(key -> byProcessKey.put(key, type)));
    }
    CaseType<?> type = byProcessKey.get(processKey);
    if (type == null) {
      throw new IllegalStateException("No case type for process " + processKey);
    }
    return type;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void enter(DelegateExecution execution, String processKey, String status, String stepName, Position position) {
    CaseType type = caseType(processKey);
    String businessKey = execution.getProcessBusinessKey();
    type.enter(businessKey, Enum.valueOf(type.statusType(), status));
    if (position != Position.START) {
      type.timeline().ifPresent(timeline -> ((CaseTimeline) timeline).record(Long.parseLong(businessKey), "STEP",
          (position == Position.END ? "終了: " : "手順: ") + stepName, CaseTimeline.SYSTEM));
    }
  }
}
