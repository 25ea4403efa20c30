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

  private boolean enabled;

  private boolean demo;

  protected UserAccount() {}

  UserAccount(String username, String displayName, String passwordHash, String departmentCode,
              Set<Role> roles, boolean demo) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.departmentCode = departmentCode;
    this.roles = roles.stream().map(Role::name).sorted().toArray(String[]::new);
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

  Set<Role> roles() {
    return Arrays.stream(roles).map(Role::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  SignedInUser toSignedInUser() {
    return new SignedInUser(username, displayName, roles(), departmentCode);
  }
}
