package jp.lg.immunization.resident;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 個人番号 for the one use outside this system that the law allows for it here: the VRS mover query (番号利用法第19条第15号),
 * which sends it to the resident's former municipality together with that municipality's code (R31). It goes to the
 * port's adapter as it composes the message, never to a screen, a log or the outbox; the caller audits the use.
 */
@Service
public class MoverQueryMyNumbers {

  private final ResidentRepository residents;
  private final MyNumberProtector protector;

  MoverQueryMyNumbers(ResidentRepository residents, MyNumberProtector protector) {
    this.residents = residents;
    this.protector = protector;
  }

  @Transactional(readOnly = true)
  public boolean registered(long residentId) {
    return residents.findById(residentId).map(Resident::hasMyNumber).orElse(false);
  }

  /** The twelve digits, or empty when the register holds none for the resident. */
  @Transactional(readOnly = true)
  public Optional<String> digits(long residentId) {
    return residents.findById(residentId).filter(Resident::hasMyNumber)
        .map(resident -> protector.decrypt(resident.myNumberCipher()).digits());
  }
}
