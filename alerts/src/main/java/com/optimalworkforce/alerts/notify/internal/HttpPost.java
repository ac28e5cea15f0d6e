package com.optimalworkforce.alerts.notify.internal;

import com.optimalworkforce.core.http.HttpResilience;
import com.optimalworkforce.core.http.ResponseView;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.security.Redactor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one notification with the JDK HttpClient under the SDK's TLS policy and retry policy.
 * A POST that may have reached the provider (a timeout, a reset) is not repeated here, since that
 * could send the message twice; only answers that say it was not processed (429, 502, 503, 504)
 * are retried, honouring {@code Retry-After}. Not API.
 */
public final class HttpPost {
  private static final Logger LOG = LoggerFactory.getLogger(HttpPost.class);

  private final String provider;
  private final HttpClient client;
  private final HttpResilience resilience;
  private final Duration timeout;
  private final Redactor redactor;

  public HttpPost(String provider, TlsPolicy tls, RetryPolicy retry, Duration timeout, Clock clock, Redactor redactor) {
    this.provider = provider;
    this.client = tls.applyTo(HttpClient.newBuilder()).connectTimeout(timeout).build();
    this.resilience = HttpResilience.builder().retryPolicy(retry).clock(clock).name(provider).redactor(redactor)
        .build();
    this.timeout = timeout;
    this.redactor = redactor;
  }

  /** The provider's answer, or the result to report when there was none. */
  public record Outcome(HttpResponse<String> response, DeliveryResult failure) {}

  /** Sends the request; the builder gets the timeout set here. */
  public Outcome send(HttpRequest.Builder request, String hostForMessages) {
    HttpRequest built = request.timeout(timeout).build();
    try {
      HttpResponse<String> response = resilience.execute("POST " + hostForMessages, true, ResponseView.jdk(), () -> {
        try {
          return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
          throw new UncheckedIOException(e); // never retried here: it may have been sent
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while sending to " + hostForMessages);
        }
      });
      return new Outcome(response, null);
    } catch (UncheckedIOException e) {
      return new Outcome(null, ioFailure(e.getCause(), hostForMessages));
    } catch (IOException e) {
      return new Outcome(null, ioFailure(e, hostForMessages));
    } catch (RuntimeException e) {
      // e.g. the client-side rate limit: worth trying again later
      LOG.debug("{} send failed", provider, e);
      return new Outcome(null, DeliveryResult.retryable(redactor.redact(provider + " could not be called: "
          + e.getMessage())));
    }
  }

  private DeliveryResult ioFailure(IOException e, String host) {
    LOG.debug("{} I/O failure: {}", provider, e.getClass().getSimpleName());
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return DeliveryResult.retryable("Could not connect to " + provider + " at " + host
          + " (connection refused); the message was not sent and will be retried");
    }
    if (e instanceof HttpTimeoutException) {
      return DeliveryResult.retryable(provider + " at " + host + " did not answer within " + timeout.toSeconds()
          + " s; the message may not have been sent and will be retried");
    }
    return DeliveryResult.retryable(provider + " at " + host + " could not be reached ("
        + e.getClass().getSimpleName() + "); the message will be retried");
  }

  /** A RETRYABLE result for a 429 or 5xx answer, with the provider's Retry-After when given. */
  public DeliveryResult retryableStatus(HttpResponse<String> response, String what) {
    String reason = redactor.redact(provider + " answered " + response.statusCode() + what
        + "; the message was not sent and will be retried");
    Optional<Duration> after = retryAfter(response);
    return after.map(d -> DeliveryResult.retryable(reason, d)).orElseGet(() -> DeliveryResult.retryable(reason));
  }

  private static Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  /** Masks secrets in text taken from a provider's answer. */
  public String redact(String text) {
    return redactor.redact(text);
  }

  /** The host (and port) of a URI, for messages that must not show the rest of it. */
  public static String hostOf(URI uri) {
    return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
  }

  /** Shortens text to {@code max} characters, ending with an ellipsis when cut. */
  public static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
