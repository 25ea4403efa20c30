package jp.lg.immunization.resident;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 宛名番号 of residents other modules know by id, in one batch: for their lists that name residents to staff (e.g.
 * 不開示設定, the 副本 reconciliation) without reading the register's table.
 */
@Component
public class ResidentAddresseeNumbers {

  private final JdbcTemplate jdbc;

  ResidentAddresseeNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** 宛名番号 by resident id; ids without a resident are absent. */
  @Transactional(readOnly = true)
  public Map<Long, String> of(Collection<Long> residentIds) {
    Map<Long, String> numbers = new HashMap<>();
    if (!residentIds.isEmpty()) {
      jdbc.query("select id, addressee_number from resident where id = any(?)",
          rs -> { numbers.put(rs.getLong(1), rs.getString(2)); }, (Object) residentIds.toArray(Long[]::new));
    }
    return numbers;
  }
}
