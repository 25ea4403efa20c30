package jp.lg.immunization.resident;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Synthetic residents made to measure for tests of other modules, entered as staff would enter them.
 * Not a bean, so that using it does not change the shared test context: {@code new ResidentFixtures(context)}.
 */
public class ResidentFixtures {

  /** A made-up resident; the address decides the district (地区), e.g. 埼玉県架空市テスト町1丁目1番1号 → テスト町. */
  public record Person(String familyKanji, String givenKanji, String familyKana, String givenKana, LocalDate birthDate,
                       Sex sex, String postalCode, String address, String status) {}

  private final JdbcTemplate jdbc;
  private final MyNumberProtector protector;

  public ResidentFixtures(ApplicationContext context) {
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.protector = context.getBean(MyNumberProtector.class);
  }

  /** Inserts the person with a fresh 宛名番号 (8 and a sequence, apart from the register's and non-residents'). */
  public long insert(Person person) {
    String addresseeNumber = "8" + String.format("%09d",
        jdbc.queryForObject("select nextval('addressee_number_seq')", Long.class));
    PersonName name = new PersonName(person.familyKanji(), person.givenKanji(), person.familyKana(), person.givenKana());
    return jdbc.queryForObject("""
        insert into resident (addressee_number, family_name_kanji, given_name_kanji, family_name_kana, given_name_kana,
                              birth_date, sex, postal_code, address, status, source, search_text)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'STAFF_ENTRY', ?) returning id""", Long.class,
        addresseeNumber, name.familyKanji(), name.givenKanji(), name.familyKana(), name.givenKana(),
        Date.valueOf(person.birthDate()), person.sex().name(), person.postalCode(), person.address(), person.status(),
        Resident.searchTextOf(name));
  }

  /** Stores a 個人番号 for the resident as the application does: encrypted, with its keyed lookup hash. */
  public void giveMyNumber(long residentId, MyNumber number) {
    jdbc.update("update resident set my_number_cipher = ?, my_number_hash = ? where id = ?",
        protector.encrypt(number), protector.lookupHash(number), residentId);
  }

  public String addresseeNumber(long residentId) {
    return jdbc.queryForObject("select addressee_number from resident where id = ?", String.class, residentId);
  }
}
