package jp.lg.immunization.security;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user behind the current request, as other modules need to know them. Kept in the session (in the database);
 * a session stored before permissions existed reads back with none.
 */
public record SignedInUser(String username, String displayName, Set<Role> roles, String departmentCode,
                           Set<Permission> permissions) implements Serializable {

  public SignedInUser {
    permissions = permissions == null || permissions.isEmpty() ? Set.of() : Set.copyOf(permissions);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean has(Permission permission) {
    return permissions.contains(permission);
  }

  /** Camunda candidate groups this user may work for. */
  public Set<String> candidateGroups() {
    Set<String> groups = new TreeSet<>();
    roles.forEach(role -> groups.addAll(role.candidateGroups()));
    return groups;
  }
}
