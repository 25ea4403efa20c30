package jp.lg.immunization.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators take a simulated system down for a period (市町村CS {@code resident-network}, 中間サーバー
 * {@code intermediate-server}, 庁内連携 {@code city-linkage}, the Ministry {@code ministry}): every call to it fails
 * as a transport failure until the period ends, so that operators can watch cases wait and resume by themselves
 * (issue 16; the reliability harness uses it).
 */
@RestController
@SimulatorsOnly
class SimulatorOutages {

  private static final Logger log = LoggerFactory.getLogger(SimulatorOutages.class);

  record Outage(@Min(value = 0, message = "0秒以上で指定してください") @Max(value = 86_400, message = "86400秒（1日）以下で指定してください")
                long seconds) {}

  private final Map<String, SimulatedLink<?>> links;

  SimulatorOutages(List<SimulatedSystem> systems) {
    this.links = systems.stream().map(SimulatedSystem::link)
        .collect(Collectors.toUnmodifiableMap(SimulatedLink::name, Function.identity()));
  }

  @PostMapping("/api/admin/simulators/{system}/outage")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void takeDown(@PathVariable String system, @Valid @RequestBody Outage outage) {
    SimulatedLink<?> link = links.get(system);
    if (link == null) {
      throw ApiException.notFound("そのシミュレーターはありません: " + links.keySet().stream().sorted().toList());
    }
    link.downFor(Duration.ofSeconds(outage.seconds()));
    log.warn("Simulator {} is down for {} s (asked by an administrator)", system, outage.seconds());
  }
}
