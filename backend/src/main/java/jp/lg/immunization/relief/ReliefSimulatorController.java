package jp.lg.immunization.relief;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import jp.lg.immunization.platform.SimulatorsOnly;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators drive the Ministry SIMULATOR: what was forwarded, and the Minister's decision on demand. */
@RestController
@SimulatorsOnly
class ReliefSimulatorController {

  record Decision(@NotBlank(message = "受付番号を入力してください") String requestId,
                  @Pattern(regexp = "RECOGNISED|DENIED", message = "認定（RECOGNISED）か否認（DENIED）を指定してください")
                  String outcome) {}

  private final ReliefMinistrySimulator simulator;

  ReliefSimulatorController(ReliefMinistrySimulator simulator) {
    this.simulator = simulator;
  }

  @GetMapping("/api/admin/simulators/ministry/forwarded")
  List<ReliefMinistryPort.ForwardedClaim> forwarded() {
    return simulator.receivedRequests();
  }

  @PostMapping("/api/admin/simulators/ministry/decisions")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void decide(@Valid @RequestBody Decision decision) {
    simulator.decide(decision.requestId(), decision.outcome());
  }
}
