package jp.lg.immunization.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Registers a {@link StepHandler} (a bean) under the user task it completes. Repeatable for one handler of the same
 * step in two processes (e.g. the supervisor's approval of a 副本 registration and of a correction).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Repeatable(Step.List.class)
public @interface Step {

  /** The process key, e.g. {@code ReliefClaim}. */
  String process();

  /** The user task's BPMN id, e.g. {@code ReviewLateClaim}. */
  String task();

  /** The container of repeated {@link Step}s. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Component
  @interface List {

    Step[] value();
  }
}
