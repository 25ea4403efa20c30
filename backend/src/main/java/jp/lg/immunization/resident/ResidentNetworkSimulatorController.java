package jp.lg.immunization.resident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jp.lg.immunization.platform.SimulatorsOnly;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators make the 市町村CS SIMULATOR fail, to see retries and incidents as they would happen. */
@RestController
@SimulatorsOnly
class ResidentNetworkSimulatorController {

  record Failures(@Min(value = 0, message = "0以上で指定してください") @Max(value = 10, message = "10以下で指定してください")
                  int count) {}

  private final ResidentNetworkSimulator simulator;

  ResidentNetworkSimulatorController(ResidentNetworkSimulator simulator) {
    this.simulator = simulator;
  }

  @PostMapping("/api/admin/simulators/resident-network/failures")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void fail(@Valid @RequestBody Failures failures) {
    simulator.failNextRequests(failures.count());
  }
}
