package jp.lg.immunization.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account controls of the assessment: repeated login failures lock an account (R08) until a time or an
 * administrator unlocks it; an account has a validity period and an administrator can disable it at once (R09).
 * Disabling ends the account's sessions everywhere, since sessions live in the database, not in one node. An
 * administrator can also reset an account's second factor (R07).
 */
@Service
class AccountControls {

  record AccountView(String username, String displayName, String departmentCode, List<String> roles,
                     List<String> permissions, boolean enabled, boolean usable, Instant lockedUntil,
                     LocalDate validFrom, LocalDate validUntil, Instant lastLoginAt, Instant disabledAt,
                     String disabledBy, boolean secondFactorEnrolled, int accessVersion) {}

  private final UserAccountRepository accounts;
  private final TotpCredentials secondFactors;
  private final Sessions sessions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final int maxFailures;
  private final Duration lockDuration;

  AccountControls(UserAccountRepository accounts, TotpCredentials secondFactors, Sessions sessions,
                  CurrentUser currentUser, AuditTrail audit, Clock clock,
                  @Value("${immunization.security.lockout.max-failures:5}") int maxFailures,
                  @Value("${immunization.security.lockout.duration:PT30M}") Duration lockDuration) {
    this.accounts = accounts;
    this.secondFactors = secondFactors;
    this.sessions = sessions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.lockDuration = lockDuration;
  }

  /** In its own transaction: the failed login's request changes nothing else, and the count must stick. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void loginFailed(String username) {
    accounts.findById(username).ifPresent(account -> {
      Instant until = Instant.now(clock).plus(lockDuration);
      if (account.loginFailed(maxFailures, until)) {
        audit.recordFor(username, AuditOperation.ACCOUNT_LOCKED, "after " + maxFailures + " failures, until " + until);
      }
    });
  }

  @Transactional
  void loggedIn(String username) {
    accounts.findById(username).ifPresent(account -> account.loggedIn(Instant.now(clock)));
  }

  /** When a locked account may try again, for the refusal message. */
  @Transactional(readOnly = true)
  Instant lockedUntil(String username) {
    return accounts.findById(username).map(UserAccount::lockedUntil).orElse(null);
  }

  @Transactional(readOnly = true)
  List<AccountView> list() {
    LocalDate today = LocalDate.now(clock);
    Set<String> enrolled = secondFactors.enrolledUsernames();
    return accounts.findAll().stream().sorted(Comparator.comparing(UserAccount::username))
        .map(account -> view(account, today, enrolled.contains(account.username()))).toList();
  }

  /** For the auditor's account review: every account, with how long since it was last used. */
  record ReviewRow(AccountView account, Long daysSinceLastLogin, boolean unused) {}

  @Transactional
  List<ReviewRow> review(int unusedAfterDays) {
    Instant now = Instant.now(clock);
    List<ReviewRow> rows = list().stream().map(account -> {
      Long days = account.lastLoginAt() == null ? null : Duration.between(account.lastLoginAt(), now).toDays();
      return new ReviewRow(account, days, account.enabled() && (days == null || days > unusedAfterDays));
    }).toList();
    audit.record(AuditOperation.ACCOUNT_REVIEW, null, "accounts=" + rows.size());
    return rows;
  }

  @Transactional
  AccountView unlock(String username) {
    UserAccount account = require(username);
    account.unlock();
    audit.record(AuditOperation.ACCOUNT_UNLOCKED, null, "account=" + username);
    return view(account, LocalDate.now(clock));
  }

  @Transactional
  AccountView disable(String username) {
    if (username.equals(currentUser.get().username())) {
      throw ApiException.badRequest("self_disable", "自分自身のアカウントは無効にできません");
    }
    UserAccount account = require(username);
    account.disable(currentUser.get().username(), Instant.now(clock));
    int ended = sessions.endAll(username);
    audit.record(AuditOperation.ACCOUNT_DISABLED, null, "account=" + username + " sessions ended=" + ended);
    return view(account, LocalDate.now(clock));
  }

  @Transactional
  AccountView enable(String username) {
    UserAccount account = require(username);
    account.enable();
    audit.record(AuditOperation.ACCOUNT_ENABLED, null, "account=" + username);
    return view(account, LocalDate.now(clock));
  }

  /**
   * The account's second factor is removed (a lost or replaced phone): its sessions end, and the next login enrols an
   * authenticator app again (R07).
   */
  @Transactional
  AccountView resetSecondFactor(String username) {
    UserAccount account = require(username);
    boolean removed = secondFactors.remove(username);
    int ended = sessions.endAll(username);
    audit.record(AuditOperation.SECOND_FACTOR_RESET, null, "account=" + username + " enrolled before=" + removed
        + " sessions ended=" + ended);
    return view(account, LocalDate.now(clock));
  }

  @Transactional
  AccountView validity(String username, LocalDate from, LocalDate until) {
    if (from != null && until != null && from.isAfter(until)) {
      throw ApiException.invalid("有効期間が正しくありません", Map.of("validUntil", "終了日は開始日以降にしてください"));
    }
    UserAccount account = require(username);
    account.validity(from, until);
    LocalDate today = LocalDate.now(clock);
    int ended = account.usable(today) ? 0 : sessions.endAll(username);
    audit.record(AuditOperation.ACCOUNT_VALIDITY_SET, null, "account=" + username + " from=" + from + " until="
        + until + " sessions ended=" + ended);
    return view(account, today);
  }

  /** Hourly: an account whose validity period has ended is disabled, and its sessions end with it (R09). */
  @Scheduled(cron = "${immunization.security.account-expiry-cron:0 0 * * * *}", zone = "Asia/Tokyo")
  @SchedulerLock(name = "account-expiry")
  @Transactional
  public void disableExpiredAccounts() {
    LocalDate today = LocalDate.now(clock);
    accounts.findAll().stream().filter(account -> account.enabled() && !account.usable(today))
        .filter(account -> account.validUntil() != null && today.isAfter(account.validUntil()))
        .forEach(account -> {
          account.disable("system", Instant.now(clock));
          audit.recordFor(account.username(), AuditOperation.ACCOUNT_EXPIRED, "valid until " + account.validUntil()
              + ", sessions ended=" + sessions.endAll(account.username()));
        });
  }

  private UserAccount require(String username) {
    return accounts.findById(username).orElseThrow(() -> ApiException.notFound("アカウントが見つかりません"));
  }

  AccountView view(UserAccount account) {
    return view(account, LocalDate.now(clock));
  }

  private AccountView view(UserAccount account, LocalDate today) {
    return view(account, today, secondFactors.enrolled(account.username()));
  }

  private AccountView view(UserAccount account, LocalDate today, boolean secondFactorEnrolled) {
    Instant now = Instant.now(clock);
    return new AccountView(account.username(), account.displayName(), account.departmentCode(),
        account.roles().stream().map(Role::name).toList(), account.permissions().stream().map(Permission::name).toList(),
        account.enabled(), account.usable(today) && !account.locked(now), account.locked(now) ? account.lockedUntil() : null,
        account.validFrom(), account.validUntil(), account.lastLoginAt(), account.disabledAt(), account.disabledBy(),
        secondFactorEnrolled, account.accessVersion());
  }
}
