package jp.lg.immunization.security;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import jp.lg.immunization.platform.AesGcm;
import jp.lg.immunization.platform.ConfiguredKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TOTP secrets of accounts (R07), in {@code totp_credential}, encrypted with AES-GCM under
 * {@code immunization.security.totp-key}. A secret is unconfirmed until the user has entered a valid code from it;
 * the last accepted time step is kept, so that a code is accepted once only.
 */
@Service
class TotpCredentials {

  enum Check { ACCEPTED, ENROLLED, WRONG }

  private record Stored(Totp totp, boolean confirmed, long lastStep) {}

  private final JdbcTemplate jdbc;
  private final AesGcm cipher;
  private final Clock clock;

  TotpCredentials(JdbcTemplate jdbc, ConfiguredKeys keys, Clock clock,
                  @Value("${immunization.security.totp-key:}") String configuredKey) {
    this.jdbc = jdbc;
    this.cipher = new AesGcm(keys.require("immunization.security.totp-key", configuredKey, "demo-totp.key",
        "the key that encrypts the second factor's TOTP secrets"));
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  boolean enrolled(String username) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "select exists (select 1 from totp_credential where username = ? and confirmed_at is not null)",
        Boolean.class, username));
  }

  @Transactional(readOnly = true)
  Set<String> enrolledUsernames() {
    return new HashSet<>(jdbc.queryForList("select username from totp_credential where confirmed_at is not null",
        String.class));
  }

  /**
   * The secret for an account that has none confirmed: the one already offered (so that a reloaded page shows the
   * same QR code), else a new one. Empty when the account is enrolled already.
   */
  @Transactional
  Optional<Totp> unconfirmed(String username) {
    List<Stored> stored = load(username, false);
    if (!stored.isEmpty()) {
      return stored.get(0).confirmed() ? Optional.empty() : Optional.of(stored.get(0).totp());
    }
    Totp created = Totp.generate();
    jdbc.update("insert into totp_credential (username, secret, created_at) values (?, ?, ?)", username,
        seal(created.key()), Timestamp.from(Instant.now(clock)));
    return Optional.of(created);
  }

  /**
   * Checks a code against the account's secret; a valid code of an unconfirmed secret confirms it (enrolment). The
   * row is locked, so that the same code sent twice at once is accepted once.
   */
  @Transactional
  Check check(String username, String code) {
    List<Stored> stored = load(username, true);
    if (stored.isEmpty()) {
      return Check.WRONG;
    }
    Stored credential = stored.get(0);
    Instant now = Instant.now(clock);
    OptionalLong step = credential.totp().match(code, now, credential.lastStep());
    if (step.isEmpty()) {
      return Check.WRONG;
    }
    jdbc.update("""
        update totp_credential set last_step = ?, confirmed_at = coalesce(confirmed_at, ?) where username = ?""",
        step.getAsLong(), Timestamp.from(now), username);
    return credential.confirmed() ? Check.ACCEPTED : Check.ENROLLED;
  }

  /** Forgets the account's secret: the next login enrols again. True when there was one. */
  @Transactional
  boolean remove(String username) {
    return jdbc.update("delete from totp_credential where username = ?", username) > 0;
  }

  private List<Stored> load(String username, boolean forUpdate) {
    return jdbc.query("select secret, confirmed_at, last_step from totp_credential where username = ?"
            + (forUpdate ? " for update" : ""),
        (row, index) -> new Stored(new Totp(open(row.getBytes("secret"))), row.getTimestamp("confirmed_at") != null,
            row.getObject("last_step") == null ? Long.MIN_VALUE : row.getLong("last_step")),
        username);
  }

  private byte[] seal(byte[] secret) {
    try {
      return cipher.encrypt(secret);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a TOTP secret", e);
    }
  }

  private byte[] open(byte[] sealed) {
    try {
      return cipher.decrypt(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot decrypt a TOTP secret (is immunization.security.totp-key the one it was"
          + " stored with?)", e);
    }
  }
}
