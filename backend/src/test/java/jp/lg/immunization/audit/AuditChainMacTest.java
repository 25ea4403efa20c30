package jp.lg.immunization.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R04: the link of an entry is a MAC under the configured key over every field and the previous link. */
class AuditChainMacTest {

  private static final byte[] KEY = new byte[32];
  private static final String GENESIS = AuditChain.genesis(0);
  private static final AuditEntry ENTRY = new AuditEntry(7, Instant.parse("2026-12-06T01:02:03.000004Z"), "staff1",
      "RESIDENT_VIEW", 42L, "10.0.0.1", "detail", GENESIS);

  @Test
  void R04_theMacCoversEveryFieldAndNoValueCanPassForItsNeighbour() {
    AuditChain chain = new AuditChain(KEY);
    String mac = chain.mac(ENTRY);
    assertThat(mac).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(chain.mac(ENTRY));
    List<AuditEntry> changed = List.of(
        new AuditEntry(8, ENTRY.occurredAt(), "staff1", "RESIDENT_VIEW", 42L, "10.0.0.1", "detail", GENESIS),
        new AuditEntry(7, ENTRY.occurredAt().plusNanos(1000), "staff1", "RESIDENT_VIEW", 42L, "10.0.0.1", "detail",
            GENESIS),
        new AuditEntry(7, ENTRY.occurredAt(), "staff2", "RESIDENT_VIEW", 42L, "10.0.0.1", "detail", GENESIS),
        new AuditEntry(7, ENTRY.occurredAt(), "staff1", "RESIDENT_SEARCH", 42L, "10.0.0.1", "detail",
            GENESIS),
        new AuditEntry(7, ENTRY.occurredAt(), "staff1", "RESIDENT_VIEW", null, "10.0.0.1", "detail", GENESIS),
        new AuditEntry(7, ENTRY.occurredAt(), "staff1", "RESIDENT_VIEW", 42L, null, "detail", GENESIS),
        new AuditEntry(7, ENTRY.occurredAt(), "staff1", "RESIDENT_VIEW", 42L, "10.0.0.1", "", GENESIS),
        new AuditEntry(7, ENTRY.occurredAt(), "staff1", "RESIDENT_VIEW", 42L, "10.0.0.1", null, GENESIS),
        new AuditEntry(7, ENTRY.occurredAt(), "staff1", "RESIDENT_VIEW", 42L, "10.0.0.1", "detail", "1".repeat(64)),
        // The same characters shifted from one field into the next.
        new AuditEntry(7, ENTRY.occurredAt(), "staff1R", "ESIDENT_VIEW", 42L, "10.0.0.1", "detail", GENESIS));
    for (AuditEntry other : changed) {
      assertThat(chain.mac(other)).as(other.toString()).isNotEqualTo(mac);
      assertThat(AuditChain.legacyHash(other)).isNotEqualTo(AuditChain.legacyHash(ENTRY));
    }
  }

  @Test
  void R04_withoutTheKeyTheLinkCannotBeMadeAndThePlainHashIsNotTheMac() {
    byte[] otherKey = Arrays.copyOf(KEY, 32);
    otherKey[0] = 1;
    assertThat(new AuditChain(otherKey).mac(ENTRY)).isNotEqualTo(new AuditChain(KEY).mac(ENTRY));
    assertThat(AuditChain.legacyHash(ENTRY)).isNotEqualTo(new AuditChain(KEY).mac(ENTRY)).hasSize(64);
    // The plain hash of entries written before the key: SHA-256 over the length-prefixed fields, as it always was.
    assertThat(AuditChain.legacyHash(new AuditEntry(1, Instant.parse("2026-01-01T00:00:00Z"), "a", "B", null, null, null,
        GENESIS))).isEqualTo(sha256("1:120:2026-01-01T00:00:00Z1:a1:B-1:-1:-1:64:" + GENESIS));
  }

  /**
   * Each stripe starts from a genesis of its own, so that an entry cannot pass for one of another stripe; stripe 0's is
   * the 64 zeros the single chain before stripes started from, so that its entries verify unchanged.
   */
  @Test
  void R04_everyStripeStartsFromAGenesisOfItsOwnAndStripeZeroFromTheChainsOfBefore() {
    assertThat(AuditChain.genesis(0)).isEqualTo("0".repeat(64));
    assertThat(AuditChain.genesis(1)).isEqualTo("0".repeat(63) + "1");
    assertThat(AuditChain.genesis(AuditTrail.MAX_STRIPES - 1)).hasSize(64).isEqualTo("0".repeat(62) + "3f");
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
