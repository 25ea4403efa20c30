package jp.lg.immunization.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The second step of login (R07). Only a session whose password step passed reaches these endpoints (authority
 * {@link SecondFactorPending#AUTHORITY}); a signed-in session is refused, as is every other endpoint to the pending one.
 */
@RestController
class SecondFactorController {

  static final String PATH = "/api/auth/second-factor";

  record CodeEntry(String code) {}

  private final SecondFactorLogin login;

  SecondFactorController(SecondFactorLogin login) {
    this.login = login;
  }

  @GetMapping(PATH)
  SecondFactorLogin.Challenge challenge(Principal pending) {
    return login.challenge(pending.getName());
  }

  /** A POST: it may create the secret, and the secret must stay out of URLs, caches and logs. */
  @PostMapping(PATH + "/enrolment")
  SecondFactorLogin.Enrolment enrolment(Principal pending, HttpSession session) {
    return login.enrolment(pending.getName(), session);
  }

  @PostMapping(PATH)
  MeController.Me verify(@RequestBody CodeEntry entry, Principal pending, HttpServletRequest request,
                         HttpServletResponse response) {
    return login.complete(pending.getName(), entry.code(), request, response);
  }
}
