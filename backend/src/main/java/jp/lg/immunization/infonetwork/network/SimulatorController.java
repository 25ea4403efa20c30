package jp.lg.immunization.infonetwork.network;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.infonetwork.LegalBasis;
import jp.lg.immunization.platform.SimulatorsOnly;
import jp.lg.immunization.resident.ResidentDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators drive the 中間サーバー SIMULATOR: requests from other agencies, failures, and what it saw. */
@RestController
@SimulatorsOnly
@RequestMapping("/api/admin/simulators/intermediate-server")
class SimulatorController {

  record ProvisionRequestOrder(@NotNull(message = "宛名番号を入力してください")
                               @Pattern(regexp = "\\d{10}", message = "宛名番号は10桁の数字です") String addresseeNumber,
                               @NotNull(message = "情報を選んでください") InformationItem informationItem,
                               @NotBlank(message = "照会元機関を入力してください")
                               @Size(max = 100, message = "照会元機関は100文字以内です") String requesterAgency) {}

  record Received(long provisionRequestId) {}

  record Failures(@Min(value = 0, message = "0以上で指定してください") @Max(value = 10, message = "10以下で指定してください")
                  int count) {}

  private final IntermediateServerSimulator simulator;
  private final ResidentDirectory residents;

  SimulatorController(IntermediateServerSimulator simulator, ResidentDirectory residents) {
    this.simulator = simulator;
    this.residents = residents;
  }

  @PostMapping("/provision-requests")
  @ResponseStatus(HttpStatus.CREATED)
  Received requestProvision(@Valid @RequestBody ProvisionRequestOrder order) {
    long residentId = residents.requireByAddresseeNumber(order.addresseeNumber()).id();
    return new Received(simulator.requestProvision(residentId, order.informationItem(), LegalBasis.ACT19_8_TABLE14,
        order.requesterAgency()));
  }

  @PostMapping("/failures")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void fail(@Valid @RequestBody Failures failures) {
    simulator.failNextRequests(failures.count());
  }

  @GetMapping("/log")
  List<IntermediateServerSimulator.LogEntry> log() {
    return simulator.log();
  }
}
