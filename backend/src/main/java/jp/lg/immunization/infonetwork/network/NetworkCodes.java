package jp.lg.immunization.infonetwork.network;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 符号 (R24): the code under which the network knows a resident. Issued once per resident, used only
 * to address the network, never to join other data.
 */
@Component
public class NetworkCodes {

  private final JdbcTemplate jdbc;

  NetworkCodes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String codeFor(long residentId) {
    jdbc.update("insert into network_code (resident_id, code) values (?, ?) on conflict (resident_id) do nothing",
        residentId, "SIM-" + UUID.randomUUID());
    return jdbc.queryForObject("select code from network_code where resident_id = ?", String.class, residentId);
  }

  public Optional<Long> residentFor(String code) {
    return jdbc.queryForList("select resident_id from network_code where code = ?", Long.class, code).stream().findFirst();
  }
}
