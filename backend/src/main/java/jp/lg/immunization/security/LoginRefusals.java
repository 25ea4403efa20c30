package jp.lg.immunization.security;

import java.time.Instant;
import jp.lg.immunization.platform.ApiError;
import jp.lg.immunization.platform.JapaneseDates;

/** What a user whose login is refused reads, at the password step and at the second factor alike (R08, R09). */
final class LoginRefusals {

  private LoginRefusals() {}

  static ApiError locked(Instant until) {
    return ApiError.of(401, "account_locked", "ログインの失敗が続いたため、このアカウントはロックされています。"
        + (until == null ? "" : JapaneseDates.format(until) + "以降に再度お試しいただくか、")
        + "システム管理者に解除を依頼してください");
  }

  static ApiError throttled(long seconds) {
    return ApiError.of(429, "too_many_attempts", "ログインの失敗が続いたため、この端末からのログインを一時的に制限しています。"
        + seconds + "秒後に再度お試しください");
  }

  static ApiError disabled() {
    return ApiError.of(401, "account_disabled", "このアカウントは無効です（有効期間外または利用停止）。システム管理者に連絡してください");
  }
}
