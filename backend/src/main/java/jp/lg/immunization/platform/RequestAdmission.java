package jp.lg.immunization.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission of API requests, first come first served: at most {@code immunization.web.concurrent-requests} run at once
 * (session, security, handler and database work), the others wait in arrival order. When more requests are in flight
 * than the cores can serve, letting all of them compete for the CPU (and every database round trip of each for a core
 * again) gives the unlucky ones many times the mean latency (issue 19, figure 3: the same CPU per call, p95 3.7x the
 * mean); a short queue in arrival order serves each in about the mean. A request that waits longer than
 * {@code immunization.web.admission-timeout} is refused with 503 and Retry-After before anything of it ran.
 *
 * <p>Uploads (multipart) are admitted without a place: their body arrives at the sender's pace, and a slow link must
 * not hold a place the cores could use. Asynchronous streams (the notice stream) hold a place only while their first
 * dispatch runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestAdmission extends OncePerRequestFilter {

  static final String MESSAGE = "処理が混み合っているため、受け付けられませんでした。しばらくしてからもう一度お試しください";
  static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger log = LoggerFactory.getLogger(RequestAdmission.class);

  private final Semaphore places;
  private final long timeoutNanos;
  private final ObjectMapper json;

  RequestAdmission(@Value("${immunization.web.concurrent-requests:0}") int concurrentRequests,
                   @Value("${immunization.web.admission-timeout:PT10S}") Duration timeout, ObjectMapper json) {
    int places = concurrentRequests > 0 ? concurrentRequests : defaultPlaces(Runtime.getRuntime().availableProcessors());
    this.places = new Semaphore(places, true);
    this.timeoutNanos = timeout.toNanos();
    this.json = json;
    log.info("Up to {} API requests run at once; others wait up to {} in arrival order", places, timeout);
  }

  /**
   * One per core. Measured in figure 3 on 2 cores (8 clients, the same 1,760 calls): 2 places p95 14.9 / p99 21.8 ms
   * at 815 calls/s; 4 places p95 28.8 / p99 66.3 ms; no limit p95 36.2 / p99 86.4 ms at 824 calls/s.
   */
  static int defaultPlaces(int cores) {
    return cores;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String contentType = request.getContentType();
    return !request.getRequestURI().startsWith("/api/") || contentType != null
        && contentType.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
            MediaType.MULTIPART_FORM_DATA_VALUE.length());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean admitted;
    try {
      admitted = places.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      log.warn("No place within the admission timeout: {} {} answered 503", request.getMethod(), request.getRequestURI());
      RetryLater.answer(response, json, ApiError.of(503, "busy", MESSAGE), RETRY_AFTER_SECONDS);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      places.release();
    }
  }
}
