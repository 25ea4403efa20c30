package jp.lg.immunization.security;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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
 * {@code immunization.security.totp-key}. A secret is stored once the user has entered a valid code from it (until
 * then it lives only in the session that enrols); the last accepted time step is kept, so that a code is accepted once.
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
   * A new secret for one enrolment attempt, sealed: it is kept in the session that asked for it and nowhere else, so
   * that no other session that passed the password is ever handed it (issue 15).
   */
  byte[] newSealedSecret() {
    return seal(Totp.generate().key());
  }

  /** The secret of an enrolment attempt, as the session keeps it sealed. */
  Totp openSecret(byte[] sealed) {
    return new Totp(open(sealed));
  }

  /**
   * Checks a code against the account's confirmed secret or, for an account without one, against the secret of this
   * session's enrolment attempt, which a valid code confirms. The row is locked, so that the same code sent twice at
   * once is accepted once.
   */
  @Transactional
  Check check(String username, String code, byte[] sessionSecret) {
    List<Stored> stored = load(username, true);
    Instant now = Instant.now(clock);
    if (stored.isEmpty()) {
      if (sessionSecret == null) {
        return Check.WRONG;
      }
      OptionalLong step = openSecret(sessionSecret).match(code, now, Long.MIN_VALUE);
      if (step.isEmpty()) {
        return Check.WRONG;
      }
      // A secret offered by an earlier version of the app is replaced; a confirmed one never.
      int enrolled = jdbc.update("""
          insert into totp_credential (username, secret, created_at, confirmed_at, last_step) values (?, ?, ?, ?, ?)
          on conflict (username) do update set secret = excluded.secret, created_at = excluded.created_at,
            confirmed_at = excluded.confirmed_at, last_step = excluded.last_step
          where totp_credential.confirmed_at is null""", username, sessionSecret, Timestamp.from(now),
          Timestamp.from(now), step.getAsLong());
      return enrolled == 1 ? Check.ENROLLED : Check.WRONG;
    }
    Stored credential = stored.get(0);
    OptionalLong step = credential.totp().match(code, now, credential.lastStep());
    if (step.isEmpty()) {
      return Check.WRONG;
    }
    jdbc.update("update totp_credential set last_step = ? where username = ?", step.getAsLong(), username);
    return Check.ACCEPTED;
  }

  /** Forgets the account's secret: the next login enrols again. True when there was one. */
  @Transactional
  boolean remove(String username) {
    return jdbc.update("delete from totp_credential where username = ?", username) > 0;
  }

  private List<Stored> load(String username, boolean forUpdate) {
    return jdbc.query("select secret, confirmed_at, last_step from totp_credential where username = ?"
            + " and confirmed_at is not null" + (forUpdate ? " for update" : ""),
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
