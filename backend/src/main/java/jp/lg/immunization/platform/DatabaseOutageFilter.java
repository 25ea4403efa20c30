package jp.lg.immunization.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a database outage met before or after the controllers (reading the session, loading the signed-in
 * user, saving the session) is answered like one met inside them, 503 with the usual JSON error, not a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final ObjectMapper json;

  DatabaseOutageFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
          e.getClass().getSimpleName());
      response.reset();
      RetryLater.answer(response, json, DatabaseUnavailable.error(), DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }
  }
}
