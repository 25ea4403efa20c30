package jp.lg.immunization.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/** Registers a {@link StepHandler} (a bean) under the user task it completes. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface Step {

  /** The process key, e.g. {@code ReliefClaim}. */
  String process();

  /** The user task's BPMN id, e.g. {@code ReviewLateClaim}. */
  String task();
}
