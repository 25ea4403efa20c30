package jp.lg.immunization.resident;

import org.springframework.stereotype.Service;

/**
 * 統合宛名 for the other modules: a resident's 統合宛名番号 and the 符号 the 統合宛名システム links to it. The information
 * network addresses a person only by this 符号, obtained through the 統合宛名番号 (never by 個人番号).
 */
@Service
public class IntegratedAddressees {

  /** @param networkCode the 符号 used on the 情報提供ネットワークシステム */
  public record Link(String integratedAddresseeNumber, String networkCode) {}

  private final ResidentDirectory residents;
  private final IntegratedAddresseePort system;

  IntegratedAddressees(ResidentDirectory residents, IntegratedAddresseePort system) {
    this.residents = residents;
    this.system = system;
  }

  /** Asks the 統合宛名システム (a call recorded in the outbox); fails when it cannot be reached. */
  public Link linkOf(long residentId) {
    String number = residents.integratedAddresseeNumber(residentId);
    return new Link(number, system.networkCode(number));
  }

  /** The 統合宛名番号 the register holds for the resident, without asking the 統合宛名システム. */
  public String numberOf(long residentId) {
    return residents.integratedAddresseeNumber(residentId);
  }
}
