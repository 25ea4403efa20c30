package jp.lg.immunization.workflow;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.security.Role;
import jp.lg.immunization.security.SignedInUser;
import jp.lg.immunization.security.UserDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff absences with a stand-in: marked by the absent user or a supervisor of their department, shown beside the
 * steps the absent user holds and in the list of colleagues a supervisor assigns work to.
 */
@Service
class Absences {

  record Absence(long id, String username, String displayName, LocalDate startsOn, LocalDate endsOn, String standIn,
                 String standInName) {}

  record NewAbsence(String username, String startsOn, String endsOn, String standIn) {}

  private final JdbcTemplate jdbc;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final Clock clock;

  Absences(JdbcTemplate jdbc, UserDirectory users, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /** Absences of the user's department that have not ended, the current ones first. */
  List<Absence> ofDepartment(SignedInUser user) {
    List<String> colleagues = users.caseWorkers(user.departmentCode()).stream()
        .map(UserDirectory.CaseWorker::username).toList();
    return jdbc.query("""
        select id, username, starts_on, ends_on, stand_in from task_absence
        where username = any(?) and ends_on >= ? order by starts_on, username, id""",
        (rs, n) -> absence(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class), rs.getString(5)),
        colleagues.toArray(String[]::new), Date.valueOf(today()));
  }

  /** Who of these users is away today, with their absence. */
  Map<String, Absence> awayToday(Collection<String> usernames) {
    Map<String, Absence> away = new HashMap<>();
    if (usernames.isEmpty()) {
      return away;
    }
    jdbc.query("""
        select distinct on (username) id, username, starts_on, ends_on, stand_in from task_absence
        where username = any(?) and starts_on <= ? and ends_on >= ? order by username, ends_on desc""",
        rs -> {
          away.put(rs.getString(2), absence(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
              rs.getObject(4, LocalDate.class), rs.getString(5)));
        }, usernames.toArray(String[]::new), Date.valueOf(today()), Date.valueOf(today()));
    return away;
  }

  @Transactional
  Absence record(SignedInUser user, NewAbsence request) {
    String username = request.username() == null || request.username().isBlank() ? user.username()
        : request.username().trim();
    List<UserDirectory.CaseWorker> colleagues = users.caseWorkers(user.departmentCode());
    if (!username.equals(user.username())) {
      if (!user.has(Role.SUPERVISOR)) {
        throw ApiException.forbidden("not_supervisor", "他の職員の不在は上長だけが登録できます");
      }
      if (colleagues.stream().noneMatch(worker -> worker.username().equals(username))) {
        throw invalid("username", "同じ部署の職員を選んでください");
      }
    }
    LocalDate startsOn = date(request.startsOn(), "startsOn");
    LocalDate endsOn = date(request.endsOn(), "endsOn");
    if (endsOn.isBefore(startsOn)) {
      throw invalid("endsOn", "終了日が開始日より前です");
    }
    if (endsOn.isBefore(today())) {
      throw invalid("endsOn", "終わった不在は登録できません");
    }
    String standIn = request.standIn() == null || request.standIn().isBlank() ? null : request.standIn().trim();
    if (standIn != null && (standIn.equals(username)
        || colleagues.stream().noneMatch(worker -> worker.username().equals(standIn)))) {
      throw invalid("standIn", "代理には、不在の本人以外の同じ部署の職員を選んでください");
    }
    long id = jdbc.queryForObject("""
        insert into task_absence (username, starts_on, ends_on, stand_in, created_by, created_at)
        values (?, ?, ?, ?, ?, ?) returning id""", Long.class, username, Date.valueOf(startsOn), Date.valueOf(endsOn),
        standIn, user.username(), Timestamp.from(Instant.now(clock)));
    audit.record(AuditOperation.ABSENCE_SET, null,
        "absence=%d user=%s from=%s to=%s standIn=%s".formatted(id, username, startsOn, endsOn, standIn));
    return absence(id, username, startsOn, endsOn, standIn);
  }

  /** The absent user or a supervisor of the department withdraws an absence, e.g. on an early return. */
  @Transactional
  void withdraw(SignedInUser user, long id) {
    Absence absence = ofDepartment(user).stream().filter(found -> found.id() == id).findFirst()
        .filter(found -> found.username().equals(user.username()) || user.has(Role.SUPERVISOR))
        .orElseThrow(() -> ApiException.notFound("取り消せる不在の登録が見つかりません"));
    // An absence already under way ends yesterday, so that the days it covered stay on record.
    if (absence.startsOn().isBefore(today())) {
      jdbc.update("update task_absence set ends_on = ? where id = ?", Date.valueOf(today().minusDays(1)), id);
    } else {
      jdbc.update("delete from task_absence where id = ?", id);
    }
    audit.record(AuditOperation.ABSENCE_SET, null, "absence=%d user=%s withdrawn".formatted(id, absence.username()));
  }

  private Absence absence(long id, String username, LocalDate startsOn, LocalDate endsOn, String standIn) {
    return new Absence(id, username, users.displayName(username), startsOn, endsOn, standIn,
        users.displayName(standIn));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static LocalDate date(String text, String field) {
    if (text == null || text.isBlank()) {
      throw invalid(field, "日付を入力してください");
    }
    return JapaneseDates.parse(text.trim())
        .orElseThrow(() -> invalid(field, "日付を正しく入力してください（例: 令和8年4月1日、2026-04-01）"));
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.invalid(message, Map.of(field, message));
  }
}
