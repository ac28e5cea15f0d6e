package com.optimalworkforce.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FailureClassifierTest {
  private static final FailureClassifier ALAYACARE = FailureClassifier.forHost("example.alayacare.ca")
      .credentials("the public/private key pair", "Check the key pair in AlayaCare's API settings, or request a new one.");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "401 | INVALID_CREDENTIALS | Invalid credentials: example.alayacare.ca rejected the public/private key pair (401). Check the key pair",
      "403 | ACCESS_DENIED | Access denied: example.alayacare.ca accepted the public/private key pair but refused the request (403)",
      "429 | RATE_LIMITED | Rate limited: example.alayacare.ca kept answering 429",
      "504 | TIMEOUT | Connection timeout: example.alayacare.ca answered 504",
      "500 | UNEXPECTED_RESPONSE | Unexpected response: example.alayacare.ca answered HTTP 500.",
      "404 | UNEXPECTED_RESPONSE | Check the base URL",
  })
  void classifiesStatuses(int status, ConnectionFailure failure, String message) {
    ConnectorException e = ALAYACARE.fromStatus(status, null);
    assertThat(e.failure()).isEqualTo(failure);
    assertThat(e).hasMessageContaining(message);
  }

  @Test
  void quotesWhatTheServerSaidRedactedAndShort() {
    ConnectorException e = ALAYACARE.fromStatus(500, "error for Authorization: Bearer abcdefghijkl " + "x".repeat(1000));
    assertThat(e.getMessage()).contains("The server said: \"error for Authorization: [redacted]")
        .doesNotContain("abcdefghijkl").hasSizeLessThan(600);
  }

  static Stream<Arguments> ioFailures() {
    return Stream.of(
        Arguments.of(new SocketTimeoutException("Read timed out"), ConnectionFailure.TIMEOUT, "did not answer in time"),
        Arguments.of(new HttpConnectTimeoutException("HTTP connect timed out"), ConnectionFailure.TIMEOUT, "did not answer in time"),
        Arguments.of(new InterruptedIOException("timeout"), ConnectionFailure.TIMEOUT, "did not answer in time"),
        Arguments.of(new UnknownHostException("example.alayacare.ca"), ConnectionFailure.UNREACHABLE, "could not be resolved"),
        Arguments.of(new IOException("wrapped", new ConnectException("Connection refused")), ConnectionFailure.UNREACHABLE,
            "refused the connection"),
        Arguments.of(new SSLHandshakeException("Received fatal alert: protocol_version"), ConnectionFailure.UNREACHABLE,
            "TLS 1.2 or newer is required"),
        Arguments.of(new SocketException("Connection reset"), ConnectionFailure.UNEXPECTED_RESPONSE, "closed the connection"),
        Arguments.of(new IOException("unexpected end of stream on http://x", new EOFException()),
            ConnectionFailure.UNEXPECTED_RESPONSE, "closed the connection"),
        Arguments.of(new IOException("something odd"), ConnectionFailure.UNEXPECTED_RESPONSE, "calling example.alayacare.ca failed"),
        Arguments.of(new UncheckedIOException(new SocketTimeoutException("x")), ConnectionFailure.TIMEOUT, "did not answer"));
  }

  @ParameterizedTest
  @MethodSource("ioFailures")
  void classifiesIoFailures(Throwable failure, ConnectionFailure expected, String message) {
    ConnectorException e = ALAYACARE.classify(failure);
    assertThat(e.failure()).isEqualTo(expected);
    assertThat(e).hasMessageContaining("example.alayacare.ca").hasMessageContaining(message);
    assertThat(e.getMessage()).startsWith(expected.label() + ": ");
  }

  @Test
  void aClassifiedFailureInTheCauseChainIsKept() {
    ConnectorException original = new ConnectorException(ConnectionFailure.ACCESS_DENIED, "no permission. Ask.");
    assertThat(ALAYACARE.classify(new RuntimeException("hapi", new ConnectorIOException(original)))).isSameAs(original);
  }

  @Test
  void ioMessagesAreRedacted() {
    IOException original = new IOException("failed POST with client_secret=hunter2");
    ConnectorException e = ALAYACARE.classify(original);
    assertThat(e.getMessage()).contains("client_secret=[redacted]").doesNotContain("hunter2");

    // The cause keeps the stack trace and the exception's class, not the secret.
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain("hunter2").contains("java.io.IOException: failed POST with client_secret=[redacted]");
    assertThat(e.getCause().getStackTrace()).isEqualTo(original.getStackTrace());
  }

  @Test
  void aCauseWithoutSecretsIsKeptAsIs() {
    SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
    assertThat(ALAYACARE.classify(timeout).getCause()).isSameAs(timeout);
  }
}
