package jp.lg.immunization.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks a simulator of a national or city system, or its controller: loaded only where simulators are switched on
 * ({@code immunization.simulators.enabled}, which follows demo mode unless set), never in a production configuration.
 * Without simulators, a port is served by its real adapter or by one that refuses every call (so the job that made it
 * becomes an incident an administrator sees).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "immunization.simulators.enabled", havingValue = "true")
public @interface SimulatorsOnly {}
