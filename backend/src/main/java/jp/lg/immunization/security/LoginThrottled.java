package jp.lg.immunization.security;

import org.springframework.security.core.AuthenticationException;

/** The password step refused without looking at the password: this client must wait {@code seconds} more. */
class LoginThrottled extends AuthenticationException {

  private final long seconds;

  LoginThrottled(long seconds) {
    super("login throttled");
    this.seconds = seconds;
  }

  long seconds() {
    return seconds;
  }
}
