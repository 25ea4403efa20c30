package jp.lg.immunization.workflow;

import java.util.List;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.SignedInUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who may open a case of any process by its key: whoever is or was a candidate of one of its steps. */
@Component
class CaseAccess {

  /** The case's latest process instance and the resident it concerns (null if none). */
  record CaseRef(String processInstanceId, Long residentId) {}

  private final JdbcTemplate jdbc;

  CaseAccess(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  CaseRef require(SignedInUser user, String processKey, String caseId) {
    List<CaseRef> found = jdbc.query("""
        select process_instance_id, resident_id from task_view where process_key = ? and case_id = ?
          and (assignee = ? or completed_by = ? or candidate_groups && ?::varchar[] or ? = any(candidate_users))
        order by created_at desc, id limit 1""",
        (rs, n) -> new CaseRef(rs.getString(1), rs.getObject(2, Long.class)), processKey, caseId, user.username(),
        user.username(), user.candidateGroups().toArray(String[]::new), user.username());
    if (found.isEmpty()) {
      throw ApiException.notFound("案件が見つかりません");
    }
    return found.get(0);
  }
}
