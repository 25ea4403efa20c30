package jp.lg.immunization.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.Role;
import jp.lg.immunization.security.SignedInUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task-list filters kept by name: each user's own, and a shared set per department that its supervisors keep. A
 * filter holds the list's query parameters only; a search by resident is never saved (it would keep personal data).
 */
@Service
class SavedFilters {

  /** {@code shared}: kept for the whole department rather than for its owner alone. */
  record SavedFilter(long id, String name, boolean shared, boolean mine, Map<String, String> criteria) {}

  record NewFilter(String name, Boolean shared, Map<String, String> criteria) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  SavedFilters(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  List<SavedFilter> of(SignedInUser user) {
    return jdbc.query("""
        select id, name, department_code is not null, owner, criteria::text from task_saved_filter
        where (owner = ? and department_code is null) or department_code = ?
        order by department_code is null, name, id""",
        (rs, n) -> new SavedFilter(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
            user.username().equals(rs.getString(4)), criteria(rs.getString(5))),
        user.username(), user.departmentCode());
  }

  @Transactional
  SavedFilter save(SignedInUser user, NewFilter filter) {
    String name = filter.name() == null ? "" : filter.name().trim();
    if (name.isEmpty() || name.length() > 40) {
      throw ApiException.invalid("名前を入力してください", Map.of("name", "名前は1文字以上40文字以内で入力してください"));
    }
    boolean shared = Boolean.TRUE.equals(filter.shared());
    if (shared && !user.has(Role.SUPERVISOR)) {
      throw ApiException.forbidden("not_supervisor", "部署で共有する条件は上長だけが保存できます");
    }
    Map<String, String> criteria = new TreeMap<>(filter.criteria() == null ? Map.of() : filter.criteria());
    criteria.values().removeIf(value -> value == null || value.isBlank());
    if (criteria.containsKey("resident")) {
      throw ApiException.invalid("住民の検索語は保存できません",
          Map.of("resident", "住民の検索語は保存できません（個人情報を残さないため）"));
    }
    InboxQuery.requireKnown(criteria);
    InboxQuery.of(criteria);
    try {
      Long id = jdbc.queryForObject("""
          insert into task_saved_filter (name, owner, department_code, criteria, created_at)
          values (?, ?, ?, ?::jsonb, ?) returning id""", Long.class,
          name, user.username(), shared ? user.departmentCode() : null, toJson(criteria),
          Timestamp.from(Instant.now(clock)));
      return new SavedFilter(id, name, shared, true, criteria);
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("duplicate_filter", "同じ名前の条件が既にあります。別の名前にしてください");
    }
  }

  /** The owner deletes their own filters; a supervisor of the department also its shared ones. */
  @Transactional
  void delete(SignedInUser user, long id) {
    int deleted = jdbc.update("""
        delete from task_saved_filter where id = ?
          and ((owner = ? and department_code is null) or (department_code = ? and ?))""",
        id, user.username(), user.departmentCode(), user.has(Role.SUPERVISOR));
    if (deleted == 0) {
      throw ApiException.notFound("削除できる保存条件が見つかりません");
    }
  }

  private String toJson(Map<String, String> criteria) {
    try {
      return json.writeValueAsString(criteria);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> criteria(String text) {
    try {
      return json.readValue(text, new TypeReference<TreeMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
