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
import java.util.stream.Collectors;
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
 * verification, a line with the time, the last entry's id and link of every stripe, and an Ed25519 signature over them
 * is appended to {@code <checkpoint-dir>/audit-checkpoints.log}
 * ({@code v2 <time> <stripe>:<id>:<link>,<stripe>:<id>:<link>... <signature>}). Lines of the single chain before
 * stripes ({@code v1 <id> <link> <time> <signature>}) are read as checkpoints of stripe 0, which that chain became. Configure that folder as append-only or WORM storage (or forward the
 * file to syslog): then not even whoever can rewrite every table can make the chain agree with the checkpoints again,
 * cut off its tail, or swap in an older backup unseen. The signing key (32 bytes from configuration, like the other
 * keys) never enters the database; its public key is logged at start-up for checks outside the app.
 */
@Component
class AuditCheckpoints {

  static final String KEY_PROPERTY = "immunization.audit.signing-key";
  static final String FILE_NAME = "audit-checkpoints.log";
  private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

  /** One line of the file: every stripe's last entry at that time; {@code signed} says whether its signature holds. */
  record Checkpoint(List<Head> heads, Instant at, boolean signed) {}

  /** A stripe's last entry. */
  record Head(int stripe, long lastId, String lastHash) {}

  private static final Checkpoint UNSIGNED = new Checkpoint(List.of(), null, false);

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

  /**
   * Appends a checkpoint of every stripe's last entry, when there is one; written through to the disk. The stripes are
   * found through the index of their heads, one probe each, whatever their number was on any node.
   */
  void write() {
    List<Map<String, Object>> heads = jdbc.queryForList("""
        with recursive stripes (stripe) as (
          select min(stripe) from audit_event
          union all
          select (select min(stripe) from audit_event where stripe > stripes.stripe) from stripes
          where stripe is not null)
        select head.stripe, head.id, head.hash from stripes cross join lateral (
          select stripe, id, hash from audit_event where audit_event.stripe = stripes.stripe order by id desc limit 1
        ) head order by head.stripe""");
    if (heads.isEmpty()) {
      return;
    }
    String payload = payload(Instant.now(clock), heads.stream().map(head -> new Head(
        ((Number) head.get("stripe")).intValue(), ((Number) head.get("id")).longValue(), (String) head.get("hash")))
        .toList());
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
    try {
      if (parts.length == 4 && "v2".equals(parts[0])) {
        List<Head> heads = new ArrayList<>();
        for (String head : parts[2].split(",")) {
          String[] fields = head.split(":");
          if (fields.length != 3) {
            return UNSIGNED;
          }
          heads.add(new Head(Integer.parseInt(fields[0]), Long.parseLong(fields[1]), fields[2]));
        }
        return new Checkpoint(heads, Instant.parse(parts[1]), verified(String.join(" ", parts[0], parts[1], parts[2]),
            parts[3]));
      }
      if (parts.length == 5 && "v1".equals(parts[0])) {
        return new Checkpoint(List.of(new Head(0, Long.parseLong(parts[1]), parts[2])), Instant.parse(parts[3]),
            verified(String.join(" ", parts[0], parts[1], parts[2], parts[3]), parts[4]));
      }
    } catch (GeneralSecurityException | IllegalArgumentException | java.time.DateTimeException e) {
      return UNSIGNED;
    }
    return UNSIGNED;
  }

  private boolean verified(String payload, String signature) throws GeneralSecurityException {
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(keys.getPublic());
    verifier.update(payload.getBytes(StandardCharsets.US_ASCII));
    return verifier.verify(Base64.getDecoder().decode(signature));
  }

  private static String payload(Instant at, List<Head> heads) {
    return "v2 " + at + " " + heads.stream().map(head -> head.stripe() + ":" + head.lastId() + ":" + head.lastHash())
        .collect(Collectors.joining(","));
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
