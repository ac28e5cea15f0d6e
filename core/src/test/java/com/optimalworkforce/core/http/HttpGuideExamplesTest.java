package com.optimalworkforce.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.http.okhttp.BearerTokenInterceptor;
import com.optimalworkforce.core.http.okhttp.OkHttpClients;
import com.optimalworkforce.core.http.okhttp.ResilienceInterceptor;
import com.optimalworkforce.core.security.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP code shown in docs/security.md, run against WireMock. */
class HttpGuideExamplesTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void okHttpStack() throws IOException {
    server.stubFor(post("/oauth/accesstoken").willReturn(okJson("{\"access_token\":\"t-1\",\"expires_in\":\"3599\"}")));
    server.stubFor(get("/v1/patients/").withHeader("Authorization", equalTo("Bearer t-1"))
        .willReturn(okJson("{\"entry\":[]}")));
    String baseUrl = server.baseUrl();
    Secret clientSecret = Secret.of("s3cr3t");
    Clock clock = Clock.systemUTC();

    // tag::okhttp[]
    TlsPolicy tls = TlsPolicy.ofDefaults();
    HttpResilience resilience = HttpResilience.builder()
        .name("wellsky")
        .retryPolicy(RetryPolicy.ofDefaults())           // 5 attempts, 1 s doubling to 60 s, jitter
        .rateLimitPolicy(RateLimitPolicy.perSecond(5))  // every attempt counts
        .clock(clock)
        .build();
    TokenProvider tokens = ClientCredentialsTokenProvider.builder()
        .tokenEndpoint(URI.create(baseUrl + "/oauth/accesstoken"))
        .clientId("agency-7")
        .clientSecret(clientSecret)
        .tlsPolicy(tls)
        .clock(clock)
        .build();
    OkHttpClient client = OkHttpClients.builder(tls, Duration.ofSeconds(30))
        .addInterceptor(ResilienceInterceptor.of(resilience))   // outer: retries and rate limit
        .addInterceptor(BearerTokenInterceptor.of(tokens))      // inner: each attempt carries a current token
        .build();
    // end::okhttp[]

    try (Response r = client.newCall(new Request.Builder().url(baseUrl + "/v1/patients/").build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
  }

  @Test
  void jdkClientAndClassification() {
    server.stubFor(get("/ext/api/v2/scheduler/branches").willReturn(aResponse().withStatus(401)));
    URI uri = URI.create(server.baseUrl() + "/ext/api/v2/scheduler/branches");

    assertThatThrownBy(() -> {
      // tag::jdk[]
      HttpClient http = TlsPolicy.ofDefaults().applyTo(HttpClient.newBuilder()).build();
      HttpResilience resilience = HttpResilience.ofDefaults();
      FailureClassifier failures = FailureClassifier.forUri(uri)
          .credentials("the public/private key pair", "Check the key pair in AlayaCare, or request a new one.");
      try {
        HttpResponse<String> response = resilience.send(http, HttpRequest.newBuilder(uri).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
          throw failures.fromStatus(response.statusCode(), null);
          // "Invalid credentials: example.alayacare.ca rejected the public/private key pair (401). Check ..."
        }
      } catch (IOException e) {
        throw failures.classify(e);   // TIMEOUT, UNREACHABLE, ...
      }
      // end::jdk[]
    }).isInstanceOf(ConnectorException.class)
        .hasMessage("Invalid credentials: localhost rejected the public/private key pair (401). Check the key pair in"
            + " AlayaCare, or request a new one.");
    server.verify(1, getRequestedFor(urlEqualTo("/ext/api/v2/scheduler/branches")));
  }
}
