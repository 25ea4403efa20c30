package jp.lg.immunization.resident;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inserts generated residents (source SYNTHETIC_DEMO) straight into the register, for the benchmark's city-size data
 * set: never anyone's real data. Demo mode's own residents come through the feed (DemoRegisterFeed) instead.
 */
@Service
@ConditionalOnProperty(name = "immunization.demo.enabled", havingValue = "true")
public class SyntheticResidents {

  private static final int BATCH = 1_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final MyNumberProtector protector;
  private final Clock clock;

  SyntheticResidents(JdbcTemplate jdbc, TransactionTemplate transactions, MyNumberProtector protector, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.protector = protector;
    this.clock = clock;
  }

  public long count() {
    return jdbc.queryForObject("select count(*) from resident", Long.class);
  }

  /** Inserts {@code count} generated residents in batches; returns how many were inserted. */
  public int load(int count, long seed) {
    Iterator<GeneratedResident> generated =
        new SyntheticResidentGenerator(seed, LocalDate.now(clock)).stream(count).iterator();
    int inserted = 0;
    while (generated.hasNext()) {
      List<GeneratedResident> batch = new ArrayList<>(BATCH);
      while (generated.hasNext() && batch.size() < BATCH) {
        batch.add(generated.next());
      }
      transactions.executeWithoutResult(status -> insert(batch));
      inserted += batch.size();
    }
    return inserted;
  }

  private void insert(List<GeneratedResident> batch) {
    Timestamp now = Timestamp.from(Instant.now(clock));
    jdbc.batchUpdate("""
        insert into resident (addressee_number, my_number_cipher, my_number_hash, family_name_kanji, given_name_kanji,
                              family_name_kana, given_name_kana, birth_date, sex, postal_code, address, phone,
                              household_number, relationship, household_head_name, status, source, search_text,
                              created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', 'SYNTHETIC_DEMO', ?, ?, ?)
        on conflict do nothing""", batch, batch.size(), (ps, r) -> {
      PersonName name = new PersonName(r.familyNameKanji(), r.givenNameKanji(), r.familyNameKana(), r.givenNameKana());
      ps.setString(1, r.addresseeNumber());
      ps.setBytes(2, protector.encrypt(r.myNumber()));
      ps.setBytes(3, protector.lookupHash(r.myNumber()));
      ps.setString(4, name.familyKanji());
      ps.setString(5, name.givenKanji());
      ps.setString(6, name.familyKana());
      ps.setString(7, name.givenKana());
      ps.setDate(8, Date.valueOf(r.birthDate()));
      ps.setString(9, r.sex().name());
      ps.setString(10, r.postalCode());
      ps.setString(11, r.address());
      ps.setString(12, r.phone());
      ps.setString(13, r.householdNumber());
      ps.setString(14, r.relationship());
      ps.setString(15, r.householdHeadNameKanji());
      ps.setString(16, Resident.searchTextOf(name));
      ps.setTimestamp(17, now);
      ps.setTimestamp(18, now);
    });
  }
}
