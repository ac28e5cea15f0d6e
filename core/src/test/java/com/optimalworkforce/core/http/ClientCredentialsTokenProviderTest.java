package com.optimalworkforce.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.security.Secret;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientCredentialsTokenProviderTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SECRET = "client-secret-&-more";
  private final TestClock clock = new TestClock(Instant.parse("2026-11-20T15:00:00Z"));

  private ClientCredentialsTokenProvider.Builder provider() {
    return ClientCredentialsTokenProvider.builder()
        .tokenEndpoint(URI.create(server.baseUrl() + "/oauth/accesstoken"))
        .clientId("agency-7")
        .clientSecret(Secret.of(SECRET))
        .clock(clock)
        .resilience(HttpResilience.builder().retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(10)).maxAttempts(3).build()).clock(clock).build());
  }

  /** The tokens {@code callers} threads got, all released at once to call {@code call}. */
  private static Set<String> fromConcurrentCallers(int callers, Callable<Secret> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Secret>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      Set<String> seen = new HashSet<>();
      for (Future<Secret> f : results) {
        seen.add(f.get().reveal());
      }
      return seen;
    } finally {
      pool.shutdown();
    }
  }

  private static String tokenJson(String token, String expiresIn) {
    return "{\"token_type\":\"BearerToken\",\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn
        + ",\"refresh_token_expires_in\":\"0\",\"scope\":\"\",\"status\":\"approved\"}";
  }

  @Test
  void fetchesWithAFormBodyAndCachesTheToken() {
    server.stubFor(post("/oauth/accesstoken").willReturn(okJson(tokenJson("tok-1", "3600"))));
    ClientCredentialsTokenProvider tokens = provider().scope("read write").build();

    assertThat(tokens.token().reveal()).isEqualTo("tok-1");
    assertThat(tokens.token().reveal()).isEqualTo("tok-1");

    assertThat(tokens.fetchCount()).isEqualTo(1);
    server.verify(1, postRequestedFor(urlEqualTo("/oauth/accesstoken"))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("grant_type=client_credentials&client_id=agency-7"
            + "&client_secret=client-secret-%26-more&scope=read+write")));
  }

  @Test
  void sendsJsonAndReadsExpiresInGivenAsAString() {
    server.stubFor(post("/oauth/accesstoken").willReturn(okJson(tokenJson("tok-json", "\"3599\""))));
    ClientCredentialsTokenProvider tokens = provider().bodyFormat(ClientCredentialsTokenProvider.BodyFormat.JSON).build();

    assertThat(tokens.token().reveal()).isEqualTo("tok-json");
    clock.advance(Duration.ofSeconds(3000));
    assertThat(tokens.token().reveal()).isEqualTo("tok-json");

    assertThat(tokens.fetchCount()).isEqualTo(1);
    server.verify(postRequestedFor(urlEqualTo("/oauth/accesstoken"))
        .withRequestBody(equalToJson("{\"grant_type\":\"client_credentials\",\"client_id\":\"agency-7\","
            + "\"client_secret\":\"" + SECRET + "\"}")));
  }

  @Test
  void canAuthenticateTheClientWithHttpBasic() {
    server.stubFor(post("/oauth/accesstoken").willReturn(okJson(tokenJson("tok-basic", "60"))));
    provider().clientAuthentication(ClientCredentialsTokenProvider.ClientAuthentication.BASIC).build().token();

    String basic = Base64.getEncoder().encodeToString("agency-7:client-secret-%26-more".getBytes(StandardCharsets.UTF_8));
    server.verify(postRequestedFor(urlEqualTo("/oauth/accesstoken"))
        .withHeader("Authorization", equalTo("Basic " + basic))
        .withRequestBody(equalTo("grant_type=client_credentials")));
  }

  @Test
  void refreshesProactivelyBeforeExpiry() {
    server.stubFor(post("/oauth/accesstoken").inScenario("t").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(tokenJson("first", "3600"))).willSetStateTo("second"));
    server.stubFor(post("/oauth/accesstoken").inScenario("t").whenScenarioStateIs("second")
        .willReturn(okJson(tokenJson("second", "3600"))));
    ClientCredentialsTokenProvider tokens = provider().refreshSkew(Duration.ofSeconds(60)).build();

    assertThat(tokens.token().reveal()).isEqualTo("first");
    clock.advance(Duration.ofSeconds(3539));
    assertThat(tokens.token().reveal()).isEqualTo("first");
    clock.advance(Duration.ofSeconds(2));   // 59 s before expiry: inside the skew
    assertThat(tokens.token().reveal()).isEqualTo("second");
    assertThat(tokens.fetchCount()).isEqualTo(2);
  }

  @Test
  void shortLivedTokensAreNotRefreshedOnEveryCall() {
    server.stubFor(post("/oauth/accesstoken").willReturn(okJson(tokenJson("short", "30"))));
    ClientCredentialsTokenProvider tokens = provider().refreshSkew(Duration.ofSeconds(60)).build();

    tokens.token();
    clock.advance(Duration.ofSeconds(10));
    tokens.token();
    assertThat(tokens.fetchCount()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(6));   // past half the lifetime
    tokens.token();
    assertThat(tokens.fetchCount()).isEqualTo(2);
  }

  @Test
  void manyConcurrentCallersAfterA401CauseExactlyOneRefresh() throws Exception {
    server.stubFor(post("/oauth/accesstoken").inScenario("c").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(tokenJson("old", "3600"))).willSetStateTo("new"));
    server.stubFor(post("/oauth/accesstoken").inScenario("c").whenScenarioStateIs("new")
        .willReturn(okJson(tokenJson("new", "3600")).withFixedDelay(200)));
    ClientCredentialsTokenProvider tokens = provider().build();
    Secret rejected = tokens.token();

    Set<String> seen = fromConcurrentCallers(32, () -> tokens.refresh(rejected));

    assertThat(seen).containsExactly("new");
    assertThat(tokens.fetchCount()).isEqualTo(2);
    server.verify(2, postRequestedFor(urlEqualTo("/oauth/accesstoken")));
  }

  @Test
  void manyConcurrentCallersAtExpiryCauseExactlyOneProactiveRefresh() throws Exception {
    server.stubFor(post("/oauth/accesstoken").inScenario("e").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(tokenJson("expiring", "\"600\""))).willSetStateTo("next"));
    server.stubFor(post("/oauth/accesstoken").inScenario("e").whenScenarioStateIs("next")
        .willReturn(okJson(tokenJson("next", "\"600\"")).withFixedDelay(200)));
    ClientCredentialsTokenProvider tokens = provider().refreshSkew(Duration.ofSeconds(60)).build();
    assertThat(tokens.token().reveal()).isEqualTo("expiring");
    clock.advance(Duration.ofSeconds(541));   // 59 s before expiry: inside the skew

    Set<String> seen = fromConcurrentCallers(32, () -> tokens.token());

    assertThat(seen).containsExactly("next");
    assertThat(tokens.fetchCount()).isEqualTo(2);
    server.verify(2, postRequestedFor(urlEqualTo("/oauth/accesstoken")));
  }

  @Test
  void retriesATokenEndpointThatIsBrieflyUnavailable() {
    server.stubFor(post("/oauth/accesstoken").inScenario("u").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    server.stubFor(post("/oauth/accesstoken").inScenario("u").whenScenarioStateIs("up")
        .willReturn(okJson(tokenJson("after-503", "3600"))));

    assertThat(provider().build().token().reveal()).isEqualTo("after-503");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "401 | {\"error\":\"invalid_client\"} | INVALID_CREDENTIALS | rejected the client id and secret (401)",
      "400 | {\"error\":\"invalid_client\",\"error_description\":\"bad secret client-secret-&-more\"} | INVALID_CREDENTIALS | Check the client id and client secret",
      "400 | {\"error\":\"unauthorized_client\"} | INVALID_CREDENTIALS | unauthorized_client",
      "400 | {\"error\":\"invalid_scope\"} | ACCESS_DENIED | refused the scope",
      "403 | <html>forbidden</html> | ACCESS_DENIED | (403)",
      "429 | {} | RATE_LIMITED | kept answering 429",
      "500 | <html>oops</html> | UNEXPECTED_RESPONSE | answered HTTP 500",
      "200 | {\"token_type\":\"Bearer\"} | UNEXPECTED_RESPONSE | has no access_token",
      "200 | {\"access_token\":\"x\",\"expires_in\":\"soon\"} | UNEXPECTED_RESPONSE | expires_in is not a number",
      "200 | not json | UNEXPECTED_RESPONSE | is not JSON",
  })
  void classifiesTokenEndpointFailures(int status, String body, ConnectionFailure failure, String message) {
    server.stubFor(post("/oauth/accesstoken").willReturn(aResponse().withStatus(status).withBody(body)));
    ClientCredentialsTokenProvider tokens = provider().build();

    assertThatThrownBy(tokens::token)
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("localhost")
        .hasMessageNotContaining(SECRET)
        .satisfies(e -> assertThat(((ConnectorException) e).failure()).isEqualTo(failure));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "gateway message | application/json | {\"message\":\"Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): 'abc='.\"} | Invalid key=value pair (missing equal-sign) in Authorization header",
      "OAuth error     | application/json | {\"error\":\"access_denied\",\"error_description\":\"client not licensed\"} | access_denied: client not licensed",
      "gateway fault   | application/json | {\"fault\":{\"faultstring\":\"Invalid ApiKey for given resource\"}} | {\"fault\":{\"faultstring\":\"Invalid ApiKey for given resource\"}}",
      "HTML title      | text/html        | <html><head><title>403 Forbidden</title></head><body><h1>nope</h1></body></html> | 403 Forbidden",
      "plain text      | text/plain       | Route  not   allowed | Route not allowed",
  })
  void aRefusalCarriesWhatTheEndpointSaid(String name, String contentType, String body, String said) {
    server.stubFor(post("/oauth/accesstoken").willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", contentType).withBody(body)));

    assertThatThrownBy(provider().build()::token)
        .isInstanceOfSatisfying(TokenEndpointException.class, e -> {
          assertThat(e.failure()).isEqualTo(ConnectionFailure.ACCESS_DENIED);
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.serverMessage().orElseThrow()).startsWith(said);
          assertThat(e.tokenEndpoint()).isEqualTo(URI.create(server.baseUrl() + "/oauth/accesstoken"));
          assertThat(e.getMessage()).startsWith("Access denied: the token endpoint " + server.baseUrl()
              + "/oauth/accesstoken refused to issue a token (403). The server said: \"" + said)
              .contains("Check that this is the token URL");
        });
  }

  @Test
  void whatTheEndpointSaidIsRedactedThenBounded() {
    String basic = Base64.getEncoder().encodeToString(("agency-7:" + SECRET).getBytes(StandardCharsets.UTF_8));
    // The secret straddles the 300-character bound: redacting after the cut would leave its start.
    String padding = "x".repeat(TokenEndpointException.MAX_SERVER_MESSAGE - 20);
    server.stubFor(post("/oauth/accesstoken").willReturn(aResponse().withStatus(403).withHeader("Content-Type",
        "application/json").withBody("{\"message\":\"" + padding + " got " + SECRET + " with Authorization: Basic "
        + basic + "\"}")));

    assertThatThrownBy(provider().build()::token)
        .isInstanceOfSatisfying(TokenEndpointException.class, e -> {
          String said = e.serverMessage().orElseThrow();
          assertThat(said).hasSizeLessThanOrEqualTo(TokenEndpointException.MAX_SERVER_MESSAGE).endsWith("…")
              .startsWith(padding + " got [redacted]");
          assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 10))
              .doesNotContain(basic.substring(0, 16));
        });
  }

  @Test
  void aMissingRouteSaysThereIsNoTokenEndpointThere() {
    server.stubFor(post("/oauth/accesstoken").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "text/html").withBody("<html><body><h1>Not Found</h1></body></html>")));

    assertThatThrownBy(provider().build()::token)
        .isInstanceOfSatisfying(TokenEndpointException.class, e -> {
          assertThat(e.failure()).isEqualTo(ConnectionFailure.UNEXPECTED_RESPONSE);
          assertThat(e.serverMessage()).hasValue("Not Found");
          assertThat(e.getMessage()).contains("there is no token endpoint at " + server.baseUrl() + "/oauth/accesstoken"
              + " (404). The server said: \"Not Found\".");
        });
  }

  @Test
  void messagesNameTheEndpointWithoutItsQueryOrUserInfo() {
    server.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/oauth/accesstoken"))
        .willReturn(aResponse().withStatus(401).withBody("{}")));
    ClientCredentialsTokenProvider tokens = provider()
        .tokenEndpoint(URI.create("http://user:" + SECRET.replace("&", "") + "@localhost:" + server.getPort()
            + "/oauth/accesstoken?key=" + SECRET.replace("&", ""))).build();

    assertThat(tokens.toString()).contains("http://localhost:" + server.getPort() + "/oauth/accesstoken")
        .doesNotContain("client-secret-");
    assertThatThrownBy(tokens::token).isInstanceOfSatisfying(TokenEndpointException.class, e -> {
      assertThat(e.tokenEndpoint()).hasNoQuery().hasNoUserInfo();
      assertThat(e.getMessage()).doesNotContain("client-secret-");
    });
  }

  @Test
  void anUnreachableEndpointIsClassified() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    ClientCredentialsTokenProvider tokens = provider()
        .tokenEndpoint(URI.create("http://localhost:" + closedPort + "/token")).build();

    assertThatThrownBy(tokens::token).isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith("Unreachable: localhost refused the connection");
  }

  @Test
  void builderChecksRequiredValuesAndTheTlsPolicy() {
    assertThatThrownBy(() -> ClientCredentialsTokenProvider.builder().tokenEndpoint(URI.create("https://x.test/t"))
        .clientId("id").build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("clientSecret is required");
    assertThatThrownBy(() -> provider().tokenEndpoint(URI.create("http://auth.example.com/token")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("The TLS policy refuses http://auth.example.com: use an https:// URL");
    assertThatThrownBy(() -> provider().tokenEndpoint(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was '/relative'");
    assertThat(provider().build().toString()).contains("agency-7").doesNotContain(SECRET);
  }

  @Test
  void aFixedTokenNeverChanges() {
    TokenProvider fixed = TokenProvider.fixed(Secret.of("static"));
    assertThat(fixed.refresh(fixed.token()).reveal()).isEqualTo("static");
  }
}
