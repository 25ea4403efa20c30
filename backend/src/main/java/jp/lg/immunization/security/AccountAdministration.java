package jp.lg.immunization.security;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators create personal accounts (R08: no shared accounts) with a temporary password the user must change
 * at the first login, change an account's department, roles and permissions, and set a new temporary password.
 * Every change ends the account's sessions, so that it holds at once.
 */
@Service
class AccountAdministration {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

  record Access(String displayName, String departmentCode, List<Role> roles, List<Permission> permissions,
                Integer accessVersion) {}

  record NewAccount(String username, String displayName, String departmentCode, List<Role> roles,
                    List<Permission> permissions, LocalDate validFrom, LocalDate validUntil,
                    String temporaryPassword) {}

  private final UserAccountRepository accounts;
  private final AccountControls controls;
  private final PasswordPolicy policy;
  private final PasswordEncoder encoder;
  private final Departments departments;
  private final Sessions sessions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  AccountAdministration(UserAccountRepository accounts, AccountControls controls, PasswordPolicy policy,
                        PasswordEncoder encoder, Departments departments, Sessions sessions, CurrentUser currentUser,
                        AuditTrail audit) {
    this.accounts = accounts;
    this.controls = controls;
    this.policy = policy;
    this.encoder = encoder;
    this.departments = departments;
    this.sessions = sessions;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @Transactional
  AccountControls.AccountView create(NewAccount request) {
    Map<String, String> problems = new LinkedHashMap<>();
    String username = request.username() == null ? "" : request.username().trim();
    if (!USERNAME.matcher(username).matches()) {
      problems.put("username", "ユーザーIDは英小文字・数字・.・-・_ の3〜64文字で、英小文字か数字で始めてください");
    }
    checkAccess(request.displayName(), request.departmentCode(), request.roles(), problems);
    if (request.validFrom() != null && request.validUntil() != null && request.validFrom().isAfter(request.validUntil())) {
      problems.put("validUntil", "終了日は開始日以降にしてください");
    }
    checkPassword(request.temporaryPassword(), username, problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid("アカウントを作成できません", problems);
    }
    if (accounts.existsById(username)) {
      throw ApiException.conflict("account_exists", "ユーザーID「" + username + "」は既に使われています。");
    }
    String hash = encoder.encode(request.temporaryPassword());
    UserAccount account = new UserAccount(username, request.displayName().trim(), hash, request.departmentCode(),
        roles(request.roles()), permissions(request.permissions()), false);
    account.temporaryPassword(hash);
    account.validity(request.validFrom(), request.validUntil());
    accounts.save(account);
    audit.record(AuditOperation.ACCOUNT_CREATED, null, "account=%s department=%s roles=%s permissions=%s"
        .formatted(username, request.departmentCode(), roles(request.roles()), permissions(request.permissions())));
    return controls.view(account);
  }

  /** Replaces the account's access; a stale version is refused (409) and changes nothing. */
  @Transactional
  AccountControls.AccountView changeAccess(String username, Access request) {
    if (username.equals(currentUser.get().username())) {
      throw ApiException.badRequest("self_access", "自分自身の権限は変更できません。別の管理者に依頼してください。");
    }
    UserAccount account = require(username);
    Map<String, String> problems = new LinkedHashMap<>();
    checkAccess(request.displayName(), request.departmentCode(), request.roles(), problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid("権限を変更できません", problems);
    }
    if (request.accessVersion() == null || request.accessVersion() != account.accessVersion()) {
      throw ApiException.conflict("stale_account", "ほかの管理者が先に変更しました。画面を読み込み直してください。");
    }
    account.changeAccess(request.displayName().trim(), request.departmentCode(), roles(request.roles()),
        permissions(request.permissions()));
    int ended = sessions.endAll(username);
    audit.record(AuditOperation.ACCOUNT_ACCESS_CHANGED, null, "account=%s department=%s roles=%s permissions=%s sessions ended=%d"
        .formatted(username, request.departmentCode(), roles(request.roles()), permissions(request.permissions()), ended));
    return controls.view(account);
  }

  /** For a user who forgot theirs: they must change it at the next login; the second factor stays required. */
  @Transactional
  AccountControls.AccountView resetPassword(String username, String temporaryPassword) {
    if (username.equals(currentUser.get().username())) {
      throw ApiException.badRequest("self_password", "自分自身のパスワードはパスワード変更の画面で変更してください。");
    }
    UserAccount account = require(username);
    Map<String, String> problems = new LinkedHashMap<>();
    checkPassword(temporaryPassword, username, problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid("仮パスワードが条件を満たしていません", problems);
    }
    account.temporaryPassword(encoder.encode(temporaryPassword));
    account.unlock();
    int ended = sessions.endAll(username);
    audit.record(AuditOperation.ACCOUNT_PASSWORD_RESET, null, "account=%s sessions ended=%d".formatted(username, ended));
    return controls.view(account);
  }

  private void checkAccess(String displayName, String departmentCode, List<Role> roles, Map<String, String> problems) {
    if (displayName == null || displayName.isBlank() || displayName.trim().length() > 100) {
      problems.put("displayName", "氏名を100文字以内で入力してください");
    }
    if (!departments.exists(departmentCode)) {
      problems.put("departmentCode", "部署を選んでください");
    }
    if (roles == null || roles.isEmpty()) {
      problems.put("roles", "役割を1つ以上選んでください");
    }
  }

  private void checkPassword(String password, String username, Map<String, String> problems) {
    List<String> weak = policy.problems(password == null ? "" : password, null, username, List.of());
    if (!weak.isEmpty()) {
      problems.put("temporaryPassword", String.join(" / ", weak));
    }
  }

  private UserAccount require(String username) {
    return accounts.findById(username).orElseThrow(() -> ApiException.notFound("アカウントが見つかりません"));
  }

  private static Set<Role> roles(List<Role> roles) {
    return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  private static Set<Permission> permissions(List<Permission> permissions) {
    return permissions == null || permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
  }
}
