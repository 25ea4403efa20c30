package jp.lg.immunization.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that receives a system's answers (first argument: the request id): in its transaction the outbox
 * entry of that request is marked answered, so the relay stops sending it. A repeated answer is counted on the entry;
 * the receiver itself already changes nothing the second time.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OutboundAnswer {

  /** The same name as the {@link Outbound#system()} of the request. */
  String system();
}
