package com.optimalworkforce.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.security.Redactor;
import com.optimalworkforce.core.security.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client-credentials tokens (RFC 6749 section 4.4) on the JDK {@code HttpClient}. The
 * token is fetched on first use, refreshed {@link Builder#refreshSkew(Duration) a little before it
 * expires}, and refreshed once after a 401 however many threads ask. Token values are held as
 * {@link Secret}s. {@code expires_in} is read whether it is a number or a string ({@code "3599"},
 * as WellSky Home Connect sends it); without it the token is kept until a 401.
 *
 * <pre>{@code
 * TokenProvider tokens = ClientCredentialsTokenProvider.builder()
 *     .tokenEndpoint(URI.create("https://connect.clearcareonline.com/oauth/accesstoken"))
 *     .clientId(config.requireSetting("clientId"))
 *     .clientSecret(config.requireSecret("clientSecret"))
 *     .clock(config.clock())
 *     .build();
 * }</pre>
 *
 * <p>Token endpoint failures become {@link ConnectorException}s: 401, or 400 with
 * {@code invalid_client}/{@code unauthorized_client}/{@code invalid_grant}, is INVALID_CREDENTIALS;
 * 403 or {@code invalid_scope} is ACCESS_DENIED; 429 (after retries) RATE_LIMITED; timeouts
 * TIMEOUT; unknown hosts and refused connections UNREACHABLE; anything else UNEXPECTED_RESPONSE.
 * An error status is a {@link TokenEndpointException} that also keeps the status and what the
 * endpoint said (its OAuth {@code error}, a gateway's {@code message}, an HTML title or a text body;
 * redacted and bounded), which its message quotes. Thread-safe.
 */
