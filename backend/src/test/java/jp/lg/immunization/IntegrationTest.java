package jp.lg.immunization;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jp.lg.immunization.platform.DatabaseAdministrator;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The one Spring test configuration: every integration test shares its context and database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
// Metrics are exported as in production, so that the Prometheus endpoint is tested (tests switch it off by default).
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@Import({TestUsers.class, ProcessDriver.class, DatabaseAdministrator.class})
public @interface IntegrationTest {}
