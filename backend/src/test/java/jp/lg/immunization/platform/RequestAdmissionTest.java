package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestAdmissionTest {

  private final ObjectMapper json = new ObjectMapper();
  private final RequestAdmission admission = new RequestAdmission(1, Duration.ofMillis(200), json);
  private final AtomicInteger handled = new AtomicInteger();

  @Test
  void aRequestFindingEveryPlaceTakenWaitsThenIsRefusedWith503BeforeAnythingOfItRuns() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> call("/api/tasks",
        (request, response) -> {
          running.countDown();
          await(release);
          handled.incrementAndGet();
        }));
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

    MockHttpServletResponse refused = call("/api/tasks", (request, response) -> handled.incrementAndGet());

    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
    assertThat(json.readTree(refused.getContentAsByteArray()).get("message").asText())
        .isEqualTo(RequestAdmission.MESSAGE);
    assertThat(handled).hasValue(0);

    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(call("/api/tasks", (request, response) -> handled.incrementAndGet()).getStatus()).isEqualTo(200);
    assertThat(handled).hasValue(2);
  }

  @Test
  void aRequestWaitingForAPlaceRunsAsSoonAsOneIsFreed() throws Exception {
    RequestAdmission patient = new RequestAdmission(1, Duration.ofSeconds(10), json);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> call(patient, "/api/me",
        (request, response) -> {
          running.countDown();
          await(release);
        }));
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<MockHttpServletResponse> second = CompletableFuture.supplyAsync(() -> call(patient, "/api/me",
        (request, response) -> handled.incrementAndGet()));
    Thread.sleep(100);
    assertThat(handled).as("the second waits while the only place is taken").hasValue(0);

    release.countDown();

    assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(handled).hasValue(1);
  }

  @Test
  void aFailingRequestGivesItsPlaceBack() throws Exception {
    assertThatThrownBy(() -> admission.doFilter(apiRequest("/api/tasks"), new MockHttpServletResponse(),
        (request, response) -> {
          throw new IllegalStateException("handler failed");
        })).hasMessage("handler failed");

    assertThat(call("/api/tasks", (request, response) -> handled.incrementAndGet()).getStatus()).isEqualTo(200);
    assertThat(handled).hasValue(1);
  }

  @Test
  void uploadsAndPagesOutsideTheApiNeedNoPlace() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<MockHttpServletResponse> holder = CompletableFuture.supplyAsync(() -> call("/api/tasks",
        (request, response) -> {
          running.countDown();
          await(release);
        }));
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

    MockHttpServletRequest upload = apiRequest("/api/dose-batches");
    upload.setContentType("Multipart/Form-Data; boundary=x");
    MockHttpServletResponse uploaded = new MockHttpServletResponse();
    admission.doFilter(upload, uploaded, (request, response) -> handled.incrementAndGet());
    MockHttpServletResponse page = new MockHttpServletResponse();
    admission.doFilter(new MockHttpServletRequest("GET", "/tasks"), page, (request, response) -> handled.incrementAndGet());

    assertThat(uploaded.getStatus()).isEqualTo(200);
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(handled).hasValue(2);
    release.countDown();
    holder.get(5, TimeUnit.SECONDS);
  }

  @Test
  void onePlacePerCoreUnlessConfigured() {
    assertThat(RequestAdmission.defaultPlaces(2)).isEqualTo(2);
  }

  private MockHttpServletResponse call(String path, FilterChain chain) {
    return call(admission, path, chain);
  }

  private static MockHttpServletResponse call(RequestAdmission filter, String path, FilterChain chain) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    try {
      filter.doFilter(apiRequest(path), response, chain);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return response;
  }

  private static MockHttpServletRequest apiRequest(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setRequestURI(path);
    return request;
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
