package jp.lg.immunization.relief;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claim's documents as files: PDF, PNG or JPEG, recognised by their first bytes (never by the name), up to a
 * configured size; kept in PostgreSQL, or in a configured folder. Every upload and every view is in the audit trail.
 */
@Service
class ReliefDocuments {

  record Content(String fileName, String contentType, byte[] bytes) {}

  private final JdbcTemplate jdbc;
  private final ReliefClaims claims;
  private final ReliefEvents events;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final long maxBytes;
  private final Path folder;

  ReliefDocuments(JdbcTemplate jdbc, ReliefClaims claims, ReliefEvents events, CurrentUser currentUser,
                  AuditTrail audit, Clock clock,
                  @Value("${immunization.relief.document-max-bytes:20971520}") long maxBytes,
                  @Value("${immunization.relief.document-folder:}") String folder) {
    this.jdbc = jdbc;
    this.claims = claims;
    this.events = events;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
    this.maxBytes = maxBytes;
    this.folder = folder == null || folder.isBlank() ? null : Path.of(folder);
  }

  /** The content type the bytes are, or null when they are none of the accepted kinds. */
  static String detectType(byte[] bytes) {
    if (startsWith(bytes, new byte[] {'%', 'P', 'D', 'F', '-'})) {
      return "application/pdf";
    }
    if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return "image/png";
    }
    if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return "image/jpeg";
    }
    return null;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Transactional
  long upload(long claimId, String type, LocalDate receivedOn, String fileName, byte[] bytes) {
    ReliefClaim claim = claims.byId(claimId);
    DocumentType documentType;
    try {
      documentType = DocumentType.valueOf(Objects.requireNonNullElse(type, ""));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("書類の種類を選んでください", Map.of("type", "書類の種類を選んでください"));
    }
    if (bytes.length == 0) {
      throw ApiException.invalid("ファイルが空です", Map.of("file", "ファイルが空です"));
    }
    if (bytes.length > maxBytes) {
      throw ApiException.invalid("ファイルが大きすぎます", Map.of("file",
          "ファイルは" + (maxBytes / 1024 / 1024) + "MB以下にしてください"));
    }
    String contentType = detectType(bytes);
    if (contentType == null) {
      throw ApiException.invalid("PDF・PNG・JPEGのファイルではありません", Map.of("file",
          "ファイルの内容がPDF・PNG・JPEGではありません（拡張子ではなく内容で確認しています）"));
    }
    if (receivedOn == null || receivedOn.isAfter(LocalDate.now(clock))) {
      throw ApiException.invalid("受領日が正しくありません", Map.of("receivedOn", "今日までの受領日を入力してください"));
    }
    String name = sanitize(fileName);
    String sha256 = sha256(bytes);
    String user = currentUser.get().username();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          insert into relief_document (claim_id, document_type, file_name, content_type, size_bytes, sha256, content,
            received_on, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setLong(1, claimId);
      statement.setString(2, documentType.name());
      statement.setString(3, name);
      statement.setString(4, contentType);
      statement.setLong(5, bytes.length);
      statement.setString(6, sha256);
      statement.setBytes(7, folder == null ? bytes : null);
      statement.setDate(8, Date.valueOf(receivedOn));
      statement.setString(9, user);
      statement.setTimestamp(10, Timestamp.from(Instant.now(clock)));
      return statement;
    }, key);
    long id = Objects.requireNonNull(key.getKey()).longValue();
    if (folder != null) {
      Path file = folder.resolve("relief-" + claimId + "-" + id + "-" + sha256);
      try {
        Files.createDirectories(folder);
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot store relief document in " + folder, e);
      }
      jdbc.update("update relief_document set stored_path = ? where id = ?", file.getFileName().toString(), id);
    }
    events.record(claimId, "DOCUMENT", "書類を登録: " + documentType.label() + "（" + name + "、"
        + JapaneseDates.format(receivedOn) + "受領）", user);
    audit.record(AuditOperation.RELIEF_DOCUMENT_UPLOAD, claim.residentId(), "claim=" + claimId + " document=" + id);
    return id;
  }

  @Transactional
  Content content(long claimId, long documentId) {
    ReliefClaim claim = claims.byId(claimId);
    Map<String, Object> row = jdbc.queryForList("""
        select file_name, content_type, content, stored_path, sha256 from relief_document
        where id = ? and claim_id = ? and file_name is not null""", documentId, claimId).stream().findFirst()
        .orElseThrow(() -> ApiException.notFound("書類のファイルが見つかりません"));
    byte[] bytes = (byte[]) row.get("content");
    if (bytes == null) {
      try {
        bytes = Files.readAllBytes(folder.resolve((String) row.get("stored_path")));
      } catch (IOException | NullPointerException e) {
        throw ApiException.notFound("書類のファイルが保存場所にありません");
      }
      if (!sha256(bytes).equals(row.get("sha256"))) {
        throw ApiException.conflict("document_altered", "保存されたファイルが登録時と一致しません");
      }
    }
    audit.record(AuditOperation.RELIEF_DOCUMENT_VIEW, claim.residentId(), "claim=" + claimId + " document=" + documentId);
    return new Content((String) row.get("file_name"), (String) row.get("content_type"), bytes);
  }

  private static String sanitize(String fileName) {
    String name = fileName == null ? "" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    if (name.isEmpty()) {
      name = "document";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
