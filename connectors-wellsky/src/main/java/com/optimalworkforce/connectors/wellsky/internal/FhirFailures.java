package com.optimalworkforce.connectors.wellsky.internal;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.IOException;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.http.FailureClassifier;
import com.optimalworkforce.core.security.Redactor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Turns what the HAPI FHIR client throws into classified {@link ConnectorException}s: an HTTP
 * error's category from its status (401 invalid credentials, 403 access denied, 429 rate limited,
 * 408/504 timeout, else unexpected), with the OperationOutcome's diagnostics as what the server
 * said; I/O failures by the core classifier. Not API.
 */
public final class FhirFailures {
  private final FailureClassifier failures;

  public FhirFailures(URI baseUrl, Redactor redactor) {
    this.failures = FailureClassifier.forUri(baseUrl)
        .credentials("the access token issued for the client id and secret",
            "Check the client id and secret registered for this FHIR server, or ask WellSky for new ones.")
        .redactor(redactor);
  }

  public String host() {
    return failures.host();
  }

  /**
   * The failure for anything the client threw. A classified failure or an I/O problem anywhere in
   * the cause chain wins (HAPI reports a read timeout as a "500" {@code FhirClientConnectionException});
   * else an HTTP error status is classified with what its OperationOutcome says.
   */
  public ConnectorException of(Throwable t) {
    BaseServerResponseException http = null;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectorException e) {
        return e;
      }
      if (c instanceof IOException) {
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
    return failures.classify(t);
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
