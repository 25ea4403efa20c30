package jp.lg.immunization.resident;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** 宛名番号 for people the city registers itself (non-residents): 9 followed by a sequence, apart from the register's. */
@Component
class AddresseeNumbers {

  private final JdbcTemplate jdbc;

  AddresseeNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  String next() {
    long sequence = jdbc.queryForObject("select nextval('addressee_number_seq')", Long.class);
    return "9" + String.format("%09d", sequence);
  }
}