public final class ClientCredentialsTokenProvider implements TokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Fields other than OAuth's {@code error} in which token endpoints and their gateways explain a refusal. */
  private static final List<String> MESSAGE_FIELDS = List.of("message", "error_message", "errorMessage", "Message",
      "detail", "title");
  private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
  private static final Pattern H1 = Pattern.compile("(?is)<h1[^>]*>(.*?)</h1>");
  private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");

  /** How the client id and secret are sent. */
  public enum ClientAuthentication {
    /** {@code client_id} and {@code client_secret} in the request body ({@code client_secret_post}). */
    BODY,
    /** HTTP Basic with the client id and secret ({@code client_secret_basic}). */
    BASIC
  }

  /** How the token request body is encoded. */
  public enum BodyFormat {
    /** {@code application/x-www-form-urlencoded}, as RFC 6749 specifies. */
    FORM,
    /** {@code application/json}, which some gateways (WellSky Home Connect) also accept. */
    JSON
  }

  private final URI tokenEndpoint;
  private final URI shownEndpoint;
  private final String clientId;
  private final Secret clientSecret;
  private final String scope;
  private final Map<String, String> extraParameters;
  private final BodyFormat bodyFormat;
  private final ClientAuthentication clientAuthentication;
  private final Duration refreshSkew;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;
  private final HttpResilience resilience;
  private final FailureClassifier failures;
  private final Redactor redactor;

  private final ReentrantLock lock = new ReentrantLock();
  private volatile Held current;
  private volatile long fetchCount;

  private record Held(Secret token, Instant refreshAt) {}

  private ClientCredentialsTokenProvider(Builder b) {
    this.tokenEndpoint = b.tokenEndpoint;
    this.shownEndpoint = shown(b.tokenEndpoint);
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.scope = b.scope;
    this.extraParameters = Map.copyOf(b.extraParameters);
    this.bodyFormat = b.bodyFormat;
    this.clientAuthentication = b.clientAuthentication;
    this.refreshSkew = b.refreshSkew;
    this.timeout = b.timeout;
    this.clock = b.clock;
    this.http = b.tlsPolicy.applyTo(HttpClient.newBuilder())
        .connectTimeout(b.timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.resilience = b.resilience != null ? b.resilience
        : HttpResilience.builder().name("oauth-token").clock(b.clock).build();
    this.redactor = Redactor.standard().with(b.clientSecret);
    this.failures = FailureClassifier.forUri(b.tokenEndpoint)
        .credentials("the client id and secret", "Check the client id and client secret, or ask the system's"
            + " administrator for new ones.")
        .redactor(redactor);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Secret token() {
    Held held = current;
    if (held != null && clock.instant().isBefore(held.refreshAt())) {
      return held.token();
    }
    lock.lock();
    try {
      held = current;
      if (held != null && clock.instant().isBefore(held.refreshAt())) {
        return held.token();
      }
      return fetch().token();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Secret refresh(Secret rejected) {
    Objects.requireNonNull(rejected, "rejected");
    lock.lock();
    try {
      Held held = current;
      if (held != null && !held.token().equals(rejected)) {
        return held.token();   // another caller already replaced the rejected token
      }
      return fetch().token();
    } finally {
      lock.unlock();
    }
  }

  /** How many tokens were fetched so far (for diagnostics and tests). */
  public long fetchCount() {
    return fetchCount;
  }

  /** The token endpoint. */
  public URI tokenEndpoint() {
    return tokenEndpoint;
  }

  private Held fetch() {
    Instant requested = clock.instant();
    HttpRequest request = request();
    HttpResponse<String> response;
    try {
      // A client-credentials request has no side effect, so it may be repeated.
      response = resilience.send(http, request, HttpResponse.BodyHandlers.ofString(), true);
    } catch (IOException e) {
      throw failures.classify(e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw errorFor(status, response.headers().firstValue("Content-Type").orElse(null), response.body());
    }
    Held held = parse(response.body(), requested);
    current = held;
    fetchCount++;
    LOG.debug("fetched an access token from {}; refreshing it after {}", tokenEndpoint.getHost(), held.refreshAt());
    return held;
  }

  private HttpRequest request() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("grant_type", "client_credentials");
    if (clientAuthentication == ClientAuthentication.BODY) {
      params.put("client_id", clientId);
      params.put("client_secret", clientSecret.reveal());
    }
    if (scope != null) {
      params.put("scope", scope);
    }
    params.putAll(extraParameters);
    String body;
    String contentType;
    if (bodyFormat == BodyFormat.FORM) {
      StringBuilder sb = new StringBuilder();
      params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
          .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      body = sb.toString();
      contentType = "application/x-www-form-urlencoded";
    } else {
      ObjectNode node = JSON.createObjectNode();
      params.forEach(node::put);
      body = node.toString();
      contentType = "application/json";
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(tokenEndpoint)
        .timeout(timeout)
        .header("Content-Type", contentType)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (clientAuthentication == ClientAuthentication.BASIC) {
      String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
          + URLEncoder.encode(clientSecret.reveal(), StandardCharsets.UTF_8);
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return b.build();
  }

  private Held parse(String body, Instant requested) {
    JsonNode node;
    try {
      node = JSON.readTree(body == null ? "" : body);
    } catch (IOException e) {
      throw unexpected("its answer is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw unexpected("its answer is not a JSON object");
    }
    JsonNode token = node.get("access_token");
    if (token == null || !token.isTextual() || token.textValue().isBlank()) {
      throw unexpected("its answer has no access_token");
    }
    Secret value = Secret.of(token.textValue());
    Long lifetime = expiresIn(node.get("expires_in"));
    Instant refreshAt;
    if (lifetime == null) {
      refreshAt = Instant.MAX;   // no expiry given: keep it until the source answers 401
    } else {
      // Refresh `refreshSkew` early, but never before half the lifetime: short-lived tokens
      // would otherwise be refreshed on every call.
      long early = Math.min(refreshSkew.toSeconds(), lifetime / 2);
      refreshAt = requested.plusSeconds(lifetime - early);
    }
    return new Held(value, refreshAt);
  }

  private Long expiresIn(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.canConvertToExactIntegral() && v.longValue() >= 0) {
      return v.longValue();
    }
    if (v.isTextual()) {
      try {
        long n = Long.parseLong(v.textValue().strip());
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
    }
    throw unexpected("its expires_in is not a number of seconds (" + redactor.redact(v.toString()) + ")");
  }

  private ConnectorException unexpected(String what) {
    return new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, "the token endpoint "
        + tokenEndpoint.getHost() + " answered 2xx but " + what + ". Check the token endpoint URL; "
        + ConnectionFailure.UNEXPECTED_RESPONSE.advice());
  }

  private TokenEndpointException errorFor(int status, String contentType, String body) {
    String error = null;
    String description = null;
    String said = null;
    JsonNode node = null;
    try {
      node = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      // a plain-text or HTML error page: its text is what the server said
    }
    if (node != null && node.isObject()) {
      error = text(node, "error");
      description = text(node, "error_description");
      said = error == null ? null : description == null ? error : error + ": " + description;
      for (String field : MESSAGE_FIELDS) {
        if (said == null) {
          said = text(node, field);
        }
      }
      if (said == null && node.size() > 0) {
        said = node.toString(); // e.g. an API gateway's {"fault": {"faultstring": ...}}
      }
    } else if (node == null) {
      said = plainText(contentType, body);
    }
    said = bounded(said);
    if (status == 400 && error != null) {
      switch (error) {
        case "invalid_client":
        case "unauthorized_client":
        case "invalid_grant":
          return tokenFailure(failures.fromStatus(401, said), status, said);
        case "invalid_scope":
          return new TokenEndpointException(ConnectionFailure.ACCESS_DENIED, tokenEndpoint.getHost() + " refused the"
              + " scope '" + scope + "' for this client (400 invalid_scope). Ask the system's administrator to grant it,"
              + " or change the scope setting.", shownEndpoint, status, said);
        default:
          break;
      }
    }
    String quoted = said == null ? "" : " The server said: \"" + said + "\".";
    if (status == 403) {
      return new TokenEndpointException(ConnectionFailure.ACCESS_DENIED, "the token endpoint " + shownEndpoint
          + " refused to issue a token (403)." + quoted + " Check that this is the token URL the system documents"
          + " (a gateway may answer 403 to a path it does not know), then ask the system's administrator whether this"
          + " client id may use the client-credentials grant.", shownEndpoint, status, said);
    }
    if (status == 404 || status == 405) {
      return new TokenEndpointException(ConnectionFailure.UNEXPECTED_RESPONSE, "there is no token endpoint at "
          + shownEndpoint + " (" + status + ")." + quoted + " Check the token URL the system documents.", shownEndpoint,
          status, said);
    }
    return tokenFailure(failures.fromStatus(status, said), status, said);
  }

  private TokenEndpointException tokenFailure(ConnectorException e, int status, String said) {
    String detail = e.getMessage().substring(e.failure().label().length() + 2);
    return new TokenEndpointException(e.failure(), detail, shownEndpoint, status, said);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.textValue().isBlank() ? v.textValue() : null;
  }

  /** The title or first heading of an HTML page, or a text body; null when there is nothing to show. */
  private static String plainText(String contentType, String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    String b = body.strip();
    boolean html = b.startsWith("<") || (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"));
    if (!html) {
      return b;
    }
    for (Pattern p : List.of(TITLE, H1)) {
      Matcher m = p.matcher(b);
      if (m.find() && !m.group(1).isBlank()) {
        return TAGS.matcher(m.group(1)).replaceAll(" ");
      }
    }
    String text = TAGS.matcher(b).replaceAll(" ");
    return text.isBlank() ? null : text;
  }

  /** Redacted, on one line, at most {@link TokenEndpointException#MAX_SERVER_MESSAGE} characters. */
  private String bounded(String said) {
    if (said == null) {
      return null;
    }
    // Redact before cutting, so a cut cannot leave part of a secret unmasked.
    String one = redactor.redact(said.replaceAll("\\s+", " ").strip());
    int max = TokenEndpointException.MAX_SERVER_MESSAGE;
    return one.isEmpty() ? null : one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }

  /** The endpoint as messages show it: no user info, query or fragment, which might carry credentials. */
  private static URI shown(URI uri) {
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
    } catch (URISyntaxException e) {
      return URI.create(uri.getScheme() + "://" + uri.getHost());
    }
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokenProvider[" + shownEndpoint + ", clientId=" + clientId + ", clientSecret=" + clientSecret
        + "]";
  }

  /** Builds a {@link ClientCredentialsTokenProvider}; the endpoint, client id and secret are required. */
  public static final class Builder {
    private URI tokenEndpoint;
    private String clientId;
    private Secret clientSecret;
    private String scope;
    private final Map<String, String> extraParameters = new LinkedHashMap<>();
    private BodyFormat bodyFormat = BodyFormat.FORM;
    private ClientAuthentication clientAuthentication = ClientAuthentication.BODY;
    private Duration refreshSkew = Duration.ofSeconds(60);
    private Duration timeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private TlsPolicy tlsPolicy = TlsPolicy.ofDefaults();
    private HttpResilience resilience;

    private Builder() {}

    /** The token URL; https, or http to a loopback host (checked against the TLS policy in {@link #build()}). */
    public Builder tokenEndpoint(URI tokenEndpoint) {
      Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
      if (!tokenEndpoint.isAbsolute() || tokenEndpoint.getHost() == null) {
        throw new IllegalArgumentException("tokenEndpoint must be an absolute http(s) URL but was '" + tokenEndpoint + "'");
      }
      this.tokenEndpoint = tokenEndpoint;
      return this;
    }

    public Builder clientId(String clientId) {
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("clientId must not be blank");
      }
      this.clientId = clientId;
      return this;
    }

    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /** Space-separated scopes to request; none by default. */
    public Builder scope(String scope) {
      if (scope != null && scope.isBlank()) {
        throw new IllegalArgumentException("scope must be null or non-blank");
      }
      this.scope = scope;
      return this;
    }

    /** Another body parameter (e.g. {@code audience}); not for secrets. */
    public Builder parameter(String name, String value) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("parameter name must not be blank");
      }
      Objects.requireNonNull(value, () -> "value of parameter '" + name + "'");
      extraParameters.put(name, value);
      return this;
    }

    public Builder bodyFormat(BodyFormat bodyFormat) {
      this.bodyFormat = Objects.requireNonNull(bodyFormat, "bodyFormat");
      return this;
    }

    public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
      this.clientAuthentication = Objects.requireNonNull(clientAuthentication, "clientAuthentication");
      return this;
    }

    /** Refresh this long before expiry (default 60 s; at most half the token's lifetime is used). */
    public Builder refreshSkew(Duration refreshSkew) {
      Objects.requireNonNull(refreshSkew, "refreshSkew");
      if (refreshSkew.isNegative()) {
        throw new IllegalArgumentException("refreshSkew must not be negative but was " + refreshSkew);
      }
      this.refreshSkew = refreshSkew;
      return this;
    }

    /** Connect and response timeout of each token request (default 30 s). */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder tlsPolicy(TlsPolicy tlsPolicy) {
      this.tlsPolicy = Objects.requireNonNull(tlsPolicy, "tlsPolicy");
      return this;
    }

    /** Retries and rate limit for token requests (default: {@link RetryPolicy#ofDefaults()}, unlimited). */
    public Builder resilience(HttpResilience resilience) {
      this.resilience = Objects.requireNonNull(resilience, "resilience");
      return this;
    }

    /**
     * @throws IllegalStateException naming a missing endpoint, client id or secret
     * @throws IllegalArgumentException when the TLS policy refuses the endpoint (plain http to a remote host)
     */
    public ClientCredentialsTokenProvider build() {
      if (tokenEndpoint == null) {
        throw new IllegalStateException("tokenEndpoint is required");
      }
      if (clientId == null) {
        throw new IllegalStateException("clientId is required");
      }
      if (clientSecret == null) {
        throw new IllegalStateException("clientSecret is required");
      }
      tlsPolicy.check(tokenEndpoint);
      return new ClientCredentialsTokenProvider(this);
    }
  }
}
