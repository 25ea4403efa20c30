package jp.lg.immunization.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
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

  @TempDir Path folder;

  /** The last entry as the chain's table would answer it: the checkpoints read nothing else from the database. */
  private static JdbcTemplate lastEntry(long id, String hash) {
    return new JdbcTemplate() {
      @Override
      public List<Map<String, Object>> queryForList(String sql) {
        return id == 0 ? List.of() : List.of(Map.of("id", id, "hash", hash));
      }
    };
  }

  private AuditCheckpoints checkpoints(byte[] seed, long lastId) {
    return new AuditCheckpoints(AuditCheckpoints.keyPair(seed), folder.resolve("sub").resolve(AuditCheckpoints.FILE_NAME),
        lastEntry(lastId, HASH), Clock.fixed(NOW, ZoneOffset.UTC));
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
  void R04_aCheckpointIsTheLastEntrySignedAndAppendedInAFolderMadeForIt() throws Exception {
    AuditCheckpoints checkpoints = checkpoints(seed(1), 41);
    assertThat(checkpoints.read()).as("no file yet").isEmpty();
    checkpoints.write();
    checkpoints.writeOnSchedule();
    assertThat(checkpoints.file()).exists();
    assertThat(Files.readAllLines(checkpoints.file())).hasSize(2).allMatch(line -> line.startsWith("v1 41 " + HASH
        + " 2026-12-06T01:02:03Z "));
    assertThat(checkpoints.read()).containsExactly(new AuditCheckpoints.Checkpoint(41, HASH, NOW, true),
        new AuditCheckpoints.Checkpoint(41, HASH, NOW, true));
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
    String good = "v1 41 " + HASH + " " + NOW + " ";
    Files.writeString(checkpoints.file(), String.join("\n", "", "v1 41 " + HASH + " " + NOW, good + "!!notbase64!!",
        good + "AAAA", "v2 41 " + HASH + " " + NOW + " AAAA", "v1 x " + HASH + " " + NOW + " AAAA",
        "v1 41 " + HASH + " yesterday AAAA", "  ") + "\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    AuditCheckpoints.Checkpoint unsigned = new AuditCheckpoints.Checkpoint(-1, null, null, false);
    List<AuditCheckpoints.Checkpoint> read = checkpoints.read();
    assertThat(read).as("blank lines are left out").hasSize(7);
    assertThat(read.get(0)).as("signed with another key").isEqualTo(new AuditCheckpoints.Checkpoint(41, HASH, NOW,
        false));
    assertThat(read.subList(1, 7)).as("four fields, bad Base64, a wrong signature, another version, a bad id, a bad"
        + " time").allMatch(checkpoint -> !checkpoint.signed()).contains(unsigned);
  }
}
