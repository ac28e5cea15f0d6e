package com.optimalworkforce.core.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "0 | PT0S",
      "7 | PT7S",
      "' 120 ' | PT2M",
      "Fri, 20 Nov 2026 15:00:30 GMT | PT30S",
      "Fri, 20 Nov 2026 14:59:00 GMT | PT0S",
      "Sat, 21 Nov 2026 15:00:00 GMT | PT24H",
      "soon | none",
      "-5 | none",
      "'' | none",
  })
  void readsSecondsAndHttpDates(String header, String expected) {
    assertThat(RetryAfter.parse(header, NOW).orElse(null))
        .isEqualTo(expected == null ? null : Duration.parse(expected));
  }
}
