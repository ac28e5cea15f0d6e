package com.optimalworkforce.core.http;

import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.http.internal.RedactedCause;
import com.optimalworkforce.core.http.internal.Transients;
import com.optimalworkforce.core.security.Redactor;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.UnknownServiceException;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * Turns HTTP statuses and I/O failures into {@link ConnectorException}s whose message names the
 * host and the next step, the way a setup wizard shows them. Shared by connectors and notifiers
 * so the same failure reads the same everywhere. Immutable.
 *
 * <pre>{@code
 * FailureClassifier failures = FailureClassifier.forHost("example.alayacare.ca")
 *     .credentials("the public/private key pair", "Check the key pair in AlayaCare, or request a new one.");
 * if (response.code() >= 400) throw failures.fromStatus(response.code(), null);
 * // "Invalid credentials: example.alayacare.ca rejected the public/private key pair (401). Check ..."
 * catch (IOException e) { throw failures.classify(e); }   // TIMEOUT, UNREACHABLE, ...
 * }</pre>
 */
public final class FailureClassifier {
  private static final int MAX_DETAIL = 300;

  private final String host;
  private final String credentialsName;
  private final String credentialsAdvice;
  private final Redactor redactor;

  private FailureClassifier(String host, String credentialsName, String credentialsAdvice, Redactor redactor) {
    this.host = host;
    this.credentialsName = credentialsName;
    this.credentialsAdvice = credentialsAdvice;
    this.redactor = redactor;
  }

  /** Messages name {@code host}, e.g. {@code example.alayacare.ca}. */
  public static FailureClassifier forHost(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank but was '" + host + "'");
    }
    return new FailureClassifier(host, "the credentials", ConnectionFailure.INVALID_CREDENTIALS.advice(),
        Redactor.standard());
  }

  /** Messages name the URI's host. */
  public static FailureClassifier forUri(URI uri) {
    Objects.requireNonNull(uri, "uri");
    return forHost(uri.getHost() == null ? uri.toString() : uri.getHost());
  }

  /**
   * What the credentials are called and what to do when they are rejected, e.g.
   * {@code ("the public/private key pair", "Check the key pair in AlayaCare, or request a new one.")}.
   */
  public FailureClassifier credentials(String name, String advice) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(advice, "advice");
    return new FailureClassifier(host, name, advice, redactor);
  }

  /** Masks these secrets too in details put in messages (response bodies, exception texts). */
  public FailureClassifier redactor(Redactor redactor) {
    return new FailureClassifier(host, credentialsName, credentialsAdvice, Objects.requireNonNull(redactor, "redactor"));
  }

  public String host() {
    return host;
  }

  /** The category of an HTTP error status: 401, 403, 429, 408/504 (timeout) or anything else. */
  public static ConnectionFailure category(int status) {
    switch (status) {
      case 401:
        return ConnectionFailure.INVALID_CREDENTIALS;
      case 403:
        return ConnectionFailure.ACCESS_DENIED;
      case 429:
        return ConnectionFailure.RATE_LIMITED;
      case 408:
      case 504:
        return ConnectionFailure.TIMEOUT;
      default:
        return ConnectionFailure.UNEXPECTED_RESPONSE;
    }
  }

  /**
   * The failure for an HTTP error status (after retries).
   *
   * @param detail what the server said (a short error text or body excerpt), or null; it is
   *     redacted and cut to 300 characters
   */
  public ConnectorException fromStatus(int status, String detail) {
    String said = detail == null || detail.isBlank() ? "" : " The server said: \"" + excerpt(detail) + "\".";
    switch (category(status)) {
      case INVALID_CREDENTIALS:
        return new ConnectorException(ConnectionFailure.INVALID_CREDENTIALS,
            host + " rejected " + credentialsName + " (401)." + said + " " + credentialsAdvice);
      case ACCESS_DENIED:
        return new ConnectorException(ConnectionFailure.ACCESS_DENIED, host + " accepted " + credentialsName
            + " but refused the request (403): the API user lacks a permission." + said + " "
            + ConnectionFailure.ACCESS_DENIED.advice());
      case RATE_LIMITED:
        return new ConnectorException(ConnectionFailure.RATE_LIMITED, host
            + " kept answering 429 (too many requests) after every retry." + said + " "
            + ConnectionFailure.RATE_LIMITED.advice());
      case TIMEOUT:
        return new ConnectorException(ConnectionFailure.TIMEOUT, host + " answered " + status
            + " (its upstream timed out) after every retry." + said + " " + ConnectionFailure.TIMEOUT.advice());
      default:
        String hint = status == 404 ? " Check the base URL and the API version." : "";
        return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, host + " answered HTTP " + status + "."
            + said + hint + " " + ConnectionFailure.UNEXPECTED_RESPONSE.advice());
    }
  }

  /**
   * The failure for anything thrown while calling the host: a {@link ConnectorException} found
   * in the cause chain is returned as is; I/O failures become TIMEOUT (socket, read or call
   * timeouts), UNREACHABLE (unknown host, connection refused, no route, TLS handshake refused)
   * or UNEXPECTED_RESPONSE (connection reset, anything else).
   */
  public ConnectorException classify(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (c instanceof ConnectorException) {
        return (ConnectorException) c;
      }
      if (c == c.getCause()) {
        break;
      }
    }
    String what = " (" + failure.getClass().getSimpleName() + describe(failure) + ")";
    // Keep the cause for its stack trace, but never a message that carries a secret.
    Throwable cause = RedactedCause.of(failure, redactor);
    if (Transients.isTimeout(failure)) {
      return new ConnectorException(ConnectionFailure.TIMEOUT, host + " did not answer in time" + what + ". "
          + ConnectionFailure.TIMEOUT.advice(), cause);
    }
    if (has(failure, UnknownHostException.class)) {
      return new ConnectorException(ConnectionFailure.UNREACHABLE, "the host name " + host
          + " could not be resolved. " + ConnectionFailure.UNREACHABLE.advice(), cause);
    }
    if (has(failure, ConnectException.class) || has(failure, NoRouteToHostException.class)) {
      return new ConnectorException(ConnectionFailure.UNREACHABLE, host + " refused the connection or cannot be reached"
          + what + ". " + ConnectionFailure.UNREACHABLE.advice(), cause);
    }
    if (has(failure, SSLException.class) || has(failure, UnknownServiceException.class)) {
      return new ConnectorException(ConnectionFailure.UNREACHABLE, "a secure connection to " + host + " failed" + what
          + ": the server may offer only TLS versions the TLS policy refuses (TLS 1.2 or newer is required), or"
          + " its certificate is not trusted. Check the server's TLS configuration and certificate, and the base URL.",
          cause);
    }
    if (Transients.isConnectionReset(failure)) {
      return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, host
          + " closed the connection before answering, on every retry" + what + ". "
          + ConnectionFailure.UNEXPECTED_RESPONSE.advice(), cause);
    }
    return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, "calling " + host + " failed" + what + ". "
        + ConnectionFailure.UNEXPECTED_RESPONSE.advice(), cause);
  }

  private String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? "" : ": " + excerpt(m);
  }

  private String excerpt(String text) {
    String t = redactor.redact(text.strip().replaceAll("\\s+", " "));
    return t.length() > MAX_DETAIL ? t.substring(0, MAX_DETAIL) + "…" : t;
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
      if (c == c.getCause()) {
        break;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "FailureClassifier[" + host + "]";
  }
}
