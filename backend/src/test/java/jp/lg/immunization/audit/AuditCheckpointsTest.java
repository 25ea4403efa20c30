package jp.lg.immunization.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R04: the signed checkpoints outside the database, without the app: the key pair comes from the configured seed alone,
 * a line holds only with the key's signature, and whatever else stands in the file is read as an unsigned checkpoint.
 */
class AuditCheckpointsTest {

  private static final Instant NOW = Instant.parse("2026-12-06T01:02:03Z");
  private static final String HASH = "ab".repeat(32);
  private static final String OTHER_HASH = "cd".repeat(32);

  @TempDir Path folder;

  /**
   * The last entries of stripes 0 and 3 as the chain's table would answer them (stripe 0's id given, stripe 3's 57): the
   * checkpoints read nothing else from the database.
   */
  private static JdbcTemplate lastEntries(long id) {
    return new JdbcTemplate() {
      @Override
      public List<Map<String, Object>> queryForList(String sql) {
        return id == 0 ? List.of() : List.of(Map.of("stripe", 0, "id", id, "hash", HASH),
            Map.of("stripe", 3, "id", 57L, "hash", OTHER_HASH));
      }
    };
  }

  private AuditCheckpoints checkpoints(byte[] seed, long lastId) {
    return new AuditCheckpoints(AuditCheckpoints.keyPair(seed), folder.resolve("sub").resolve(AuditCheckpoints.FILE_NAME),
        lastEntries(lastId), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static AuditCheckpoints.Checkpoint bothHeads(long lastId, boolean signed) {
    return new AuditCheckpoints.Checkpoint(List.of(new AuditCheckpoints.Head(0, lastId, HASH),
        new AuditCheckpoints.Head(3, 57, OTHER_HASH)), NOW, signed);
  }

  private static byte[] seed(int value) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) value);
    return seed;
  }

  @Test
  void R04_theSigningKeyIsTheConfiguredSeedAndNothingElse() {
    KeyPair one = AuditCheckpoints.keyPair(seed(1));
    assertThat(one).isNotNull();
    assertThat(AuditCheckpoints.keyPair(seed(1)).getPublic().getEncoded()).isEqualTo(one.getPublic().getEncoded());
    assertThat(AuditCheckpoints.keyPair(seed(2)).getPublic().getEncoded()).isNotEqualTo(one.getPublic().getEncoded());
  }

  @Test
  void R04_aCheckpointIsEveryStripesLastEntrySignedAndAppendedInAFolderMadeForIt() throws Exception {
    AuditCheckpoints checkpoints = checkpoints(seed(1), 41);
    assertThat(checkpoints.read()).as("no file yet").isEmpty();
    checkpoints.write();
    checkpoints.writeOnSchedule();
    assertThat(checkpoints.file()).exists();
    assertThat(Files.readAllLines(checkpoints.file())).hasSize(2).allMatch(line -> line.startsWith(
        "v2 2026-12-06T01:02:03Z 0:41:" + HASH + ",3:57:" + OTHER_HASH + " "));
    assertThat(checkpoints.read()).containsExactly(bothHeads(41, true), bothHeads(41, true));
  }

  /** The lines of the single chain before stripes keep their meaning: the last entry of stripe 0, which it became. */
  @Test
  void R04_aCheckpointOfTheChainBeforeStripesIsReadAsStripeZerosLastEntry() throws Exception {
    AuditCheckpoints checkpoints = checkpoints(seed(1), 41);
    String payload = "v1 41 " + HASH + " " + NOW;
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(AuditCheckpoints.keyPair(seed(1)).getPrivate());
    signer.update(payload.getBytes(StandardCharsets.US_ASCII));
    Files.createDirectories(checkpoints.file().getParent());
    Files.writeString(checkpoints.file(), payload + " " + Base64.getEncoder().encodeToString(signer.sign()) + "\n");
    assertThat(checkpoints.read()).containsExactly(new AuditCheckpoints.Checkpoint(
        List.of(new AuditCheckpoints.Head(0, 41, HASH)), NOW, true));
  }

  @Test
  void R04_anEmptyChainGetsNoCheckpoint() {
    AuditCheckpoints checkpoints = checkpoints(seed(1), 0);
    checkpoints.write();
    assertThat(checkpoints.file()).doesNotExist();
  }

  @Test
  void R04_aLineWithoutTheKeysSignatureOrNotALineOfOursIsAnUnsignedCheckpoint() throws Exception {
    checkpoints(seed(2), 41).write();
    AuditCheckpoints checkpoints = checkpoints(seed(1), 41);
    String heads = "0:41:" + HASH + ",3:57:" + OTHER_HASH;
    String good = "v2 " + NOW + " " + heads + " ";
    Files.writeString(checkpoints.file(), String.join("\n", "", "v2 " + NOW + " " + heads, good + "!!notbase64!!",
        good + "AAAA", "v3 " + NOW + " " + heads + " AAAA", "v2 " + NOW + " 0:x:" + HASH + " AAAA",
        "v2 " + NOW + " 0:41 AAAA", "v2 yesterday " + heads + " AAAA", "v1 41 " + HASH + " " + NOW + " AAAA",
        "  ") + "\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    AuditCheckpoints.Checkpoint unsigned = new AuditCheckpoints.Checkpoint(List.of(), null, false);
    List<AuditCheckpoints.Checkpoint> read = checkpoints.read();
    assertThat(read).as("blank lines are left out").hasSize(9);
    assertThat(read.get(0)).as("signed with another key").isEqualTo(bothHeads(41, false));
    assertThat(read.subList(1, 9)).as("three fields, bad Base64, a wrong signature, another version, a bad id, a head"
        + " without its link, a bad time, a line before stripes with a wrong signature")
        .allMatch(checkpoint -> !checkpoint.signed()).contains(unsigned);
  }
}
