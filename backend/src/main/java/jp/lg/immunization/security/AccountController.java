package jp.lg.immunization.security;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators' account controls: unlock, disable at once (ending every session), enable, validity period. */
@RestController
@RequestMapping("/api/admin/accounts")
class AccountController {

  record Validity(LocalDate validFrom, LocalDate validUntil) {}

  private final AccountControls controls;

  AccountController(AccountControls controls) {
    this.controls = controls;
  }

  @GetMapping
  List<AccountControls.AccountView> list() {
    return controls.list();
  }

  @PostMapping("/{username}/unlock")
  AccountControls.AccountView unlock(@PathVariable String username) {
    return controls.unlock(username);
  }

  @PostMapping("/{username}/disable")
  AccountControls.AccountView disable(@PathVariable String username) {
    return controls.disable(username);
  }

  @PostMapping("/{username}/enable")
  AccountControls.AccountView enable(@PathVariable String username) {
    return controls.enable(username);
  }

  @PutMapping("/{username}/validity")
  AccountControls.AccountView validity(@PathVariable String username, @RequestBody Validity validity) {
    return controls.validity(username, validity.validFrom(), validity.validUntil());
  }
}
