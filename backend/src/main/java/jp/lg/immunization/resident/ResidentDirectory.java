package jp.lg.immunization.resident;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.immunization.platform.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of a resident: identity for display and linkage, never 個人番号.
 * Callers that show it to a user write the audit event for that access.
 */
@Service
public class ResidentDirectory {

  /** {@code sex} is {@code MALE} or {@code FEMALE}; {@code living} is false once the register records a death. */
  public record ResidentRef(long id, String addresseeNumber, String nameKanji, String nameKana, LocalDate birthDate,
                            String sex, boolean living) {}

  private final ResidentRepository residents;
  private final JdbcTemplate jdbc;

  ResidentDirectory(ResidentRepository residents, JdbcTemplate jdbc) {
    this.residents = residents;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Optional<ResidentRef> byAddresseeNumber(String addresseeNumber) {
    return residents.findByAddresseeNumber(addresseeNumber).map(ResidentDirectory::ref);
  }

  /** For a 宛名番号 that a user typed into a form: an unknown one is a field error of that form. */
  @Transactional(readOnly = true)
  public ResidentRef requireByAddresseeNumber(String addresseeNumber) {
    return byAddresseeNumber(addresseeNumber).orElseThrow(() -> ApiException.invalid("該当する住民がいません",
        Map.of("addresseeNumber", "この宛名番号の住民は登録されていません")));
  }

  /**
   * For a batch of records naming residents by 宛名番号; numbers without a resident are absent from the map. Read
   * with plain SQL: a batch job asks for 100,000 residents in one transaction, and as entities they would all stay
   * in its persistence context, to be dirty-checked again before every later query.
   */
  @Transactional(readOnly = true)
  public Map<String, ResidentRef> byAddresseeNumbers(Collection<String> addresseeNumbers) {
    Map<String, ResidentRef> found = new HashMap<>();
    refs("addressee_number", addresseeNumbers.toArray(String[]::new))
        .forEach(ref -> found.put(ref.addresseeNumber(), ref));
    return found;
  }

  /** For a page of records naming residents by id, in one query; ids without a resident are absent. */
  @Transactional(readOnly = true)
  public Map<Long, ResidentRef> byIds(Collection<Long> ids) {
    Map<Long, ResidentRef> found = new HashMap<>();
    refs("id", ids.toArray(Long[]::new)).forEach(ref -> found.put(ref.id(), ref));
    return found;
  }

  /**
   * 宛名番号 by resident id, in one query; ids without a resident are absent. For lists that name residents to staff
   * (不開示設定, the 副本 reconciliation, the audit trail) and need nothing more of them.
   */
  @Transactional(readOnly = true)
  public Map<Long, String> addresseeNumbers(Collection<Long> residentIds) {
    Map<Long, String> numbers = new HashMap<>();
    if (!residentIds.isEmpty()) {
      jdbc.query("select id, addressee_number from resident where id = any(?)",
          rs -> { numbers.put(rs.getLong(1), rs.getString(2)); }, (Object) residentIds.toArray(Long[]::new));
    }
    return numbers;
  }

  private List<ResidentRef> refs(String keyColumn, Object[] keys) {
    return jdbc.query("""
        select id, addressee_number, family_name_kanji, given_name_kanji, family_name_kana, given_name_kana,
               birth_date, sex, status
        from resident where %s = any(?)""".formatted(keyColumn), (rs, n) -> {
      PersonName name = new PersonName(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
      return new ResidentRef(rs.getLong(1), rs.getString(2), name.fullKanji(), name.fullKana(),
          rs.getDate(7).toLocalDate(), rs.getString(8), !ResidentStatus.DECEASED.name().equals(rs.getString(9)));
    }, (Object) keys);
  }

  /**
   * The resident's 統合宛名番号, through which the information network's 符号 is obtained (never through 個人番号).
   * Every resident has one: the feed brings it, and the database numbers those it did not bring.
   */
  @Transactional(readOnly = true)
  public String integratedAddresseeNumber(long residentId) {
    return jdbc.queryForList("select integrated_addressee_number from resident where id = ?", String.class,
        residentId).stream().findFirst().orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
  }

  /**
   * Read with SQL, not through the persistence context: a listener of {@link ResidentRegisterChanged} runs in the
   * transaction that changed the row with SQL, where an entity loaded before would still hold the old items.
   */
  @Transactional(readOnly = true)
  public Optional<ResidentRef> byId(long id) {
    return refs("id", new Long[] {id}).stream().findFirst();
  }

  static ResidentRef ref(Resident resident) {
    PersonName name = resident.name();
    return new ResidentRef(resident.id(), resident.addresseeNumber(), name.fullKanji(), name.fullKana(),
        resident.birthDate(), resident.sex().name(), resident.status() != ResidentStatus.DECEASED);
  }
}
