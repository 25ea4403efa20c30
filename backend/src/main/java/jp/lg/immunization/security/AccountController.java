package jp.lg.immunization.security;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' account controls: unlock, disable at once (ending every session), enable, validity period, reset of
 * the second factor; and the auditor's account review (roles, permissions, last login, second factor, unused accounts).
 */
@RestController
class AccountController {

  static final String ADMIN = "/api/admin/accounts";

  record Validity(LocalDate validFrom, LocalDate validUntil) {}

  private final AccountControls controls;

  AccountController(AccountControls controls) {
    this.controls = controls;
  }

  @GetMapping("/api/audit/account-review")
  List<AccountControls.ReviewRow> review(@RequestParam(defaultValue = "90") int unusedAfterDays) {
    return controls.review(unusedAfterDays);
  }

  @GetMapping(ADMIN)
  List<AccountControls.AccountView> list() {
    return controls.list();
  }

  @PostMapping(ADMIN + "/{username}/unlock")
  AccountControls.AccountView unlock(@PathVariable String username) {
    return controls.unlock(username);
  }

  @PostMapping(ADMIN + "/{username}/disable")
  AccountControls.AccountView disable(@PathVariable String username) {
    return controls.disable(username);
  }

  @PostMapping(ADMIN + "/{username}/enable")
  AccountControls.AccountView enable(@PathVariable String username) {
    return controls.enable(username);
  }

  @PostMapping(ADMIN + "/{username}/second-factor/reset")
  AccountControls.AccountView resetSecondFactor(@PathVariable String username) {
    return controls.resetSecondFactor(username);
  }

  @PutMapping(ADMIN + "/{username}/validity")
  AccountControls.AccountView validity(@PathVariable String username, @RequestBody Validity validity) {
    return controls.validity(username, validity.validFrom(), validity.validUntil());
  }
}
