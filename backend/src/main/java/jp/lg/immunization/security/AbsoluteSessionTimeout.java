package jp.lg.immunization.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session at a fixed time after login, however active it is (the idle timeout is
 * {@code server.servlet.session.timeout}): a terminal left signed in does not stay signed in for days. Not a bean,
 * so that it runs only inside the security chain, after Spring Session has put the database session in place.
 */
class AbsoluteSessionTimeout extends OncePerRequestFilter {

  private final Duration limit;
  private final Clock clock;

  AbsoluteSessionTimeout(Duration limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && clock.millis() - session.getCreationTime() > limit.toMillis()) {
      session.invalidate();
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }
}
