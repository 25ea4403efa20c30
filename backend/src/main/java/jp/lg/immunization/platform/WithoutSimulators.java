package jp.lg.immunization.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The opposite of {@link SimulatorsOnly}: for what stands in for a simulator where simulators are off. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "immunization.simulators.enabled", havingValue = "false", matchIfMissing = true)
public @interface WithoutSimulators {}
