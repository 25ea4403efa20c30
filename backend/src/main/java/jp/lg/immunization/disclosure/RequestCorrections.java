package jp.lg.immunization.disclosure;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What a correction decision changed, before and after, and who changed it. */
@Component
class RequestCorrections {

  record Correction(String item, String beforeText, String afterText, String correctedBy, Instant correctedAt) {}

  private final JdbcTemplate jdbc;

  RequestCorrections(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Correction> of(long requestId) {
    return jdbc.query("""
        select item, before_text, after_text, corrected_by, corrected_at from resident_request_correction
        where request_id = ? order by id""", (rs, n) -> new Correction(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()), requestId);
  }
}
