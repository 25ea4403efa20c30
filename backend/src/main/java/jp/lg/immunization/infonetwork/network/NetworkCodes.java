package jp.lg.immunization.infonetwork.network;

import java.util.Optional;
import jp.lg.immunization.resident.IntegratedAddressees;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 符号 (R24): the code under which the network knows a resident, as the 団体内統合宛名システム links it to the
 * resident's 統合宛名番号. Kept here once obtained (answers from the network name the 符号), used only to address the
 * network, never to join other data.
 */
@Component
public class NetworkCodes {

  private final JdbcTemplate jdbc;
  private final IntegratedAddressees integratedAddressees;

  NetworkCodes(JdbcTemplate jdbc, IntegratedAddressees integratedAddressees) {
    this.jdbc = jdbc;
    this.integratedAddressees = integratedAddressees;
  }

  /** The 符号 of the resident's 統合宛名番号, asked of the 統合宛名システム the first time it is needed. */
  public String codeFor(long residentId) {
    Optional<String> known = jdbc.queryForList("""
        select c.code from network_code c where c.resident_id = ?
          and c.integrated_addressee_number = ?""", String.class, residentId,
        integratedAddressees.numberOf(residentId)).stream().findFirst();
    if (known.isPresent()) {
      return known.get();
    }
    IntegratedAddressees.Link link = integratedAddressees.linkOf(residentId);
    jdbc.update("""
        insert into network_code (resident_id, integrated_addressee_number, code) values (?, ?, ?)
        on conflict (resident_id) do update set integrated_addressee_number = excluded.integrated_addressee_number,
          code = excluded.code""", residentId, link.integratedAddresseeNumber(), link.networkCode());
    return link.networkCode();
  }

  public Optional<Long> residentFor(String code) {
    return jdbc.queryForList("select resident_id from network_code where code = ?", Long.class, code).stream().findFirst();
  }
}
