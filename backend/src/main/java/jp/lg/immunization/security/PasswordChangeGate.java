package jp.lg.immunization.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import jp.lg.immunization.platform.ApiError;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After a login with an expired password (R08), the session may only read who it is, change the password and log
 * out. Not a bean, so that it runs only inside the security chain.
 */
class PasswordChangeGate extends OncePerRequestFilter {

  static final String CHANGE_REQUIRED = PasswordChangeGate.class.getName() + ".CHANGE_REQUIRED";
  private static final Set<String> ALLOWED = Set.of("/api/me", "/api/me/password", "/api/auth/logout", "/api/system");

  private final ObjectMapper json;

  PasswordChangeGate(ObjectMapper json) {
    this.json = json;
  }

  static boolean changeRequired(HttpSession session) {
    return session != null && Boolean.TRUE.equals(session.getAttribute(CHANGE_REQUIRED));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/") && !ALLOWED.contains(path) && changeRequired(request.getSession(false))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), ApiError.of(403, "password_change_required",
          "パスワードの有効期限が切れています。パスワードを変更してください"));
      return;
    }
    chain.doFilter(request, response);
  }
}
