package jp.lg.immunization.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash of an entry covers its content and the previous entry's hash, so that any change breaks the chain. */
final class AuditChain {

  static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  static String hash(AuditEntry entry) {
    MessageDigest digest = sha256();
    // Length-prefixed fields: no value can pass for a neighbour's.
    for (Object field : new Object[] {entry.id(), entry.occurredAt(), entry.username(), entry.operation(),
        entry.residentId(), entry.clientAddress(), entry.detail(), entry.previousHash()}) {
      byte[] bytes = field == null ? new byte[0] : field.toString().getBytes(StandardCharsets.UTF_8);
      digest.update(Integer.toString(field == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) ':');
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
