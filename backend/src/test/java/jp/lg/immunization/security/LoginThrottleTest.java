package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** R08: the wait a client's wrong passwords earn it grows by doubling after the free ones, up to its maximum. */
class LoginThrottleTest {

  @Test
  void R08_theDelayDoublesAfterTheFreeFailuresUpToItsMaximum() {
    Duration max = Duration.ofMinutes(15);
    assertThat(LoginThrottle.delay(2, 3, max)).isZero();
    assertThat(LoginThrottle.delay(3, 3, max)).hasSeconds(1);
    assertThat(LoginThrottle.delay(4, 3, max)).hasSeconds(2);
    assertThat(LoginThrottle.delay(12, 3, max)).hasSeconds(512);
    assertThat(LoginThrottle.delay(13, 3, max)).isEqualTo(max);
    assertThat(LoginThrottle.delay(1_000, 3, max)).isEqualTo(max);
  }
}
