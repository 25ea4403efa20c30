package jp.lg.immunization.workflow;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/** The typed handlers of user tasks and the case starters of processes, found by process key and task id. */
@Component
class ProcessSteps {

  /** A handler or starter with the record class its form values become. */
  record Typed<T>(T target, String processKey, String taskKey, Class<? extends Record> formType) {}

  private final Map<String, Typed<StepHandler<?>>> handlers = new HashMap<>();
  private final Map<String, Typed<CaseStarter<?>>> starters = new HashMap<>();

  ProcessSteps(List<StepHandler<?>> stepHandlers, List<CaseStarter<?>> caseStarters) {
    for (StepHandler<?> handler : stepHandlers) {
      Set<Step> registrations = AnnotationUtils.getRepeatableAnnotations(AopUtils.getTargetClass(handler), Step.class);
      if (registrations.isEmpty()) {
        throw new IllegalStateException(AopUtils.getTargetClass(handler).getName() + " needs @Step");
      }
      for (Step step : registrations) {
        Typed<StepHandler<?>> typed = new Typed<>(handler, step.process(), step.task(),
            formType(handler, StepHandler.class));
        if (handlers.putIfAbsent(key(step.process(), step.task()), typed) != null) {
          throw new IllegalStateException("Two handlers for step " + step.task() + " of " + step.process());
        }
      }
    }
    for (CaseStarter<?> starter : caseStarters) {
      if (starters.putIfAbsent(starter.processKey(), new Typed<>(starter, starter.processKey(), null,
          formType(starter, CaseStarter.class))) != null) {
        throw new IllegalStateException("Two case starters for " + starter.processKey());
      }
    }
  }

  boolean startable(String processKey) {
    return starters.containsKey(processKey);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  CaseStarter.StartedCase start(String processKey, Map<String, Object> accepted) {
    Typed<CaseStarter<?>> starter = starters.get(processKey);
    return ((CaseStarter) starter.target()).start(FormValues.read(starter.formType(), accepted));
  }

  /** Hands a completed step's validated values to its handler, if the step has one. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void complete(String processKey, String taskKey, String businessKey, Map<String, Object> accepted) {
    Typed<StepHandler<?>> handler = handlers.get(key(processKey, taskKey));
    if (handler != null) {
      ((StepHandler) handler.target()).complete(businessKey, FormValues.read(handler.formType(), accepted));
    }
  }

  Collection<Typed<StepHandler<?>>> handlers() {
    return handlers.values();
  }

  Collection<Typed<CaseStarter<?>>> starters() {
    return starters.values();
  }

  Optional<Typed<StepHandler<?>>> handler(String processKey, String taskKey) {
    return Optional.ofNullable(handlers.get(key(processKey, taskKey)));
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Record> formType(Object target, Class<?> contract) {
    Class<?> resolved = ResolvableType.forClass(contract, AopUtils.getTargetClass(target)).getGeneric(0).resolve();
    if (resolved == null || !Record.class.isAssignableFrom(resolved)) {
      throw new IllegalStateException(target.getClass().getName() + " must name a record of its form's fields");
    }
    return (Class<? extends Record>) resolved;
  }

  private static String key(String processKey, String taskKey) {
    return processKey + "/" + taskKey;
  }
}
