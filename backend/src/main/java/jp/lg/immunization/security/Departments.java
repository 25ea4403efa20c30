package jp.lg.immunization.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments and their row of the permission matrix (R06, R12): whether the department does this affair, and
 * which permissions its members may hold. A change ends the sessions of the department's members, so that it holds
 * at once rather than at their next login.
 */
@Service
class Departments {

  private static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,32}");

  /** What a department's members may do besides their roles. */
  record Authority(boolean affair, Set<Permission> permissions) {
    static final Authority NONE = new Authority(false, Set.of());
  }

  record DepartmentView(String code, String name, boolean affair, List<Permission> permissions, long members,
                        int version) {}

  record Change(String name, Boolean affair, List<Permission> permissions, Integer version) {}

  private final JdbcTemplate jdbc;
  private final AuditTrail audit;
  private final Sessions sessions;

  Departments(JdbcTemplate jdbc, AuditTrail audit, Sessions sessions) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.sessions = sessions;
  }

  /** Creates the department if it does not exist; an existing one keeps what an administrator set. */
  void ensure(String code, String name, boolean affair, Set<Permission> permissions) {
    if (jdbc.update("insert into department (code, name, affair) values (?, ?, ?) on conflict (code) do nothing",
        code, name, affair) == 1) {
      permissions.forEach(permission -> jdbc.update(
          "insert into department_permission (department_code, permission) values (?, ?)", code, permission.name()));
    }
  }

  boolean exists(String code) {
    return code != null && jdbc.queryForObject("select exists (select 1 from department where code = ?)", Boolean.class, code);
  }

  String name(String code) {
    return jdbc.query("select name from department where code = ?", rs -> rs.next() ? rs.getString(1) : code, code);
  }

  Authority authority(String code) {
    Boolean affair = jdbc.query("select affair from department where code = ?",
        rs -> rs.next() ? rs.getBoolean(1) : null, code);
    if (affair == null) {
      return Authority.NONE;
    }
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    jdbc.query("select permission from department_permission where department_code = ?",
        rs -> { permissions.add(Permission.valueOf(rs.getString(1))); }, code);
    return new Authority(affair, permissions);
  }

  @Transactional(readOnly = true)
  List<DepartmentView> list() {
    return jdbc.query("""
        select d.code, d.name, d.affair, d.version,
               array(select permission from department_permission p where p.department_code = d.code
                     order by permission) permissions,
               (select count(*) from app_user u where u.department_code = d.code) members
        from department d order by d.code""", (rs, i) -> new DepartmentView(rs.getString(1), rs.getString(2),
        rs.getBoolean(3), java.util.Arrays.stream((String[]) rs.getArray(5).getArray()).map(Permission::valueOf).toList(),
        rs.getLong(6), rs.getInt(4)));
  }

  @Transactional
  DepartmentView create(String code, String name) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw ApiException.badRequest("invalid_department", "部署コードは英小文字・数字・-・_ の32文字以内で入力してください。");
    }
    String trimmed = validName(name);
    if (jdbc.update("insert into department (code, name, affair) values (?, ?, false) on conflict (code) do nothing",
        code, trimmed) == 0) {
      throw ApiException.conflict("department_exists", "部署コード「" + code + "」は既にあります。");
    }
    audit.record(AuditOperation.DEPARTMENT_CREATED, null, "department=" + code);
    return view(code);
  }

  /** Replaces the department's row of the matrix; a stale version is refused, so no administrator's change is lost. */
  @Transactional
  DepartmentView change(String code, Change change) {
    if (change.affair() == null || change.permissions() == null || change.version() == null) {
      throw ApiException.badRequest("invalid_department", "予防接種事務の担当、権限と版を指定してください。");
    }
    String name = validName(change.name());
    if (jdbc.update("update department set name = ?, affair = ?, version = version + 1 where code = ? and version = ?",
        name, change.affair(), code, change.version()) == 0) {
      if (jdbc.queryForObject("select count(*) from department where code = ?", Integer.class, code) == 0) {
        throw ApiException.notFound("部署が見つかりません");
      }
      throw ApiException.conflict("stale_department", "ほかの管理者が先に変更しました。画面を読み込み直してください。");
    }
    jdbc.update("delete from department_permission where department_code = ?", code);
    Set<Permission> permissions = change.permissions().isEmpty() ? Set.of() : EnumSet.copyOf(change.permissions());
    permissions.forEach(permission -> jdbc.update(
        "insert into department_permission (department_code, permission) values (?, ?)", code, permission.name()));
    List<String> members = jdbc.queryForList("select username from app_user where department_code = ?", String.class,
        code);
    int ended = members.stream().mapToInt(sessions::endAll).sum();
    audit.record(AuditOperation.DEPARTMENT_AUTHORITY_SET, null, "department=%s affair=%s permissions=%s sessions ended=%d"
        .formatted(code, change.affair(), permissions.stream().sorted().toList(), ended));
    return view(code);
  }

  private DepartmentView view(String code) {
    return list().stream().filter(department -> department.code().equals(code)).findFirst().orElseThrow();
  }

  private static String validName(String name) {
    if (name == null || name.isBlank() || name.trim().length() > 100) {
      throw ApiException.badRequest("invalid_department", "部署名を100文字以内で入力してください。");
    }
    return name.trim();
  }
}
