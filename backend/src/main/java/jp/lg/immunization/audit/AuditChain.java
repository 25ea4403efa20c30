package jp.lg.immunization.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.lg.immunization.platform.ConfiguredKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link of each entry: an HMAC-SHA256, under a key from configuration that the database never holds, over its
 * content and the previous entry's link, so that whoever can write the tables still cannot make a changed entry and
 * every later link agree. Entries written before the key existed carry a plain SHA-256 ({@code keyed = false}); the
 * first keyed entry covers their last link, so they cannot be changed unseen either.
 *
 * <p>The trail is several chains (stripes, {@link AuditTrail}); each starts from a genesis link of its own, so that an
 * entry is bound to its stripe through every link up to it: moved into another stripe, it no longer links there.
 */
@Component
class AuditChain {

  static final String KEY_PROPERTY = "immunization.audit.mac-key";

  private final SecretKeySpec key;

  @Autowired
  AuditChain(@Value("${" + KEY_PROPERTY + ":}") String configured, ConfiguredKeys keys) {
    this(keys.require(KEY_PROPERTY, configured, "audit-mac.key", "the key of the audit trail's MAC (R04)"));
  }

  AuditChain(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /**
   * The link the first entry of a stripe covers: the stripe's number in 64 hex digits. Stripe 0's is 64 zeros, the
   * genesis of the one chain the trail was before it had stripes, whose entries thus verify unchanged.
   */
  static String genesis(int stripe) {
    return String.format("%064x", stripe);
  }

  String mac(AuditEntry entry) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(content(entry)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** The link of an entry written before the trail was keyed. */
  static String legacyHash(AuditEntry entry) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content(entry)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Length-prefixed fields: no value can pass for a neighbour's. */
  private static byte[] content(AuditEntry entry) {
    StringBuilder content = new StringBuilder();
    for (Object field : new Object[] {entry.id(), entry.occurredAt(), entry.username(), entry.operation(),
        entry.residentId(), entry.clientAddress(), entry.detail(), entry.previousHash()}) {
      String text = field == null ? "" : field.toString();
      content.append(field == null ? -1 : text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
    }
    return content.toString().getBytes(StandardCharsets.UTF_8);
  }
}
