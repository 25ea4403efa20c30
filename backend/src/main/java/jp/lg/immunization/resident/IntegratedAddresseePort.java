package jp.lg.immunization.resident;

import jp.lg.immunization.platform.Outbound;

/**
 * The port to the city's 団体内統合宛名システム, which links each person's 統合宛名番号 to the affairs' 宛名番号, to the
 * 個人番号 and to the 符号 under which the 情報提供ネットワークシステム knows them (issue 14). The 符号 is asked for by
 * 統合宛名番号 only: nothing here sends a 個人番号, and the information network never finds a person by joining on one.
 * Asking again for the same number is harmless and gives the same 符号.
 */
interface IntegratedAddresseePort {

  /** The 符号 the 統合宛名システム holds for this 統合宛名番号 (it obtained it once from the network). */
  @Outbound(system = "integrated-addressee", awaitsAnswer = false)
  String networkCode(String integratedAddresseeNumber);

  /** The system could not be reached or does not know the number; the job that asked retries, then raises an incident. */
  class IntegratedAddresseeUnavailableException extends RuntimeException {
    IntegratedAddresseeUnavailableException(String message) {
      super(message);
    }
  }
}
