package jp.lg.immunization.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a port to a national or city system: every call through it is recorded in the durable outbox
 * ({@code outbound_call}) in the caller's transaction, and a call that awaits an answer is sent again by
 * {@link OutboundRelay} until {@link OutboundAnswer} marks it answered, so a crash between sending and answering loses
 * nothing. The request id is the first argument if it is a String, otherwise the first component of the first
 * argument (a record); the port's contract already makes a repeated request id harmless.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Outbound {

  /** The system's name for operators and metrics, e.g. {@code 市町村CS}. */
  String system();

  /** False where the transport's acceptance is the end of it (the answer, if any, comes by other ways). */
  boolean awaitsAnswer() default true;
}
