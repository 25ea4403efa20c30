package jp.lg.immunization.resident;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.workflow.CaseResidents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets the task list find residents and name its cases without depending on this module. */
@Component
class ResidentsForTasks implements CaseResidents {

  private final JdbcTemplate jdbc;
  private final ResidentDirectory directory;

  ResidentsForTasks(JdbcTemplate jdbc, ResidentDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Long> find(String text, int limit) {
    String trimmed = text.trim();
    if (trimmed.matches("[0-9０-９]{1,10}")) {
      return jdbc.queryForList("select id from resident where addressee_number = ?", Long.class,
          Resident.normalise(trimmed));
    }
    String part = Resident.normalise(trimmed);
    if (part.isEmpty()) {
      return List.of();
    }
    String escaped = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    // search_text is "kanji kana": a name starting with the text starts either half. The name-gram index (V66)
    // narrows the register to the candidates; the LIKE is the exact test.
    return jdbc.queryForList("""
        select id from resident where resident_name_may_contain(search_text, ?) and search_text like ?
        order by (search_text like ? or search_text like ?) desc, family_name_kana, given_name_kana, id limit ?""",
        Long.class, part, "%" + escaped + "%", escaped + "%", "% " + escaped + "%", limit);
  }

  @Override
  public Map<Long, String> kanaNames(Collection<Long> residentIds) {
    Map<Long, String> names = new HashMap<>();
    directory.byIds(residentIds).forEach((id, ref) -> names.put(id, ref.nameKana()));
    return names;
  }
}
