package jp.lg.immunization.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.lg.immunization.security.Totp;

/**
 * A signed-in session against the running app, as the single-page UI holds one: session cookie, and
 * the XSRF-TOKEN cookie echoed in the X-XSRF-TOKEN header on every unsafe request. Signs in with the password and
 * then a TOTP code (R07), enrolling the account at its first login and keeping its secret, as a phone would.
 */
final class ApiClient {

  /** Secrets of the accounts enrolled by this run, and the last time step each used (a code works once only). */
  private static final Map<String, Totp> AUTHENTICATOR_APPS = new ConcurrentHashMap<>();
  private static final Map<String, Long> LAST_STEPS = new ConcurrentHashMap<>();

  private final HttpClient http;
  private final CookieManager cookies;
  private final String base;
  private final ObjectMapper json;

  private ApiClient(HttpClient http, CookieManager cookies, String base, ObjectMapper json) {
    this.http = http;
    this.cookies = cookies;
    this.base = base;
    this.json = json;
  }

  static ApiClient signIn(int port, String username, String password, ObjectMapper json)
      throws IOException, InterruptedException {
    CookieManager cookies = new CookieManager();
    // HTTP/1.1 as browsers use it against this server: no h2c upgrade attempt on every request.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
    ApiClient client = new ApiClient(http, cookies, "http://localhost:" + port, json);
    // The first GET hands out the XSRF-TOKEN cookie that the login must echo.
    client.get("/api/system");
    String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    client.send(client.unsafe("/api/auth/login", "application/x-www-form-urlencoded", form), 200);
    // Login replaces the token (session fixation protection); the next answer carries the new cookie.
    if (!client.get("/api/auth/second-factor").path("enrolled").asBoolean()) {
      String secret = client.post("/api/auth/second-factor/enrolment", null, 200).path("secret").asText();
      AUTHENTICATOR_APPS.put(username, Totp.ofBase32(secret));
    }
    client.post("/api/auth/second-factor", Map.of("code", freshCode(username)), 200);
    return client;
  }

  /** A code of a time step after the account's last one; waits when the next usable step is not yet accepted. */
  private static synchronized String freshCode(String username) throws InterruptedException {
    long step = Math.max(Totp.step(Instant.now()), LAST_STEPS.getOrDefault(username, Long.MIN_VALUE) + 1);
    // The server accepts the step after the current one too; a later one only once its time has nearly come.
    while (step > Totp.step(Instant.now()) + 1) {
      Thread.sleep(1_000);
    }
    LAST_STEPS.put(username, step);
    return AUTHENTICATOR_APPS.get(username).code(step);
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return json.readTree(send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), 200));
  }

  /** A POST with {@code body} as JSON, or with an empty body when it is null. */
  JsonNode post(String path, Object body, int expectedStatus) throws IOException, InterruptedException {
    String content = body == null ? "" : json.writeValueAsString(body);
    String text = send(unsafe(path, "application/json", content), expectedStatus);
    return text.isEmpty() ? json.nullNode() : json.readTree(text);
  }

  /** A file upload as the browser sends it: multipart/form-data with the file and plain text fields. */
  JsonNode upload(String path, String fileName, byte[] content, Map<String, String> fields, int expectedStatus)
      throws IOException, InterruptedException {
    String boundary = "----benchmark" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
    return json.readTree(send(request, expectedStatus));
  }

  private HttpRequest unsafe(String path, String contentType, String body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", contentType)
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  private String send(HttpRequest request, int expectedStatus) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
          + response.statusCode() + " instead of " + expectedStatus + ": " + response.body());
    }
    return response.body();
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
        .map(HttpCookie::getValue)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("the server sent no XSRF-TOKEN cookie"));
  }
}
