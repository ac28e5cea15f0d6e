package com.optimalworkforce.core.http.okhttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.http.ConnectorIOException;
import com.optimalworkforce.core.http.FailureClassifier;
import com.optimalworkforce.core.http.HttpResilience;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.http.TokenProvider;
import com.optimalworkforce.core.security.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OkHttpAdaptersTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final HttpResilience FAST = HttpResilience.of(RetryPolicy.builder().maxAttempts(4)
      .initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).jitter(0).build(), RateLimitPolicy.unlimited());

  private OkHttpClient client(HttpResilience resilience, TokenProvider tokens) {
    // A generous timeout: these tests count requests, and a read timeout on a loaded machine would
    // add a retry the test did not ask for. The timeout path has its own test below.
    OkHttpClient.Builder b = OkHttpClients.builder(TlsPolicy.ofDefaults(), Duration.ofSeconds(30))
        .addInterceptor(ResilienceInterceptor.of(resilience));
    if (tokens != null) {
      b.addInterceptor(BearerTokenInterceptor.of(tokens));
    }
    return b.build();
  }

  private void sequence(String path, boolean isPost, ResponseDefinitionBuilder... responses) {
    String state = Scenario.STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "step-" + (i + 1);
      server.stubFor((isPost ? post(path) : get(path)).inScenario(path).whenScenarioStateIs(state)
          .willReturn(responses[i]).willSetStateTo(next));
      state = next;
    }
  }

  private Response call(OkHttpClient client, Request request) throws IOException {
    return client.newCall(request).execute();
  }

  @Test
  void retriesIdempotentRequestsOnA503BurstAndAConnectionReset() throws IOException {
    sequence("/visits", false, aResponse().withStatus(503), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withStatus(200).withBody("page"));

    try (Response r = call(client(FAST, null), new Request.Builder().url(server.url("/visits")).build())) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("page");
    }
    server.verify(3, getRequestedFor(urlEqualTo("/visits")));
  }

  @Test
  void retriesAPostOnlyWhenMarkedIdempotent() throws IOException {
    sequence("/plain", true, aResponse().withStatus(503), aResponse().withStatus(200));
    sequence("/search", true, aResponse().withStatus(503), aResponse().withStatus(200));
    RequestBody body = RequestBody.create("{}", MediaType.get("application/json"));
    OkHttpClient client = client(FAST, null);

    try (Response r = call(client, new Request.Builder().url(server.url("/plain")).post(body).build())) {
      assertThat(r.code()).isEqualTo(503);
    }
    try (Response r = call(client, Idempotent.mark(new Request.Builder().url(server.url("/search")).post(body)).build())) {
      assertThat(r.code()).isEqualTo(200);
    }
    server.verify(1, postRequestedFor(urlEqualTo("/plain")));
    server.verify(2, postRequestedFor(urlEqualTo("/search")));
  }

  @Test
  void addsTheBearerTokenAndRefreshesOnceAfterA401() throws IOException {
    server.stubFor(get("/me").withHeader("Authorization", equalTo("Bearer old-token"))
        .willReturn(aResponse().withStatus(401)));
    server.stubFor(get("/me").withHeader("Authorization", equalTo("Bearer new-token"))
        .willReturn(aResponse().withStatus(200).withBody("hello")));
    AtomicInteger refreshes = new AtomicInteger();
    TokenProvider tokens = new TokenProvider() {
      private volatile Secret current = Secret.of("old-token");

      @Override
      public Secret token() {
        return current;
      }

      @Override
      public Secret refresh(Secret rejected) {
        refreshes.incrementAndGet();
        current = Secret.of("new-token");
        return current;
      }
    };

    try (Response r = call(client(FAST, tokens), new Request.Builder().url(server.url("/me")).build())) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("hello");
    }
    assertThat(refreshes).hasValue(1);
    server.verify(2, getRequestedFor(urlEqualTo("/me")));
  }

  @Test
  void aSecond401IsReturnedForTheCallerToClassify() throws IOException {
    server.stubFor(get("/me").willReturn(aResponse().withStatus(401)));
    try (Response r = call(client(FAST, TokenProvider.fixed(Secret.of("bad"))), new Request.Builder().url(server.url("/me")).build())) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(FailureClassifier.forHost(r.request().url().host()).fromStatus(r.code(), null).failure())
          .isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
    }
    server.verify(2, getRequestedFor(urlEqualTo("/me")));
  }

  @Test
  void tokenFailuresComeThroughAsClassifiedIoExceptions() {
    TokenProvider broken = new TokenProvider() {
      @Override
      public Secret token() {
        throw new ConnectorException(ConnectionFailure.INVALID_CREDENTIALS, "auth.test rejected the client (401).");
      }

      @Override
      public Secret refresh(Secret rejected) {
        return token();
      }
    };

    assertThatThrownBy(() -> call(client(FAST, broken), new Request.Builder().url(server.url("/me")).build()))
        .isInstanceOf(ConnectorIOException.class)
        .satisfies(e -> assertThat(FailureClassifier.forHost("x").classify(e).failure())
            .isEqualTo(ConnectionFailure.INVALID_CREDENTIALS));
  }

  @Test
  void aSlowAnswerIsRetriedThenClassifiedAsTimeout() {
    server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(800)));
    OkHttpClient client = OkHttpClients.builder(TlsPolicy.ofDefaults(), Duration.ofMillis(200))
        .addInterceptor(ResilienceInterceptor.of(HttpResilience.of(RetryPolicy.builder().maxAttempts(2)
            .initialBackoff(Duration.ofMillis(5)).build(), RateLimitPolicy.unlimited())))
        .build();

    assertThatThrownBy(() -> call(client, new Request.Builder().url(server.url("/slow")).build()))
        .isInstanceOf(java.net.SocketTimeoutException.class)
        .satisfies(e -> assertThat(FailureClassifier.forHost("localhost").classify(e).getMessage())
            .startsWith("Connection timeout: localhost did not answer in time"));
    server.verify(2, getRequestedFor(urlEqualTo("/slow")));
  }

  @Test
  void refusesPlainHttpToANonLoopbackHost() {
    server.stubFor(get("/x").willReturn(aResponse().withStatus(200)));
    // "remote.test" resolves to loopback here, but by name it is not a loopback host.
    OkHttpClient client = OkHttpClients.builder(TlsPolicy.ofDefaults(), Duration.ofSeconds(2))
        .dns(host -> List.of(InetAddress.getLoopbackAddress())).build();

    assertThatThrownBy(() -> call(client, new Request.Builder().url("http://remote.test:" + server.getPort() + "/x").build()))
        .isInstanceOf(java.net.UnknownServiceException.class)
        .hasMessageContaining("The TLS policy refuses plain http to remote.test");
    server.verify(0, getRequestedFor(urlEqualTo("/x")));
  }

  @Test
  void allowsPlainHttpEverywhereOnlyWhenThePolicySaysSo() throws IOException {
    server.stubFor(get("/x").willReturn(aResponse().withStatus(200)));
    OkHttpClient client = OkHttpClients.builder(TlsPolicy.builder().cleartext(TlsPolicy.Cleartext.ALLOWED).build(),
        Duration.ofSeconds(2)).dns(host -> List.of(InetAddress.getLoopbackAddress())).build();

    try (Response r = call(client, new Request.Builder().url("http://remote.test:" + server.getPort() + "/x").build())) {
      assertThat(r.code()).isEqualTo(200);
    }
  }
}
