package jp.lg.immunization.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Display names of accounts, for showing who did a step. */
@Component
public class UserDirectory {

  /** An account that can be given case work: who a supervisor may assign a step to or name as a stand-in. */
  public record CaseWorker(String username, String displayName, String departmentCode, Set<String> candidateGroups) {}

  private final UserAccountRepository accounts;
  private final JdbcTemplate jdbc;
  private final Map<String, String> names = new ConcurrentHashMap<>();

  UserDirectory(UserAccountRepository accounts, JdbcTemplate jdbc) {
    this.accounts = accounts;
    this.jdbc = jdbc;
  }

  /** Enabled accounts of a department of the affair with a case-work role, by display name. */
  public List<CaseWorker> caseWorkers(String departmentCode) {
    return jdbc.query("""
        select u.username, u.display_name, u.department_code, u.roles from app_user u
        join department d on d.code = u.department_code
        where u.enabled and d.affair and u.department_code = ? order by u.display_name, u.username""",
        (rs, n) -> {
          Set<String> groups = new TreeSet<>();
          Arrays.stream((String[]) rs.getArray(4).getArray()).map(Role::valueOf)
              .forEach(role -> groups.addAll(role.candidateGroups()));
          return new CaseWorker(rs.getString(1), rs.getString(2), rs.getString(3), groups);
        }, departmentCode).stream().filter(worker -> !worker.candidateGroups().isEmpty()).toList();
  }

  /** The account as a case worker, if it is one (enabled, in a department of the affair, with a case-work role). */
  public Optional<CaseWorker> caseWorker(String username) {
    return jdbc.queryForList("select department_code from app_user where username = ?", String.class, username)
        .stream().findFirst().flatMap(department -> caseWorkers(department).stream()
            .filter(worker -> worker.username().equals(username)).findFirst());
  }

  public String displayName(String username) {
    if (username == null) {
      return null;
    }
    return names.computeIfAbsent(username,
        name -> accounts.findById(name).map(UserAccount::displayName).orElse(name));
  }
}
