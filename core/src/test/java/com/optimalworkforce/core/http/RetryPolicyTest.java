package com.optimalworkforce.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

  @Test
  void defaultsAreFiveAttemptsFromOneSecondDoublingToSixty() {
    RetryPolicy p = RetryPolicy.ofDefaults();
    assertThat(p.maxAttempts()).isEqualTo(5);
    assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.backoff(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.backoff(10)).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.jitter()).isEqualTo(0.5);
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 502, 503, 504})
  void retriesOnlyTheseStatuses(int status) {
    assertThat(RetryPolicy.isRetryableStatus(status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 400, 401, 403, 404, 409, 500, 501})
  void doesNotRetryOthers(int status) {
    assertThat(RetryPolicy.isRetryableStatus(status)).isFalse();
  }

  @Test
  void settersRejectBadValuesNamingThem() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts must be between 1 and 100 but was 0");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was 1.5");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff must be at least 1 ms but was PT0S");
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was 0.5");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(5)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxBackoff (PT5S) must not be below initialBackoff (PT10S)");
  }

  @Test
  void toBuilderKeepsEverything() {
    RetryPolicy p = RetryPolicy.builder().maxAttempts(3).jitter(0).maxRetryAfter(Duration.ofSeconds(9)).build();
    assertThat(p.toBuilder().build()).isEqualTo(p);
    assertThat(p.toString()).contains("maxAttempts=3");
  }

  @Test
  void rateLimitPoliciesDescribeTheirLimit() {
    assertThat(RateLimitPolicy.unlimited().isUnlimited()).isTrue();
    RateLimitPolicy five = RateLimitPolicy.perSecond(5);
    assertThat(five.limitForPeriod()).isEqualTo(5);
    assertThat(five.period()).isEqualTo(Duration.ofSeconds(1));
    RateLimitPolicy half = RateLimitPolicy.perSecond(0.5);
    assertThat(half.limitForPeriod()).isEqualTo(1);
    assertThat(half.period()).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> RateLimitPolicy.perSecond(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was 0.0");
    assertThatThrownBy(() -> RateLimitPolicy.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("limitForPeriod is required");
  }
}
