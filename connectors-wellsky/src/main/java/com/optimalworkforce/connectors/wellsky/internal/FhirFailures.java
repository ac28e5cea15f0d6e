package com.optimalworkforce.connectors.wellsky.internal;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.http.FailureClassifier;
import com.optimalworkforce.core.security.Redactor;
import com.optimalworkforce.core.security.Secret;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Turns what the HAPI FHIR client throws into classified {@link ConnectorException}s: an HTTP
 * error's category from its status (401 invalid credentials, 403 access denied, 429 rate limited,
 * 408/504 timeout, else unexpected), with the OperationOutcome's diagnostics as what the server
 * said; a body HAPI cannot parse as FHIR as an unexpected response saying so; I/O failures by the
 * core classifier. Not API.
 */
public final class FhirFailures {
  private final FailureClassifier failures;
  private final Redactor redactor;
  private final URI base;

  public FhirFailures(URI baseUrl, Redactor redactor) {
    this.base = baseUrl;
    this.redactor = redactor;
    this.failures = FailureClassifier.forUri(baseUrl)
        .credentials("the access token issued for the client id and secret",
            "Check the client id and secret registered for this FHIR server, or ask WellSky for new ones.")
        .redactor(redactor);
  }

  public String host() {
    return failures.host();
  }

  /** These failures also masking {@code token}, the bearer token a request carried (a server may quote it). */
  public FhirFailures sent(Secret token) {
    return token == null ? this : new FhirFailures(base, redactor.with(token));
  }

  /**
   * The failure for anything the client threw. A classified failure or an I/O problem anywhere in
   * the cause chain wins (HAPI reports a read timeout as a "500" {@code FhirClientConnectionException});
   * else an HTTP error status is classified with what its OperationOutcome says.
   */
  public ConnectorException of(Throwable t) {
    BaseServerResponseException http = null;
    Throwable unparsable = null;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectorException e) {
        return e;
      }
      // A body that is not JSON, or not FHIR, is not an I/O failure (though Jackson's errors are IOExceptions).
      if (c instanceof DataFormatException || c instanceof JsonProcessingException) {
        if (unparsable == null) {
          unparsable = c;
        }
      } else if (c instanceof IOException) {
        return failures.classify(c);
      }
      if (http == null && c instanceof BaseServerResponseException e && !(c instanceof FhirClientConnectionException)) {
        http = e;
      }
      if (c == c.getCause()) {
        break;
      }
    }
    if (http != null) {
      return failures.fromStatus(http.getStatusCode(), said(http));
    }
    if (unparsable != null) {
      String problem = String.valueOf(unparsable.getMessage()).lines().findFirst().orElse("");
      problem = redactor.redact(problem.length() > 200 ? problem.substring(0, 200) + "…" : problem);
      return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, host() + " answered with a body that is"
          + " not valid FHIR JSON (" + problem + "). Check that the base URL is the FHIR R4 server's. "
          + ConnectionFailure.UNEXPECTED_RESPONSE.advice(), redacted(t));
    }
    return failures.classify(t);
  }

  /**
   * What to keep as the cause of a classified failure: {@code t} itself when no message in its
   * chain holds a secret, else a copy of the chain with the secrets masked (HAPI quotes the
   * server's diagnostics, which may echo a token or the client secret). HAPI's HTTP exceptions keep
   * their type in the copy, since callers look for them (404, 409, 412); others become a
   * {@code RuntimeException} whose message starts with the original class name.
   */
  public Throwable redacted(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (redactor.wouldRedact(c.getMessage())) {
        return copy(t, 0);
      }
      if (c == c.getCause()) {
        break;
      }
    }
    return t;
  }

  private Throwable copy(Throwable t, int depth) {
    if (t == null || depth > 20) {
      return null;
    }
    Throwable cause = t.getCause() == t ? null : copy(t.getCause(), depth + 1);
    String message = t.getMessage() == null ? null : redactor.redact(t.getMessage());
    Throwable out;
    if (t instanceof BaseServerResponseException http) {
      out = BaseServerResponseException.newInstance(http.getStatusCode(), message);
      if (cause != null) {
        out.initCause(cause);
      }
    } else {
      out = new RuntimeException(t.getClass().getName() + (message == null ? "" : ": " + message), cause);
    }
    out.setStackTrace(t.getStackTrace());
    return out;
  }

  /** What the server said: the OperationOutcome's diagnostics, else the exception's text. */
  public static String said(BaseServerResponseException e) {
    IBaseOperationOutcome outcome = e.getOperationOutcome();
    if (outcome instanceof OperationOutcome oo) {
      List<String> parts = new ArrayList<>();
      for (OperationOutcome.OperationOutcomeIssueComponent issue : oo.getIssue()) {
        if (issue.hasDiagnostics()) {
          parts.add(issue.getDiagnostics());
        } else if (issue.getDetails().hasText()) {
          parts.add(issue.getDetails().getText());
        }
      }
      if (!parts.isEmpty()) {
        return String.join("; ", parts);
      }
    }
    String m = e.getMessage();
    return m == null ? null : m.replaceFirst("^HTTP \\d+ [^:]*: ?", "");
  }
}
