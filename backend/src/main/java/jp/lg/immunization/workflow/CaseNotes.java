package jp.lg.immunization.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.SignedInUser;
import jp.lg.immunization.security.UserDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on a case of any process, added by staff and supervisors who work on it and never changed (the database
 * refuses it). Each is audited, and written on the case's timeline too where its case type keeps one.
 */
@Service
class CaseNotes {

  record Note(long id, String body, String author, String authorName, Instant created) {}

  static final int MAX_LENGTH = 2000;

  private final JdbcTemplate jdbc;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final CaseStatusListener caseTypes;
  private final Clock clock;
  private final CaseAccess access;

  CaseNotes(JdbcTemplate jdbc, UserDirectory users, AuditTrail audit, CaseStatusListener caseTypes, Clock clock,
            CaseAccess access) {
    this.access = access;
    this.jdbc = jdbc;
    this.users = users;
    this.audit = audit;
    this.caseTypes = caseTypes;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<Note> of(SignedInUser user, String processKey, String caseId) {
    access.require(user, processKey, caseId);
    return jdbc.query("""
        select id, body, author, created_at from case_note where process_key = ? and case_id = ?
        order by created_at, id""",
        (rs, n) -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), users.displayName(rs.getString(3)),
            rs.getTimestamp(4).toInstant()), processKey, caseId);
  }

  @Transactional
  Note add(SignedInUser user, String processKey, String caseId, String text) {
    Long residentId = access.require(user, processKey, caseId).residentId();
    String body = text == null ? "" : text.strip();
    if (body.isEmpty() || body.length() > MAX_LENGTH) {
      throw ApiException.invalid("メモを入力してください",
          Map.of("body", "メモは1文字以上" + MAX_LENGTH + "文字以内で入力してください"));
    }
    Instant now = Instant.now(clock);
    long id = jdbc.queryForObject("""
        insert into case_note (process_key, case_id, body, author, created_at) values (?, ?, ?, ?, ?) returning id""",
        Long.class, processKey, caseId, body, user.username(), Timestamp.from(now));
    audit.record(AuditOperation.CASE_NOTE_ADDED, residentId, "process=%s case=%s note=%d".formatted(processKey, caseId, id));
    caseTypes.caseType(processKey).type().timeline()
        .ifPresent(timeline -> timeline.record(Long.parseLong(caseId), "NOTE", "メモ: " + body, user.username()));
    return new Note(id, body, user.username(), users.displayName(user.username()), now);
  }
}
