package jp.lg.immunization.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

  record Department(String code, String name) {}

  /** {@code permissions}: what the UI may offer beyond the roles (e.g. the export button); the server checks again. */
  /** {@code passwordChangeRequired}: the password has expired; nothing else works until it is changed (R08). */
  /** @param wrongPasswordsSinceLastLogin told once, at login: wrong passwords tried at the account meanwhile (R08) */
  record Me(String username, String displayName, List<Role> roles, List<Permission> permissions, Department department,
            boolean passwordChangeRequired, int wrongPasswordsSinceLastLogin) {

    Me withWrongPasswords(int count) {
      return new Me(username, displayName, roles, permissions, department, passwordChangeRequired, count);
    }
  }

  record PasswordChange(String currentPassword, String newPassword) {}

  private final CurrentUser currentUser;
  private final Departments departments;
  private final PasswordChanges passwords;

  MeController(CurrentUser currentUser, Departments departments, PasswordChanges passwords) {
    this.currentUser = currentUser;
    this.departments = departments;
    this.passwords = passwords;
  }

  @GetMapping("/api/me")
  Me me(HttpServletRequest request) {
    return describe(currentUser.get(), PasswordChangeGate.changeRequired(request.getSession(false)));
  }

  @PostMapping("/api/me/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void changePassword(@RequestBody PasswordChange change, HttpServletRequest request) {
    passwords.change(currentUser.get().username(), change.currentPassword(), change.newPassword());
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(PasswordChangeGate.CHANGE_REQUIRED);
    }
  }

  Me describe(SignedInUser user, boolean passwordChangeRequired) {
    return new Me(user.username(), user.displayName(), user.roles().stream().sorted().toList(),
        user.permissions().stream().sorted().toList(), new Department(user.departmentCode(), departments.name(user.departmentCode())),
        passwordChangeRequired, 0);
  }
}
