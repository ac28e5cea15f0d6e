package com.optimalworkforce.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scan every module's canary test relies on must catch a leak in each form and place it looks. */
class CanaryScanTest {
  private static final Logger LOG = LoggerFactory.getLogger(CanaryScanTest.class);
  private static final String CANARY = "CANARY-f00d5e7a91-pk";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"as is", "url-encoded", "basic header", "basic header shifted", "url-safe base64",
      "cut short", "in a cause"})
  void catchesALeakInEveryForm(String form) {
    try (CanaryScan scan = CanaryScan.start(CANARY + "/+?")) {
      String secret = CANARY + "/+?";
      Object leaky = switch (form) {
        case "as is" -> "value " + secret;
        case "url-encoded" -> "client_secret%3D" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        case "basic header" -> "Authorization: Basic " + b64("ac-public-1:" + secret);
        case "basic header shifted" -> "Authorization: Basic " + b64("ac-public-12:" + secret);
        case "url-safe base64" -> Base64.getUrlEncoder().encodeToString(("x" + secret).getBytes(StandardCharsets.UTF_8));
        case "cut short" -> "the body said: " + secret.substring(0, 14) + "...";
        default -> new IllegalStateException("outer", new UncheckedIOException(new IOException("key=" + secret)));
      };
      scan.seen("harmless text", leaky);
      assertThatThrownBy(scan::assertNoCanary).isInstanceOf(AssertionError.class)
          .hasMessageContaining("a canary secret leaked");
    }
  }

  @Test
  void catchesALeakInTheCapturedLogsAndInWhatThrew() {
    try (CanaryScan scan = CanaryScan.start(CANARY)) {
      LOG.debug("calling with key {}", CANARY);
      assertThat(scan.logs()).contains("calling with key");
      assertThatThrownBy(() -> scan.assertNoCanary("calling with key")).hasMessageContaining("leaked");
    }
    try (CanaryScan scan = CanaryScan.start(CANARY)) {
      Throwable t = scan.thrown(() -> {
        throw new IllegalArgumentException("bad key " + CANARY);
      });
      assertThat(t).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(scan::assertNoCanary).hasMessageContaining("leaked");
    }
  }

  @Test
  void passesCleanTextAndFailsWhenTheLogCaptureSawNothing() {
    try (CanaryScan scan = CanaryScan.start(CANARY)) {
      LOG.trace("fetched an access token");
      scan.seen("Secret[redacted]", new IllegalStateException("Authorization: [redacted]"));
      scan.assertNoCanary("fetched an access token");
      assertThat(scan.recorded()).isEqualTo(2);
      assertThatThrownBy(() -> scan.assertNoCanary("a line that was never logged"))
          .hasMessageContaining("does not contain \"a line that was never logged\"");
      assertThatThrownBy(() -> scan.thrown(() -> { })).hasMessageContaining("expected a failure");
    }
  }

  @Test
  void refusesCanariesTooShortToTellApartAndCapturesAndRestoresBothStreams() {
    assertThatThrownBy(() -> CanaryScan.start("short")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'short'");
    var err = System.err;
    var out = System.out;
    CanaryScan scan = CanaryScan.start(CANARY);
    assertThat(System.err).isNotSameAs(err);
    System.out.println("printed by a library's debug switch: " + CANARY);
    assertThat(scan.logs()).contains("debug switch");
    assertThatThrownBy(scan::assertNoCanary).hasMessageContaining("leaked");
    scan.close();
    assertThat(System.err).isSameAs(err);
    assertThat(System.out).isSameAs(out);
  }

  @Test
  void quotingMaskedRequiresAFailureThatQuotesTheServerWithTheSecretMasked() {
    try (CanaryScan scan = CanaryScan.start(CANARY)) {
      ConnectionCheck masked = ConnectionCheck.failed(ConnectionFailure.INVALID_CREDENTIALS,
          "the server said: bad key [redacted]", Duration.ZERO);
      assertThat(scan.failedQuotingMasked(masked)).isSameAs(masked);
      assertThatThrownBy(() -> scan.failedQuotingMasked(ConnectionCheck.failed(ConnectionFailure.INVALID_CREDENTIALS,
          "the server said: bad key", Duration.ZERO))).isInstanceOf(AssertionError.class)
          .hasMessageContaining("[redacted]").hasMessageContaining("bad key");
      assertThatThrownBy(() -> scan.failedQuotingMasked(ConnectionCheck.success("connected", Duration.ZERO)))
          .isInstanceOf(AssertionError.class).hasMessageContaining("passed");

      assertThat(scan.thrownQuotingMasked(() -> {
        throw new IllegalStateException("refused: token [redacted]");
      })).hasMessage("refused: token [redacted]");
      assertThatThrownBy(() -> scan.thrownQuotingMasked(() -> {
        throw new IllegalStateException("refused");
      })).isInstanceOf(AssertionError.class).hasMessageContaining("refused");
      assertThatThrownBy(() -> scan.thrownQuotingMasked(() -> { })).isInstanceOf(AssertionError.class)
          .hasMessageContaining("expected a failure");
      assertThat(scan.recorded()).isEqualTo(5);
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
