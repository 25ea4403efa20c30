package jp.lg.immunization.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user changes their own password under the policy (R08); an expired password must be changed first. */
@Service
class PasswordChanges {

  private final UserAccountRepository accounts;
  private final PasswordPolicy policy;
  private final PasswordEncoder encoder;
  private final JdbcTemplate jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration maxAge;

  PasswordChanges(UserAccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, JdbcTemplate jdbc,
                  AuditTrail audit, Clock clock,
                  @Value("${immunization.security.password.max-age:P180D}") Duration maxAge) {
    this.accounts = accounts;
    this.policy = policy;
    this.encoder = encoder;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  @Transactional(readOnly = true)
  boolean expired(String username) {
    return accounts.findById(username).map(account -> account.passwordExpired(Instant.now(clock), maxAge))
        .orElse(false);
  }

  @Transactional
  void change(String username, String current, String proposed) {
    UserAccount account = accounts.findById(username).orElseThrow(() -> ApiException.notFound("アカウントが見つかりません"));
    if (current == null || !encoder.matches(current, account.passwordHash())) {
      throw ApiException.invalid("現在のパスワードが正しくありません", Map.of("currentPassword", "現在のパスワードが正しくありません"));
    }
    List<String> recent = new ArrayList<>();
    recent.add(account.passwordHash());
    recent.addAll(jdbc.queryForList("""
        select password_hash from password_history where username = ? order by changed_at desc, id desc limit ?""",
        String.class, username, policy.historySize()));
    List<String> problems = policy.problems(proposed == null ? "" : proposed, current, username, recent);
    if (!problems.isEmpty()) {
      throw ApiException.invalid("新しいパスワードが条件を満たしていません", Map.of("newPassword", String.join(" / ", problems)));
    }
    Instant now = Instant.now(clock);
    jdbc.update("insert into password_history (username, password_hash, changed_at) values (?, ?, ?)", username,
        account.passwordHash(), Timestamp.from(now));
    account.changePassword(encoder.encode(proposed), now);
    audit.record(AuditOperation.PASSWORD_CHANGED, null, null);
  }
}
