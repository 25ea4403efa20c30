package jp.lg.immunization.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.ConfiguredKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the audit chain written outside the database (R04): every few minutes and at each
 * verification, a line with the last entry's id and link, the time, and an Ed25519 signature over them is appended to
 * {@code <checkpoint-dir>/audit-checkpoints.log}. Configure that folder as append-only or WORM storage (or forward the
 * file to syslog): then not even whoever can rewrite every table can make the chain agree with the checkpoints again,
 * cut off its tail, or swap in an older backup unseen. The signing key (32 bytes from configuration, like the other
 * keys) never enters the database; its public key is logged at start-up for checks outside the app.
 */
@Component
class AuditCheckpoints {

  static final String KEY_PROPERTY = "immunization.audit.signing-key";
  static final String FILE_NAME = "audit-checkpoints.log";
  private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

  /** One line of the file; {@code signed} says whether its signature holds. */
  record Checkpoint(long lastId, String lastHash, Instant at, boolean signed) {}

  private final KeyPair keys;
  final Path file;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  @Autowired
  AuditCheckpoints(@Value("${" + KEY_PROPERTY + ":}") String configured, ConfiguredKeys configuredKeys,
                   @Value("${immunization.audit.checkpoint-dir:${immunization.data-dir:data}/audit-checkpoints}")
                   Path directory, JdbcTemplate jdbc, Clock clock) {
    this(keyPair(configuredKeys.require(KEY_PROPERTY, configured, "audit-signing.key",
        "the Ed25519 key that signs the audit trail's checkpoints (R04)")), directory.resolve(FILE_NAME), jdbc, clock);
    log.info("Audit checkpoints: {} (Ed25519 public key {})", file.toAbsolutePath(),
        Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
  }

  AuditCheckpoints(KeyPair keys, Path file, JdbcTemplate jdbc, Clock clock) {
    this.keys = keys;
    this.file = file;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The append-only file the checkpoints go to (read through the bean: the cluster lock makes it a proxy). */
  Path file() {
    return file;
  }

  /**
   * Every interval, on one node of the cluster. The lock is on this entry only: a verification writes its checkpoint
   * through {@link #write} itself, inside its own (read-only) transaction.
   */
  @Scheduled(fixedDelayString = "${immunization.audit.checkpoint-interval:PT15M}",
      initialDelayString = "${immunization.audit.checkpoint-interval:PT15M}")
  @SchedulerLock(name = "audit-checkpoint")
  void writeOnSchedule() {
    write();
  }

  /** Appends a checkpoint of the chain's last entry, when there is one; written through to the disk. */
  void write() {
    List<Map<String, Object>> last = jdbc.queryForList("select id, hash from audit_event order by id desc limit 1");
    if (last.isEmpty()) {
      return;
    }
    String payload = payload(((Number) last.get(0).get("id")).longValue(), (String) last.get(0).get("hash"),
        Instant.now(clock));
    String line = payload + " " + Base64.getEncoder().encodeToString(sign(payload)) + "\n";
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the audit checkpoint to " + file, e);
    }
  }

  /** Every checkpoint in the file, in order; none when there is no file yet. */
  List<Checkpoint> read() {
    List<Checkpoint> checkpoints = new ArrayList<>();
    if (!Files.exists(file)) {
      return checkpoints;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        if (!line.isBlank()) {
          checkpoints.add(parse(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the audit checkpoints in " + file, e);
    }
    return checkpoints;
  }

  private Checkpoint parse(String line) {
    String[] parts = line.trim().split(" ");
    if (parts.length != 5 || !"v1".equals(parts[0])) {
      return new Checkpoint(-1, null, null, false);
    }
    try {
      String payload = String.join(" ", parts[0], parts[1], parts[2], parts[3]);
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(keys.getPublic());
      verifier.update(payload.getBytes(StandardCharsets.US_ASCII));
      return new Checkpoint(Long.parseLong(parts[1]), parts[2], Instant.parse(parts[3]),
          verifier.verify(Base64.getDecoder().decode(parts[4])));
    } catch (GeneralSecurityException | IllegalArgumentException | java.time.DateTimeException e) {
      return new Checkpoint(-1, null, null, false);
    }
  }

  private static String payload(long id, String hash, Instant at) {
    return "v1 " + id + " " + hash + " " + at;
  }

  private byte[] sign(String payload) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(keys.getPrivate());
      signer.update(payload.getBytes(StandardCharsets.US_ASCII));
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
    }
  }

  /** The key pair whose private key is the configured 32-byte seed (RFC 8032). */
  static KeyPair keyPair(byte[] seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
        @Override
        public void nextBytes(byte[] bytes) {
          System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
      });
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
    }
  }
}
