package jp.lg.immunization.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "app_user")
class UserAccount {

  @Id
  private String username;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "department_code")
  private String departmentCode;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private String[] roles;

  @JdbcTypeCode(SqlTypes.ARRAY)
  private String[] permissions;

  private boolean enabled;

  private boolean demo;

  @Column(name = "failed_logins")
  private int failedLogins;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "valid_from")
  private LocalDate validFrom;

  @Column(name = "valid_until")
  private LocalDate validUntil;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  @Column(name = "disabled_at")
  private Instant disabledAt;

  @Column(name = "disabled_by")
  private String disabledBy;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  @Column(name = "access_version")
  private int accessVersion;

  protected UserAccount() {}

  UserAccount(String username, String displayName, String passwordHash, String departmentCode,
              Set<Role> roles, Set<Permission> permissions, boolean demo) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.departmentCode = departmentCode;
    this.roles = roles.stream().map(Role::name).sorted().toArray(String[]::new);
    grant(permissions);
    this.enabled = true;
    this.demo = demo;
    this.passwordChangedAt = Instant.now();
  }

  String username() {
    return username;
  }

  String displayName() {
    return displayName;
  }

  String passwordHash() {
    return passwordHash;
  }

  String departmentCode() {
    return departmentCode;
  }

  boolean enabled() {
    return enabled;
  }

  boolean demo() {
    return demo;
  }

  Set<Role> roles() {
    return Arrays.stream(roles).map(Role::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  Set<Permission> permissions() {
    return permissions == null ? EnumSet.noneOf(Permission.class) : Arrays.stream(permissions).map(Permission::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
  }

  /** Replaces the account's permissions. */
  void grant(Set<Permission> granted) {
    this.permissions = granted.stream().map(Permission::name).sorted().toArray(String[]::new);
  }

  boolean locked(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  /** Enabled and inside its validity period (R09). */
  boolean usable(LocalDate today) {
    return enabled && (validFrom == null || !today.isBefore(validFrom)) && (validUntil == null || !today.isAfter(validUntil));
  }

  /** Counts a failed login; at {@code maxFailures} the account locks until {@code lockedUntil}. True when it locked. */
  boolean loginFailed(int maxFailures, Instant lockUntil) {
    failedLogins++;
    if (failedLogins < maxFailures) {
      return false;
    }
    failedLogins = 0;
    lockedUntil = lockUntil;
    return true;
  }

  void loggedIn(Instant now) {
    failedLogins = 0;
    lockedUntil = null;
    lastLoginAt = now;
  }

  void changePassword(String hash, Instant now) {
    passwordHash = hash;
    passwordChangedAt = now;
  }

  /** A password an administrator set: it counts as expired, so the user must choose their own at the next login. */
  void temporaryPassword(String hash) {
    passwordHash = hash;
    passwordChangedAt = Instant.EPOCH;
  }

  int accessVersion() {
    return accessVersion;
  }

  /** Replaces who the account is and what it may do; the caller has checked the version. */
  void changeAccess(String displayName, String departmentCode, Set<Role> roles, Set<Permission> permissions) {
    this.displayName = displayName;
    this.departmentCode = departmentCode;
    this.roles = roles.stream().map(Role::name).sorted().toArray(String[]::new);
    grant(permissions);
    accessVersion++;
  }

  boolean passwordExpired(Instant now, Duration maxAge) {
    return passwordChangedAt != null && passwordChangedAt.plus(maxAge).isBefore(now);
  }

  void unlock() {
    failedLogins = 0;
    lockedUntil = null;
  }

  void disable(String by, Instant now) {
    enabled = false;
    disabledBy = by;
    disabledAt = now;
  }

  void enable() {
    enabled = true;
    disabledBy = null;
    disabledAt = null;
  }

  void validity(LocalDate from, LocalDate until) {
    validFrom = from;
    validUntil = until;
  }

  Instant lockedUntil() {
    return lockedUntil;
  }

  LocalDate validFrom() {
    return validFrom;
  }

  LocalDate validUntil() {
    return validUntil;
  }

  Instant lastLoginAt() {
    return lastLoginAt;
  }

  Instant disabledAt() {
    return disabledAt;
  }

  String disabledBy() {
    return disabledBy;
  }

  /**
   * The user as the matrix lets them act: case-work roles only in a department of this affair, permissions only those
   * both granted to the account and allowed to its department (R06, R12).
   */
  SignedInUser toSignedInUser(Departments.Authority department) {
    Set<Role> roles = roles().stream().filter(role -> department.affair() || !role.isCaseWork())
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    Set<Permission> permissions = permissions().stream().filter(department.permissions()::contains)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
    return new SignedInUser(username, displayName, roles, departmentCode, permissions);
  }
}
