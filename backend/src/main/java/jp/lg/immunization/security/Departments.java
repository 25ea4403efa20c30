package jp.lg.immunization.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class Departments {

  private final JdbcTemplate jdbc;

  Departments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void ensure(String code, String name) {
    jdbc.update("insert into department (code, name) values (?, ?) on conflict (code) do nothing", code, name);
  }

  String name(String code) {
    return jdbc.query("select name from department where code = ?", rs -> rs.next() ? rs.getString(1) : code, code);
  }
}
