package jp.lg.immunization.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Creating accounts and changing their access, for administrators (/api/admin, see SecurityConfiguration). */
@RestController
class AccountAdministrationController {

  record TemporaryPassword(String temporaryPassword) {}

  private final AccountAdministration administration;

  AccountAdministrationController(AccountAdministration administration) {
    this.administration = administration;
  }

  @PostMapping(AccountController.ADMIN)
  @ResponseStatus(HttpStatus.CREATED)
  AccountControls.AccountView create(@RequestBody AccountAdministration.NewAccount account) {
    return administration.create(account);
  }

  @PutMapping(AccountController.ADMIN + "/{username}/access")
  AccountControls.AccountView changeAccess(@PathVariable String username,
                                           @RequestBody AccountAdministration.Access access) {
    return administration.changeAccess(username, access);
  }

  @PostMapping(AccountController.ADMIN + "/{username}/temporary-password")
  AccountControls.AccountView resetPassword(@PathVariable String username, @RequestBody TemporaryPassword password) {
    return administration.resetPassword(username, password.temporaryPassword());
  }
}
