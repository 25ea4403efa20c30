package jp.lg.immunization.infonetwork.fukuhon;

import java.util.Optional;
import jp.lg.immunization.infonetwork.InformationItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The 副本 registered for a resident: what others receive when they ask (情報提供) and what a correction replaces. */
@Component
public class RegisteredFukuhon {

  private final JdbcTemplate jdbc;

  RegisteredFukuhon(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The registered content (JSON), if any. */
  public Optional<String> content(long residentId, InformationItem item) {
    return jdbc.queryForList("select content::text from fukuhon where resident_id = ? and information_item = ?",
        String.class, residentId, item.name()).stream().findFirst();
  }
}
