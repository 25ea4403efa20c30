package jp.lg.immunization.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

  SignedInUser toSignedInUser() {
    return new SignedInUser(username, displayName, roles(), departmentCode, permissions());
  }
}
