package jp.lg.immunization.resident;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import jp.lg.immunization.platform.SimulatedLink;
import jp.lg.immunization.platform.SimulatedSystem;
import jp.lg.immunization.platform.SimulatorsOnly;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of the 団体内統合宛名システム: answers at once with a 符号 derived from the 統合宛名番号, so that the same
 * number always has the same 符号 (across restarts too, as the real system keeps it), and a number of the wrong shape
 * is unknown to it. It keeps what it was asked, and fails as often as it is told to (outages included).
 */
@Component
@SimulatorsOnly
class IntegratedAddresseeSimulator implements IntegratedAddresseePort, SimulatedSystem {

  private final SimulatedLink<String> link = new SimulatedLink<>("integrated-addressee", false, Duration.ZERO,
      (requestId, number) -> { });

  @Override
  public String networkCode(String integratedAddresseeNumber) {
    if (link.failsNow()) {
      throw new IntegratedAddresseeUnavailableException("統合宛名システム（シミュレーター）に接続できません");
    }
    if (integratedAddresseeNumber == null || !integratedAddresseeNumber.matches("\\d{1,15}")) {
      throw new IntegratedAddresseeUnavailableException("統合宛名システム（シミュレーター）に登録のない統合宛名番号です");
    }
    link.accept(integratedAddresseeNumber, integratedAddresseeNumber);
    return codeOf(integratedAddresseeNumber);
  }

  static String codeOf(String integratedAddresseeNumber) {
    return "SIM-" + UUID.nameUUIDFromBytes(("符号:" + integratedAddresseeNumber).getBytes(StandardCharsets.UTF_8));
  }

  List<String> receivedNumbers() {
    return link.received();
  }

  void failNextRequests(int count) {
    link.failNext(count);
  }

  @Override
  public SimulatedLink<?> link() {
    return link;
  }
}
