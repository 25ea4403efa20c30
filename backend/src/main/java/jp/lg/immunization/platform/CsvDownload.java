package jp.lg.immunization.platform;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A CSV file as an HTTP answer: an attachment under a Japanese file name, never cached, with its row count. */
public final class CsvDownload {

  public static final String ROW_COUNT = "X-Row-Count";
  public static final String REPLACED_CHARACTERS = "X-Replaced-Characters";

  private CsvDownload() {}

  public static ResponseEntity<byte[]> of(String fileName, CsvEncoding encoding, CsvFile.Encoded file, int rows) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(encoding.contentType()))
        .contentLength(file.bytes().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(fileName, StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(ROW_COUNT, String.valueOf(rows))
        .header(REPLACED_CHARACTERS, String.valueOf(file.replaced()))
        .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, ROW_COUNT + ", " + REPLACED_CHARACTERS)
        .body(file.bytes());
  }
}
