package jp.lg.immunization.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.lg.immunization.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the accounts a fresh installation needs: in demo mode the demo accounts (removed again
 * when the app runs without demo mode), otherwise the first administrator from configuration.
 */
@Component
class AccountBootstrap {

  private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

  static final String HEALTH_CENTER = "boshi";
  static final String MENUMA_CENTER = "menuma";
  static final String SYSTEM_DEPARTMENT = "system";

  private record DemoAccount(String username, String displayName, String department, Set<Role> roles,
                             Set<Permission> permissions) {}

  private static final Set<Permission> EXPORT_AND_PRINT = EnumSet.of(Permission.EXPORT, Permission.PRINT);
  private static final Set<Permission> ALL = EnumSet.allOf(Permission.class);
  private static final Set<Permission> NONE = EnumSet.noneOf(Permission.class);

  // Some staff and supervisors may export and print, some not, so that the demo shows both (README).
  private static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
      new DemoAccount("staff1", "佐藤 花子（担当）", HEALTH_CENTER, EnumSet.of(Role.STAFF), EXPORT_AND_PRINT),
      new DemoAccount("staff2", "鈴木 一郎（担当）", HEALTH_CENTER, EnumSet.of(Role.STAFF), NONE),
      new DemoAccount("staff3", "高橋 美咲（担当）", MENUMA_CENTER, EnumSet.of(Role.STAFF), EnumSet.of(Permission.PRINT)),
      new DemoAccount("super1", "田中 誠（上長）", HEALTH_CENTER, EnumSet.of(Role.SUPERVISOR), ALL),
      new DemoAccount("super2", "伊藤 直子（上長）", MENUMA_CENTER, EnumSet.of(Role.SUPERVISOR), NONE),
      new DemoAccount("manager1", "渡辺 健（管理者）", HEALTH_CENTER, EnumSet.of(Role.MANAGER), NONE),
      new DemoAccount("auditor1", "山本 恵（セキュリティ責任者）", SYSTEM_DEPARTMENT, EnumSet.of(Role.AUDITOR),
          EnumSet.of(Permission.EXPORT)),
      new DemoAccount("admin1", "中村 剛（システム管理者）", SYSTEM_DEPARTMENT, EnumSet.of(Role.ADMIN), NONE));

  private final UserAccountRepository accounts;
  private final Departments departments;
  private final PasswordEncoder passwordEncoder;
  private final DemoMode demoMode;
  private final String demoPassword;
  private final String adminUsername;
  private final String adminPassword;

  AccountBootstrap(UserAccountRepository accounts, Departments departments, PasswordEncoder passwordEncoder,
                   DemoMode demoMode, @Value("${immunization.demo.password:demo-pass-2026}") String demoPassword,
                   @Value("${immunization.bootstrap-admin.username:}") String adminUsername,
                   @Value("${immunization.bootstrap-admin.password:}") String adminPassword) {
    this.accounts = accounts;
    this.departments = departments;
    this.passwordEncoder = passwordEncoder;
    this.demoMode = demoMode;
    this.demoPassword = demoPassword;
    this.adminUsername = adminUsername;
    this.adminPassword = adminPassword;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Transactional
  public void createAccounts() {
    // Auditors sit here: their files of the audit trail need EXPORT from their department too (R12).
    departments.ensure(SYSTEM_DEPARTMENT, "情報システム課", false, EnumSet.of(Permission.EXPORT));
    if (demoMode.enabled()) {
      createDemoAccounts();
    } else {
      int removed = accounts.deleteDemoAccounts();
      if (removed > 0) {
        log.warn("Demo mode is off: removed {} demo accounts", removed);
      }
    }
    createFirstAdministrator();
  }

  private void createDemoAccounts() {
    // The branch centre prints 予診票 but neither exports lists nor reveals 個人番号: the demo shows the department
    // dimension of the permission matrix with super1 (all permissions granted) beside super2.
    departments.ensure(HEALTH_CENTER, "母子健康センター", true, ALL);
    departments.ensure(MENUMA_CENTER, "妻沼保健センター", true, EnumSet.of(Permission.PRINT));
    String hash = passwordEncoder.encode(demoPassword);
    // Demo accounts made by an earlier version get the permissions the README lists for them.
    DEMO_ACCOUNTS.forEach(account -> accounts.findById(account.username()).ifPresentOrElse(
        existing -> {
          if (existing.demo()) {
            existing.grant(account.permissions());
          }
        },
        () -> accounts.save(new UserAccount(account.username(), account.displayName(), hash, account.department(),
            account.roles(), account.permissions(), true))));
  }

  private void createFirstAdministrator() {
    if (adminUsername.isBlank() || accounts.anyEnabledAdmin()) {
      return;
    }
    if (adminPassword.length() < 12) {
      throw new IllegalStateException("immunization.bootstrap-admin.password must have at least 12 characters");
    }
    accounts.save(new UserAccount(adminUsername, "システム管理者", passwordEncoder.encode(adminPassword),
        SYSTEM_DEPARTMENT, EnumSet.of(Role.ADMIN), EnumSet.noneOf(Permission.class), false));
    log.info("Created the first administrator account '{}'", adminUsername);
  }
}
