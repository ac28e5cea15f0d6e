package com.optimalworkforce.testkit.wellsky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.wellsky.internal.TokenIssuer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A WireMock OAuth 2.0 client-credentials token endpoint as WellSky's identity servers run it for
 * their FHIR APIs ({@code POST /connect/token}, form-encoded, a numeric {@code expires_in}). A test
 * FHIR server asks it whether a presented bearer token is valid.
 *
 * <pre>{@code
 * try (WellSkyTokenSimulator auth = WellSkyTokenSimulator.start(clock, "fhir-client", secret, Duration.ofMinutes(30))) {
 *   // configure a connector with auth.tokenUrl(), auth.clientId(), secret
 *   boolean ok = auth.status(bearerToken) == WellSkyTokenSimulator.TokenStatus.VALID;
 * }
 * }</pre>
 */
public final class WellSkyTokenSimulator implements AutoCloseable {
  /** What a presented token is. */
  public enum TokenStatus { VALID, EXPIRED, UNKNOWN, UNLICENSED }

  private static final String NAME = "wellsky-token";
  private final TokenIssuer tokens;
  private final WireMockServer server;
  private final String clientId;

  private WellSkyTokenSimulator(Clock clock, String clientId, Secret secret, Duration lifetime) {
    this.clientId = clientId;
    this.tokens = new TokenIssuer(clock, clientId, clientId + "-unlicensed", secret, lifetime);
    this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
        .notifier(new Slf4jNotifier(false)).extensions(new Handler()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(NAME)));
  }

  /** Starts an endpoint that grants tokens of {@code lifetime} to {@code clientId} with {@code secret}. */
  public static WellSkyTokenSimulator start(Clock clock, String clientId, Secret secret, Duration lifetime) {
    Objects.requireNonNull(clock, "clock");
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank but was '" + clientId + "'");
    }
    return new WellSkyTokenSimulator(clock, clientId, Objects.requireNonNull(secret, "secret"), lifetime);
  }

  public String tokenUrl() {
    return server.baseUrl() + "/connect/token";
  }

  public String clientId() {
    return clientId;
  }

  /** A client id that gets tokens with the same secret, which the resource server must refuse (403). */
  public String unlicensedClientId() {
    return clientId + "-unlicensed";
  }

  public TokenStatus status(String token) {
    return switch (tokens.check(token)) {
      case VALID -> TokenStatus.VALID;
      case EXPIRED -> TokenStatus.EXPIRED;
      case UNKNOWN -> TokenStatus.UNKNOWN;
      case DENIED -> TokenStatus.UNLICENSED;
    };
  }

  /** Token requests received, granted or not. */
  public int tokenRequests() {
    return tokens.requests();
  }

  /** Lifetime of tokens issued from now on. */
  public WellSkyTokenSimulator tokenLifetime(Duration lifetime) {
    tokens.lifetime(lifetime);
    return this;
  }

  /** What tokens issued from now on start with, e.g. a canary for a secret-leak test; a number follows. */
  public WellSkyTokenSimulator tokenPrefix(String prefix) {
    tokens.prefix(prefix);
    return this;
  }

  /** Invalidates every token issued so far. */
  public WellSkyTokenSimulator revokeTokens() {
    tokens.revokeAll();
    return this;
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Handler implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      if (!request.getUrl().startsWith("/connect/token") || !"POST".equals(request.getMethod().getName())) {
        return json(404, "{\"error\":\"not_found\"}");
      }
      Map<String, String> form = form(request.getBodyAsString());
      if (!"client_credentials".equals(form.get("grant_type"))) {
        return json(400, "{\"error\":\"unsupported_grant_type\"}");
      }
      Optional<TokenIssuer.Credentials> basic = TokenIssuer.fromBasicHeader(request.getHeader("Authorization"));
      TokenIssuer.Credentials credentials = basic.orElseGet(
          () -> new TokenIssuer.Credentials(form.get("client_id"), form.get("client_secret")));
      return tokens.issue(credentials)
          .map(t -> json(200, "{\"access_token\":\"" + t.token() + "\",\"token_type\":\"Bearer\",\"expires_in\":"
              + t.expiresInSeconds() + "}"))
          .orElseGet(() -> json(400, "{\"error\":\"invalid_client\"}"));
    }

    private ResponseDefinition json(int status, String body) {
      return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
          .withHeader("Content-Type", "application/json").withBody(body).build();
    }

    private Map<String, String> form(String body) {
      Map<String, String> out = new HashMap<>();
      if (body == null) {
        return out;
      }
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return out;
    }
  }
}
