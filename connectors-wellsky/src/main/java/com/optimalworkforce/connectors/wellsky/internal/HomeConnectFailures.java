package com.optimalworkforce.connectors.wellsky.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.http.FailureClassifier;
import com.optimalworkforce.core.http.TokenEndpointException;
import com.optimalworkforce.core.security.Redactor;
import com.optimalworkforce.core.security.Secret;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies Home Connect's error answers, which are not OperationOutcomes: {@code {"error": ...}},
 * the gateway's {@code {"message": ...}}, 422 with plain text, and HTML pages with 500. The
 * gateway's 403 "Invalid key=value pair (missing equal-sign) in Authorization header" means an
 * unknown route or an unparsable header, not a missing permission, and is reported as such; from the
 * token endpoint it means a wrong token URL. Not API.
 */
public final class HomeConnectFailures {
  /** The start of the gateway's answer to an unknown route or an unparsable Authorization header. */
  public static final String GATEWAY_ROUTE_MESSAGE = "Invalid key=value pair (missing equal-sign) in Authorization header";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TAGS = Pattern.compile("<[^>]+>");

  private final FailureClassifier failures;
  private final URI baseUrl;
  private final Redactor redactor;

  public HomeConnectFailures(URI baseUrl, Redactor redactor) {
    this.baseUrl = baseUrl;
    this.redactor = redactor;
    this.failures = FailureClassifier.forUri(baseUrl)
        .credentials("the client id and secret (the access token issued for them)",
            "Check the client id and secret WellSky issued for this agency's Home Connect access, or ask WellSky"
                + " for new ones.")
        .redactor(redactor);
  }

  public String host() {
    return failures.host();
  }

  /**
   * These failures also masking the bearer token of {@code authorization} (the header a request
   * carried): a server may quote the token it refused.
   */
  public HomeConnectFailures sent(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || authorization.substring(7).isBlank()) {
      return this;
    }
    return new HomeConnectFailures(baseUrl, redactor.with(Secret.of(authorization.substring(7).strip())));
  }

  /** What an error body says ({@link #said}), redacted; null when it says nothing. */
  public String redactedSaid(String contentType, String body) {
    String raw = said(contentType, body);
    return raw == null ? null : excerpt(redactor.redact(raw));
  }

  /** The failure for an error answer to {@code what} (e.g. "POST patients/_search/"). */
  public ConnectorException fromResponse(String what, int status, String contentType, String body) {
    String raw = said(contentType, body);
    String said = raw == null ? null : redactor.redact(raw);
    if (status == 403 && said != null && said.contains(GATEWAY_ROUTE_MESSAGE)) {
      return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, "the WellSky gateway at " + host()
          + " did not recognise " + what + " (403 \"" + excerpt(said) + "\"). The gateway answers this for a path it"
          + " does not know or an Authorization header it cannot parse, not for a missing permission: check that the"
          + " base URL is " + baseUrl + " (lowercase, ending in /v1/) and that nothing between this connector and"
          + " WellSky rewrites the Authorization header.");
    }
    if (status == 403) {
      return new ConnectorException(ConnectionFailure.ACCESS_DENIED, host() + " accepted the client id and secret but"
          + " refused " + what + " (403" + (said == null ? "" : " \"" + excerpt(said) + "\"") + "). Home Connect access"
          + " is licensed per agency: ask WellSky to enable API access for this client id and agency.");
    }
    if (status == 422) {
      return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, host() + " refused " + what
          + " as invalid (422" + (said == null ? "" : " \"" + excerpt(said) + "\"") + "). The API may have changed;"
          + " contact support with the time of the failure.");
    }
    if (status >= 500 && isHtml(contentType, body)) {
      return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, host() + " answered " + what + " with HTTP "
          + status + " and an HTML error page" + (said == null ? "" : " (\"" + excerpt(said) + "\"") + "), after every"
          + " retry. WellSky's service is failing: " + ConnectionFailure.UNEXPECTED_RESPONSE.advice());
    }
    return failures.fromStatus(status, said);
  }

  /** The failure for a 2xx answer whose body could not be read. */
  public ConnectorException unreadable(String what, String problem) {
    return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, host() + " answered " + what
        + " with a body that could not be read (" + problem + "), twice. " + ConnectionFailure.UNEXPECTED_RESPONSE.advice());
  }

  /**
   * The failure for an I/O problem (timeouts, refused connections, ...) or a refused token request.
   * The gateway's route 403 from the token endpoint means the token URL is wrong, and says so.
   */
  public ConnectorException classify(Throwable t) {
    ConnectorException e = failures.classify(t);
    if (e instanceof TokenEndpointException token && token.status() == 403
        && token.serverMessage().orElse("").contains(GATEWAY_ROUTE_MESSAGE)) {
      return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, "the WellSky gateway did not recognise the"
          + " token request to " + token.tokenEndpoint() + " (403 \"" + excerpt(token.serverMessage().get()) + "\")."
          + " The gateway answers this for a path it does not know, not for wrong credentials: Home Connect issues"
          + " tokens at /oauth/accesstoken on the API's host (" + defaultTokenUrl() + "), lowercase and not under /v1/."
          + " Check the connector's tokenUrl, or leave it out to use that default.", token);
    }
    return e;
  }

  private URI defaultTokenUrl() {
    return baseUrl.resolve("/oauth/accesstoken");
  }


  /** What an error body says: its error or message field, its HTML title, or its text. */
  static String said(String contentType, String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    String trimmed = body.strip();
    if (trimmed.startsWith("{")) {
      try {
        JsonNode node = JSON.readTree(trimmed);
        for (String field : new String[] {"error", "message", "Error", "Message", "error_description"}) {
          if (node.path(field).isTextual()) {
            String v = node.get(field).textValue();
            JsonNode description = node.path("error_description");
            return field.equals("error") && description.isTextual() ? v + ": " + description.textValue() : v;
          }
        }
      } catch (IOException notJson) {
        // fall through to text
      }
    }
    if (isHtml(contentType, trimmed)) {
      Matcher m = TITLE.matcher(trimmed);
      if (m.find() && !m.group(1).isBlank()) {
        return m.group(1).strip();
      }
      return TAGS.matcher(trimmed).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }
    return trimmed;
  }

  private static boolean isHtml(String contentType, String body) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
      return true;
    }
    return body != null && body.stripLeading().toLowerCase(Locale.ROOT).startsWith("<");
  }

  private static String excerpt(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }
}
