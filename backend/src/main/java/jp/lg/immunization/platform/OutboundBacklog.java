package jp.lg.immunization.platform;

import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The outbox backlog for operators: calls awaiting their answer per system, every system shown even at zero. */
@Component
class OutboundBacklog implements BusinessMetric {

  private final OutboundCalls calls;
  private final OutboundInterception ports;

  OutboundBacklog(OutboundCalls calls, OutboundInterception ports) {
    this.calls = calls;
    this.ports = ports;
  }

  @Override
  public String name() {
    return "immunization.outbound.awaiting.answer";
  }

  @Override
  public String description() {
    return "Calls to national and city systems awaiting their answer, per system (resent: sent more than once)";
  }

  @Override
  public Map<Tags, Long> read() {
    Map<String, long[]> backlog = calls.backlog();
    Map<Tags, Long> values = new HashMap<>();
    ports.systems().forEach(system -> backlog.putIfAbsent(system, new long[2]));
    backlog.forEach((system, counts) -> {
      values.put(Tags.of("system", system, "resent", "false"), counts[0]);
      values.put(Tags.of("system", system, "resent", "true"), counts[1]);
    });
    return values;
  }
}
