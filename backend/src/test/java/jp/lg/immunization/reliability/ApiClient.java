package jp.lg.immunization.reliability;

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
import java.time.Duration;
import java.time.Instant;
import jp.lg.immunization.security.Totp;

/**
 * A signed-in user of the API, as the browser app is one: a session cookie (kept in PostgreSQL, so it survives a
 * restart and works on every node), the CSRF cookie sent back as a header, and the TOTP second factor enrolled at
 * the first login.
 */
final class ApiClient {

  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String username;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final Figures figures;
  private volatile String baseUrl;

  ApiClient(String username, String baseUrl, Figures figures) {
    this.username = username;
    this.baseUrl = baseUrl;
    this.figures = figures;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(2)).build();
  }

  String username() {
    return username;
  }

  /** The same session, through another node (sessions are shared through the database). */
  ApiClient via(String otherBaseUrl) {
    ApiClient other = new ApiClient(username, otherBaseUrl, figures);
    cookies.getCookieStore().getCookies().forEach(cookie -> {
      HttpCookie copy = (HttpCookie) cookie.clone();
      other.cookies.getCookieStore().add(URI.create(otherBaseUrl), copy);
    });
    return other;
  }

  void login(String password) throws IOException, InterruptedException {
    send("GET", "/api/system", null);
    String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = http.send(request("/api/auth/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException(username + ": login refused " + login.statusCode() + " " + login.body());
    }
    Answer enrolment = send("POST", "/api/auth/second-factor/enrolment", null);
    String secret = enrolment.body().path("secret").asText().replace(" ", "");
    Answer verified = send("POST", "/api/auth/second-factor", JSON.createObjectNode().put("code", Totp.ofBase32(secret).code(Totp.step(Instant.now()))));
    if (!verified.ok()) {
      throw new IllegalStateException(username + ": second factor refused " + verified.status());
    }
  }

  /** Null when no answer came (connection refused or reset: the node is down). */
  Answer send(String method, String path, Object body) throws InterruptedException {
    HttpRequest.Builder builder = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(write(body)));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return exchange(builder);
  }

  /** A file as the browser's upload sends it (multipart, field {@code file}); null when no answer came. */
  Answer upload(String path, String fileName, byte[] content) throws InterruptedException {
    String boundary = "----reliability" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return exchange(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private Answer exchange(HttpRequest.Builder builder) throws InterruptedException {
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      figures.answered(response.statusCode());
      JsonNode json = response.body() == null || response.body().isBlank() ? JSON.nullNode()
          : readOrNull(response.body());
      return new Answer(response.statusCode(), json);
    } catch (IOException e) {
      figures.unanswered();
      return null;
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .findFirst().ifPresent(token -> builder.header("X-XSRF-TOKEN", token.getValue()));
    return builder;
  }

  private static JsonNode readOrNull(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.nullNode();
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
