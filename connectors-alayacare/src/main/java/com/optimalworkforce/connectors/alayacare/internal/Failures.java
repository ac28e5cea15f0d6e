package com.optimalworkforce.connectors.alayacare.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.http.FailureClassifier;
import com.optimalworkforce.core.security.Redactor;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Turns what went wrong in a call into a classified {@link ConnectorException} whose message names
 * the tenant host, what happened, and what to do next. The categories are the SDK's shared ones
 * ({@link FailureClassifier}); the messages add what an AlayaCare user can check. Not API.
 */
public final class Failures {
  private final FailureClassifier classifier;
  private final Redactor redactor;
  private final String host;
  private final String tenantHint;
  private final Duration timeout;
  private final double rateLimit;

  /**
   * @param host the tenant host, e.g. {@code example.alayacare.ca}
   * @param tenantHint how the address was configured, e.g. "tenant 'example'" or "base URL https://..."
   * @param redactor masks the key pair (and credential shapes) in what servers and libraries say
   */
  public Failures(String host, String tenantHint, Duration timeout, double rateLimit, Redactor redactor) {
    this.redactor = redactor;
    this.classifier = FailureClassifier.forHost(host).credentials("the API key pair",
        "Check the public and private keys, or ask the agency's AlayaCare administrator for a new key pair.")
        .redactor(redactor);
    this.host = host;
    this.tenantHint = tenantHint;
    this.timeout = timeout;
    this.rateLimit = rateLimit;
  }

  public String host() {
    return host;
  }

  /** An error status (after any retries) of {@code what}, e.g. "GET scheduler/visits". */
  public ApiException status(String what, int status, String body, String retryAfter) {
    // Redact the body before its message is cut to length, so a cut cannot leave part of a key, and
    // the message again, in case the key was JSON-escaped in the body.
    String said = redactor.redact(ErrorBodies.message(redactor.redact(body)));
    String quoted = said.isEmpty() ? "" : ": " + said;
    ConnectionFailure category = FailureClassifier.category(status);
    ConnectorException e = category == ConnectionFailure.TIMEOUT
        ? new ConnectorException(ConnectionFailure.TIMEOUT, host + " answered " + status + quoted + " to " + what
            + " (it timed out upstream) after every retry. Try again later; if it persists, sync smaller windows or"
            + " contact AlayaCare support.")
        : switch (status) {
      case 401 -> new ConnectorException(ConnectionFailure.INVALID_CREDENTIALS, "the API key pair was rejected by "
          + host + " (401" + quoted + "). Check the public key (the user name) and the private key (the password),"
          + " or ask the agency's AlayaCare administrator for a new key pair.");
      case 403 -> new ConnectorException(ConnectionFailure.ACCESS_DENIED, "the API key pair is valid but may not call "
          + what + " on " + host + " (403" + quoted + "). Ask the agency's AlayaCare administrator to give the API"
          + " user read access to patients, employees and scheduler (and write access to scheduler visits for"
          + " write-back).");
      case 429 -> new ConnectorException(ConnectionFailure.RATE_LIMITED, host + " kept answering 429 Too Many Requests"
          + " to " + what + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")")
          + " after every retry. Lower the connector's rateLimit (now " + fmt(rateLimit) + " requests a second),"
          + " sync less often, or ask AlayaCare about the tenant's API limits.");
      case 404 -> new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, host + " answered 404" + quoted
          + " to " + what + ": the External API is not at this address. Check the " + tenantHint
          + " (tenant, environment uat/staging, and .ca or .com).");
      default -> status >= 500
          ? new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, host + " answered " + status + quoted
              + " to " + what + " after every retry. AlayaCare may be degraded: try again later, and if it persists"
              + " contact AlayaCare support with the time of the failure.")
          : new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, host + " refused " + what + " with "
              + status + quoted + ". The request may not suit this tenant's API version; report this message to"
              + " the connector's maintainers.");
    };
    return new ApiException(e.failure(), e.getMessage().substring(e.failure().label().length() + 2), status, said);
  }

  /** A failure before any answer: timeout, DNS, refused connection, TLS, an unreadable body. */
  public ConnectorException io(String what, IOException e) {
    ConnectorException shared = classifier.classify(e);
    // The cause keeps the stack trace; when a message in e's chain holds a key (a parser quoting the
    // body, say), the shared classifier's cause is a copy of the chain with it masked.
    Throwable cause = inChain(e, shared) ? e : shared.getCause();
    if (e instanceof JsonProcessingException) {
      return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, host + " answered " + what
          + " with a body that is not the JSON the API documents (" + firstLine(((JsonProcessingException) e).getOriginalMessage()) + ")."
          + " Try again later; if it persists contact AlayaCare support with the time of the failure.", cause);
    }
    switch (shared.failure()) {
      case TIMEOUT:
        return new ConnectorException(ConnectionFailure.TIMEOUT, host + " did not answer " + what + " within "
            + timeout.toMillis() + " ms, on every retry. Check the network path to AlayaCare, then try again; raise"
            + " the timeout if the tenant is known to be slow.", cause);
      case UNREACHABLE:
        if (hasUnknownHost(e)) {
          return new ConnectorException(ConnectionFailure.UNREACHABLE, "the host " + host + " could not be found"
              + " (DNS). Check the " + tenantHint + " and the network's DNS.", cause);
        }
        return new ConnectorException(ConnectionFailure.UNREACHABLE, host + " could not be reached for " + what
            + " (" + firstLine(e.getMessage()) + "). Check the " + tenantHint + ", proxy, firewall and TLS settings.", cause);
      case RATE_LIMITED:
        return new ConnectorException(ConnectionFailure.RATE_LIMITED, "no request slot for " + what + " on " + host
            + " came in time under the client-side limit of " + fmt(rateLimit) + " requests a second. Raise the"
            + " connector's rateLimit if AlayaCare allows it, or read fewer branches at once.", cause);
      default:
        break;
    }
    return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, "the connection to " + host + " broke during "
        + what + " (" + firstLine(e.getMessage()) + "). Try again later.", cause);
  }

  private static boolean inChain(Throwable t, Throwable wanted) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c == wanted) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  private static boolean hasUnknownHost(Throwable t) {
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private String firstLine(String text) {
    if (text == null) {
      return "no detail";
    }
    String s = redactor.redact(text);
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
