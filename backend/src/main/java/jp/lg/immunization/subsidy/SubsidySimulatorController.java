package jp.lg.immunization.subsidy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jp.lg.immunization.platform.SimulatorsOnly;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators drive the SIMULATORS of ぴったりサービス (an e-application arrives) and 庁内連携 (failures). */
@SimulatorsOnly
@RestController
class SubsidySimulatorController {

  record ApplicationOrder(@NotNull(message = "宛名番号を入力してください")
                          @Pattern(regexp = "\\d{10}", message = "宛名番号は10桁の数字です") String addresseeNumber,
                          @NotNull(message = "予防接種を選んでください") CoPayVaccine vaccine) {}

  record Submitted(String applicationNumber) {}

  record Failures(@Min(value = 0, message = "0以上で指定してください") @Max(value = 10, message = "10以下で指定してください")
                  int count) {}

  private final PittariServiceSimulator pittari;
  private final CityLinkageSimulator linkage;

  SubsidySimulatorController(PittariServiceSimulator pittari, CityLinkageSimulator linkage) {
    this.pittari = pittari;
    this.linkage = linkage;
  }

  @PostMapping("/api/admin/simulators/pittari-service/applications")
  @ResponseStatus(HttpStatus.CREATED)
  Submitted submit(@Valid @RequestBody ApplicationOrder order) {
    return new Submitted(pittari.submit(order.addresseeNumber(), order.vaccine()));
  }

  @PostMapping("/api/admin/simulators/city-linkage/failures")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void fail(@Valid @RequestBody Failures failures) {
    linkage.failNextRequests(failures.count());
  }
}
