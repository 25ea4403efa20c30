package jp.lg.immunization.vrs;

import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.SimulatorsOnly;
import jp.lg.immunization.resident.MoverQueryMyNumbers;
import jp.lg.immunization.resident.ResidentDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells staff in demo mode which synthetic municipality of the SIMULATOR holds a resident's former records: in real
 * work the resident's 転入届 says where they came from.
 */
@SimulatorsOnly
@RestController
class VrsSimulatorController {

  record FormerMunicipality(String code, String name) {}

  private final ResidentDirectory residents;
  private final MoverQueryMyNumbers myNumbers;

  VrsSimulatorController(ResidentDirectory residents, MoverQueryMyNumbers myNumbers) {
    this.residents = residents;
    this.myNumbers = myNumbers;
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
