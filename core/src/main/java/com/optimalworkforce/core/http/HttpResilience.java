package com.optimalworkforce.core.http;

import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.http.internal.RetryAfter;
import com.optimalworkforce.core.http.internal.Transients;
import com.optimalworkforce.core.security.Redactor;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs HTTP calls of any client under a {@link RetryPolicy} and a {@link RateLimitPolicy}, on
 * resilience4j. Idempotent calls are retried on 429/502/503/504, timeouts and connection resets,
 * waiting as the server's {@code Retry-After} asks or with jittered exponential backoff; other
 * calls run once. Every attempt takes a permit from the rate limiter. Make one per connector and
 * share it: the rate limiter is inside.
 *
 * <pre>{@code
 * HttpResilience resilience = HttpResilience.of(RetryPolicy.ofDefaults(), RateLimitPolicy.perSecond(5));
 * HttpResponse<String> response = resilience.send(httpClient, request, BodyHandlers.ofString());
 * // or, for any client:
 * Response r = resilience.execute("GET /patients", true, okHttpView, () -> call.clone().execute());
 * }</pre>
 *
 * <p>When retries run out, the last response is returned (the caller classifies it, e.g. with
 * {@link FailureClassifier}) or the last {@link IOException} is thrown. A call that cannot get a
 * rate-limit permit within {@link RateLimitPolicy#maxWait()} fails with a {@link ConnectorException}
 * of category {@link ConnectionFailure#RATE_LIMITED}. Interrupting the calling thread during a wait
 * ends the call with an {@link InterruptedIOException} (the interrupt flag stays set). Thread-safe.
 */
public final class HttpResilience {
  private static final Logger LOG = LoggerFactory.getLogger(HttpResilience.class);
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

  private final RetryPolicy retryPolicy;
  private final RateLimitPolicy rateLimitPolicy;
  private final Clock clock;
  private final String name;
  private final Consumer<RetryEvent> listener;
  private final Redactor redactor;
  private final RateLimiter limiter;
  private final IntervalFunction backoff;

  private HttpResilience(Builder b) {
    this.retryPolicy = b.retryPolicy;
    this.rateLimitPolicy = b.rateLimitPolicy;
    this.clock = b.clock;
    this.name = b.name;
    this.listener = b.listener;
    this.redactor = b.redactor;
    this.limiter = rateLimitPolicy.isUnlimited() ? null : RateLimiter.of(name, RateLimiterConfig.custom()
        .limitForPeriod(rateLimitPolicy.limitForPeriod())
        .limitRefreshPeriod(rateLimitPolicy.period())
        .timeoutDuration(rateLimitPolicy.maxWait())
        .build());
    this.backoff = retryPolicy.jitter() == 0
        ? IntervalFunction.ofExponentialBackoff(retryPolicy.initialBackoff(), retryPolicy.multiplier(), retryPolicy.maxBackoff())
        : IntervalFunction.ofExponentialRandomBackoff(retryPolicy.initialBackoff(), retryPolicy.multiplier(),
            retryPolicy.jitter(), retryPolicy.maxBackoff());
  }

  /** The given policies, the system clock. */
  public static HttpResilience of(RetryPolicy retryPolicy, RateLimitPolicy rateLimitPolicy) {
    return builder().retryPolicy(retryPolicy).rateLimitPolicy(rateLimitPolicy).build();
  }

  /** Default retries, no rate limit. */
  public static HttpResilience ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public RateLimitPolicy rateLimitPolicy() {
    return rateLimitPolicy;
  }

  /** True for methods that are idempotent by definition (GET, HEAD, OPTIONS, PUT, DELETE, TRACE). */
  public static boolean isIdempotent(String method) {
    return method != null && IDEMPOTENT_METHODS.contains(method.toUpperCase(Locale.ROOT));
  }

  /**
   * Runs {@code attempt} until it gives a response that is not retried, or retries run out.
   *
   * @param operation what is called, for logs and events, e.g. {@code "GET example.com/ext/api/v2/patients"};
   *     it is redacted, but leave query strings out anyway
   * @param idempotent whether the call may safely run more than once; only such calls are retried
   * @param view reads status and headers of the response type
   * @param attempt one try of the call
   * @return the first response that is not retried, or the last one
   * @throws IOException the last I/O failure, when it is not retried or retries ran out
   * @throws ConnectorException (RATE_LIMITED) when no rate-limit permit came in time
   */
  public <R> R execute(String operation, boolean idempotent, ResponseView<? super R> view, HttpAttempt<? extends R> attempt)
      throws IOException {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(attempt, "attempt");
    String op = redactor.redact(operation);
    if (!idempotent || retryPolicy.maxAttempts() == 1) {
      acquirePermit(op);
      return attempt.call();
    }
    RetryConfig config = RetryConfig.<R>custom()
        .maxAttempts(retryPolicy.maxAttempts())
        .retryOnResult(r -> RetryPolicy.isRetryableStatus(view.status(r)))
        .retryOnException(Transients::isRetryable)
        .consumeResultBeforeRetryAttempt((n, r) -> view.discard(r))
        .intervalBiFunction((Integer n, Either<Throwable, R> outcome) -> waitBeforeRetry(op, n, outcome, view))
        .failAfterMaxAttempts(false)
        .build();
    Retry retry = Retry.of(name, config);
    try {
      return retry.executeCheckedSupplier(() -> {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("interrupted before " + op);
        }
        acquirePermit(op);
        return attempt.call();
      });
    } catch (RuntimeException e) {
      // resilience4j ends an interrupted wait by rethrowing its last runtime failure, which is
      // null (a NullPointerException) when the wait followed a response; report the interruption.
      if (Thread.currentThread().isInterrupted() && !(e instanceof ConnectorException)) {
        InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry " + op);
        io.initCause(e);
        throw io;
      }
      throw e;
    } catch (IOException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IOException(op + " failed: " + t.getClass().getSimpleName(), t);
    }
  }

  /**
   * Sends a JDK {@code HttpClient} request under this policy; retried when its method is
   * idempotent ({@link #isIdempotent(String)}).
   */
  public <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    return send(client, request, handler, isIdempotent(request.method()));
  }

  /** Sends a JDK {@code HttpClient} request; {@code idempotent} says whether it may be retried (e.g. a token POST). */
  public <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler,
      boolean idempotent) throws IOException {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "handler");
    URI uri = request.uri();
    String op = request.method() + " " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
    return execute(op, idempotent, ResponseView.jdk(), () -> {
      try {
        return client.send(request, handler);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException io = new InterruptedIOException("interrupted while waiting for " + uri.getHost());
        io.initCause(e);
        throw io;
      }
    });
  }

  private <R> long waitBeforeRetry(String op, int attempt, Either<Throwable, R> outcome, ResponseView<? super R> view) {
    Duration wait = null;
    boolean fromRetryAfter = false;
    String cause;
    if (outcome.isRight()) {
      R response = outcome.get();
      int status = view.status(response);
      cause = "HTTP " + status;
      Optional<Duration> asked = view.header(response, "Retry-After").flatMap(v -> RetryAfter.parse(v, clock));
      if (asked.isPresent()) {
        fromRetryAfter = true;
        wait = asked.get().compareTo(retryPolicy.maxRetryAfter()) > 0 ? retryPolicy.maxRetryAfter() : asked.get();
        if (asked.get().compareTo(retryPolicy.maxRetryAfter()) > 0) {
          LOG.info("{} asked to wait {} s before retrying; waiting the policy's maximum of {} s instead", op,
              asked.get().toSeconds(), retryPolicy.maxRetryAfter().toSeconds());
        }
      }
    } else {
      cause = Transients.describe(outcome.getLeft());
    }
    if (wait == null) {
      wait = Duration.ofMillis(backoff.apply(attempt));
    }
    LOG.debug("{}: {} on attempt {} of {}; retrying in {} ms{}", op, cause, attempt, retryPolicy.maxAttempts(),
        wait.toMillis(), fromRetryAfter ? " (Retry-After)" : "");
    RetryEvent event = new RetryEvent(op, attempt, wait, cause, fromRetryAfter);
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      LOG.warn("retry listener failed on {}: {}", op, e.toString());
    }
    return wait.toMillis();
  }

  private void acquirePermit(String op) {
    if (limiter != null && !limiter.acquirePermission()) {
      throw new ConnectorException(ConnectionFailure.RATE_LIMITED, "no request slot for " + op + " within "
          + rateLimitPolicy.maxWait().toSeconds() + " s under the client-side limit of " + rateLimitPolicy.limitForPeriod()
          + " per " + rateLimitPolicy.period().toMillis() + " ms. Lower the number of concurrent syncs, raise the limit,"
          + " or try again later.");
    }
  }

  @Override
  public String toString() {
    return "HttpResilience[" + name + ", " + retryPolicy + ", " + rateLimitPolicy + "]";
  }

  /** Builds an {@link HttpResilience}. */
  public static final class Builder {
    private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
    private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.unlimited();
    private Clock clock = Clock.systemUTC();
    private String name = "http";
    private Consumer<RetryEvent> listener = e -> { };
    private Redactor redactor = Redactor.standard();

    private Builder() {}

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    public Builder rateLimitPolicy(RateLimitPolicy rateLimitPolicy) {
      this.rateLimitPolicy = Objects.requireNonNull(rateLimitPolicy, "rateLimitPolicy");
      return this;
    }

    /** The clock {@code Retry-After} dates are measured against. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A name for the limiter and logs, e.g. the connector id. */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank but was '" + name + "'");
      }
      this.name = name;
      return this;
    }

    /** Told about every retry before its wait (runs on the calling thread; keep it quick). */
    public Builder listener(Consumer<RetryEvent> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Masks secrets in the operation names it logs; e.g. {@code Redactor.standard().with(apiKey)}. */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    public HttpResilience build() {
      return new HttpResilience(this);
    }
  }
}
