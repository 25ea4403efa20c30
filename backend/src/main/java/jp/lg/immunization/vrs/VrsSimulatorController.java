package jp.lg.immunization.vrs;

import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.SimulatorsOnly;
import jp.lg.immunization.resident.MoverQueryMyNumbers;
import jp.lg.immunization.resident.ResidentDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drives the SIMULATORS of VRS and ぴったりサービス's certificate applications in demo mode. Tells staff which synthetic municipality of the SIMULATOR holds a resident's former records: in real
 * work the resident's 転入届 says where they came from.
 */
@SimulatorsOnly
@RestController
class VrsSimulatorController {

  record FormerMunicipality(String code, String name) {}

  record ApplicationOrder(String addresseeNumber) {}

  record Submitted(String applicationNumber) {}

  private final ResidentDirectory residents;
  private final MoverQueryMyNumbers myNumbers;
  private final PittariCertificateSimulator pittari;

  VrsSimulatorController(ResidentDirectory residents, MoverQueryMyNumbers myNumbers,
                         PittariCertificateSimulator pittari) {
    this.residents = residents;
    this.myNumbers = myNumbers;
    this.pittari = pittari;
  }

  /** An administrator has a synthetic resident apply for a certificate online (ぴったりサービス). */
  @PostMapping("/api/admin/simulators/pittari-service/certificate-applications")
  @ResponseStatus(HttpStatus.CREATED)
  Submitted submit(@RequestBody ApplicationOrder order) {
    return new Submitted(pittari.submit(order.addresseeNumber() == null ? "" : order.addresseeNumber()));
  }

  @GetMapping("/api/vrs/simulator/former-municipality")
  FormerMunicipality formerMunicipality(@RequestParam String addresseeNumber) {
    long residentId = residents.requireByAddresseeNumber(addresseeNumber).id();
    String myNumber = myNumbers.digits(residentId)
        .orElseThrow(() -> ApiException.notFound("この住民の個人番号は登録されていません"));
    VrsSimulator.Municipality holder = VrsSimulator.formerMunicipalityOf(myNumber);
    return new FormerMunicipality(holder.code(), holder.name());
  }
}
