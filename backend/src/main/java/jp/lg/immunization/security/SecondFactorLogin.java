package jp.lg.immunization.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiError;
import jp.lg.immunization.platform.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The second step of login (R07): after the password, a code from the user's authenticator app. An account without a
 * confirmed secret enrols first: it is shown a new secret as a QR code and in text, and enrolment completes with the
 * first valid code. Only a valid code turns the session into a signed-in one; a wrong code counts towards the lockout.
 */
@Component
class SecondFactorLogin {

  /** The session attribute holding the sealed secret of this session's enrolment attempt. */
  static final String ENROLMENT_SECRET = SecondFactorLogin.class.getName() + ".enrolmentSecret";

  /** What the login page needs to know after the password: whether the account must enrol first. */
  record Challenge(String username, boolean enrolled) {}

  /** A secret to enrol, for the authenticator app: as a QR code of the otpauth URI and as Base32 text. */
  record Enrolment(String issuer, String account, String secret, String otpauthUri, String qrCode) {}

  private final TotpCredentials credentials;
  private final AccountDetailsService accounts;
  private final AccountControls controls;
  private final PasswordChanges passwords;
  private final MeController me;
  private final AuditTrail audit;
  private final SecurityContextRepository contexts;
  private final Clock clock;
  private final String issuer;
  private final LoginThrottle throttle;

  SecondFactorLogin(TotpCredentials credentials, AccountDetailsService accounts, AccountControls controls,
                    PasswordChanges passwords, MeController me, AuditTrail audit, SecurityContextRepository contexts,
                    Clock clock, @Value("${immunization.security.totp-issuer:予防接種事務}") String issuer,
                    LoginThrottle throttle) {
    this.credentials = credentials;
    this.accounts = accounts;
    this.controls = controls;
    this.passwords = passwords;
    this.me = me;
    this.audit = audit;
    this.contexts = contexts;
    this.clock = clock;
    this.issuer = issuer;
    this.throttle = throttle;
  }

  Challenge challenge(String username) {
    return new Challenge(username, credentials.enrolled(username));
  }

  /**
   * The secret this session enrols with: made at its first request and kept (sealed) in this session only, so that a
   * reloaded page shows the same QR code and no other session ever sees it.
   */
  Enrolment enrolment(String username, HttpSession session) {
    if (credentials.enrolled(username)) {
      throw ApiException.conflict("already_enrolled",
          "このアカウントは認証アプリを登録済みです。認証アプリの確認コードを入力してください");
    }
    byte[] sealed = (byte[]) session.getAttribute(ENROLMENT_SECRET);
    if (sealed == null) {
      sealed = credentials.newSealedSecret();
      session.setAttribute(ENROLMENT_SECRET, sealed);
    }
    String secret = credentials.openSecret(sealed).base32();
    String label = uriPart(issuer) + ":" + uriPart(username);
    String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + uriPart(issuer)
        + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    return new Enrolment(issuer, username, secret, uri, QrCode.svgDataUrl(uri));
  }

  /** Checks the code and, when it is right, signs the session in with the account's roles; answers like /api/me. */
  MeController.Me complete(String username, String code, HttpServletRequest request, HttpServletResponse response) {
    String digits = code == null ? "" : Normalizer.normalize(code, Normalizer.Form.NFKC).replaceAll("\\s", "");
    if (!digits.matches("\\d{" + Totp.DIGITS + "}")) {
      throw ApiException.invalid("確認コードは6桁の数字で入力してください", Map.of("code", "6桁の数字で入力してください"));
    }
    var details = (AccountDetailsService.AccountDetails) accounts.loadUserByUsername(username);
    if (!details.isEnabled()) {
      throw refusal(LoginRefusals.disabled(), request);
    }
    if (!details.isAccountNonLocked()) {
      throw refusal(LoginRefusals.locked(controls.lockedUntil(username)), request);
    }
    HttpSession session = request.getSession(false);
    byte[] sessionSecret = session == null ? null : (byte[]) session.getAttribute(ENROLMENT_SECRET);
    switch (credentials.check(username, digits, sessionSecret)) {
      case WRONG -> throw wrongCode(username, request);
      case ENROLLED -> audit.recordFor(username, AuditOperation.SECOND_FACTOR_ENROLLED, null);
      case ACCEPTED -> { }
    }
    return signIn(details, request, response);
  }

  private ApiException wrongCode(String username, HttpServletRequest request) {
    audit.recordFor(username, AuditOperation.LOGIN_FAILED, "second factor: wrong code");
    controls.loginFailed(username);
    Instant lockedUntil = controls.lockedUntil(username);
    if (lockedUntil != null && lockedUntil.isAfter(Instant.now(clock))) {
      return refusal(LoginRefusals.locked(lockedUntil), request);
    }
    return ApiException.invalid("確認コードが正しくありません",
        Map.of("code", "認証アプリに表示されている最新の確認コードを入力してください"));
  }

  /** The login ends here: the pending session goes, and the user starts again from the password. */
  private static ApiException refusal(ApiError error, HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    return ApiException.unauthorized(error.error(), error.message());
  }

  private MeController.Me signIn(AccountDetailsService.AccountDetails details, HttpServletRequest request,
                                 HttpServletResponse response) {
    // A new session id for the signed-in session, as at any change of privilege.
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    details.eraseCredentials();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);

    String username = details.getUsername();
    controls.loggedIn(username);
    boolean expired = passwords.expired(username);
    if (expired) {
      request.getSession().setAttribute(PasswordChangeGate.CHANGE_REQUIRED, true);
    }
    audit.record(AuditOperation.LOGIN, null, expired ? "password expired" : null);
    return me.describe(details.user(), expired).withWrongPasswords(throttle.takeAccountFailures(username));
  }

  private static String uriPart(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
