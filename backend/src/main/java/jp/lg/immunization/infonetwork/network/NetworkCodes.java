package jp.lg.immunization.infonetwork.network;

import java.util.Optional;
import java.util.UUID;
import jp.lg.immunization.resident.ResidentDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 符号 (R24): the code under which the network knows a resident. Issued once per resident, used only
 * to address the network, never to join other data.
 */
@Component
public class NetworkCodes {

  private final JdbcTemplate jdbc;
  private final ResidentDirectory residents;

  NetworkCodes(JdbcTemplate jdbc, ResidentDirectory residents) {
    this.jdbc = jdbc;
    this.residents = residents;
  }

  /** The 符号 of the resident's 統合宛名番号 (団体内統合宛名システム), issued the first time it is needed. */
  public String codeFor(long residentId) {
    String integrated = residents.integratedAddresseeNumber(residentId);
    jdbc.update("""
        insert into network_code (resident_id, integrated_addressee_number, code) values (?, ?, ?)
        on conflict (resident_id) do update set integrated_addressee_number = excluded.integrated_addressee_number
          where network_code.integrated_addressee_number is distinct from excluded.integrated_addressee_number""",
        residentId, integrated, "SIM-" + UUID.randomUUID());
    return jdbc.queryForObject("select code from network_code where integrated_addressee_number = ?", String.class,
        integrated);
  }

  public Optional<Long> residentFor(String code) {
    return jdbc.queryForList("select resident_id from network_code where code = ?", Long.class, code).stream().findFirst();
  }
}
