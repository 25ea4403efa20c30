package jp.lg.immunization.resident;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import jp.lg.immunization.audit.AuditedResidents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets the audit module show and filter by 宛名番号 without depending on this module. */
@Component
class ResidentsForAudit implements AuditedResidents {

  private final ResidentDirectory directory;
  private final JdbcTemplate jdbc;

  ResidentsForAudit(ResidentDirectory directory, JdbcTemplate jdbc) {
    this.directory = directory;
    this.jdbc = jdbc;
  }

  @Override
  public long requireId(String addresseeNumber) {
    return directory.requireByAddresseeNumber(addresseeNumber).id();
  }

  @Override
  @Transactional(readOnly = true)
  public Map<Long, String> addresseeNumbers(Collection<Long> residentIds) {
    Map<Long, String> numbers = new HashMap<>();
    if (!residentIds.isEmpty()) {
      jdbc.query("select id, addressee_number from resident where id = any(?)",
          rs -> { numbers.put(rs.getLong(1), rs.getString(2)); }, (Object) residentIds.toArray(Long[]::new));
    }
    return numbers;
  }
}
