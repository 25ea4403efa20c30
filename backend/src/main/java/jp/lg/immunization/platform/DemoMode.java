package jp.lg.immunization.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo mode: synthetic residents and demo accounts. Never on unless asked for. */
@Component
public class DemoMode {

  private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

  private final boolean enabled;

  DemoMode(@Value("${immunization.demo.enabled:false}") boolean enabled) {
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    if (enabled) {
      log.warn("*** DEMO MODE: synthetic residents and demo accounts (see README). Not for real data. ***");
    }
  }
}
