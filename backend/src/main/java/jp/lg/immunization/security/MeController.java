package jp.lg.immunization.security;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

  record Department(String code, String name) {}

  /** {@code permissions}: what the UI may offer beyond the roles (e.g. the export button); the server checks again. */
  record Me(String username, String displayName, List<Role> roles, List<Permission> permissions, Department department) {}

  private final CurrentUser currentUser;
  private final Departments departments;

  MeController(CurrentUser currentUser, Departments departments) {
    this.currentUser = currentUser;
    this.departments = departments;
  }

  @GetMapping("/api/me")
  Me me() {
    return describe(currentUser.get());
  }

  Me describe(SignedInUser user) {
    return new Me(user.username(), user.displayName(), user.roles().stream().sorted().toList(),
        user.permissions().stream().sorted().toList(), new Department(user.departmentCode(), departments.name(user.departmentCode())));
  }
}
