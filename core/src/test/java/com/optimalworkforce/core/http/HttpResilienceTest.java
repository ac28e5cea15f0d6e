package com.optimalworkforce.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpResilienceTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final RetryPolicy FAST = RetryPolicy.builder()
      .maxAttempts(4).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(40)).jitter(0).build();

  private final TestClock clock = new TestClock(Instant.parse("2026-11-20T15:00:00Z"));
  private final List<RetryEvent> events = new CopyOnWriteArrayList<>();
  private HttpResilience resilience;

  @BeforeEach
  void setUp() {
    resilience = HttpResilience.builder().retryPolicy(FAST).clock(clock).listener(events::add).build();
  }

  private HttpRequest getRequest(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(5)).GET().build();
  }

  private void sequence(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... responses) {
    String state = Scenario.STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "step-" + (i + 1);
      server.stubFor(get(path).inScenario(path).whenScenarioStateIs(state).willReturn(responses[i]).willSetStateTo(next));
      state = next;
    }
  }

  @Test
  void retriesA503BurstThenReturnsTheAnswer() throws IOException {
    sequence("/burst", aResponse().withStatus(503), aResponse().withStatus(503), aResponse().withStatus(200).withBody("ok"));

    HttpResponse<String> r = resilience.send(CLIENT, getRequest("/burst"), BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("ok");
    server.verify(3, getRequestedFor(urlEqualTo("/burst")));
    assertThat(events).extracting(RetryEvent::cause).containsExactly("HTTP 503", "HTTP 503");
    assertThat(events).extracting(RetryEvent::delay).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
  }

  @Test
  void backoffWaitsAreJitteredAroundTheExponentialWait() throws IOException {
    // Status codes stand in for responses: the first attempt of each call answers 503, the second 200.
    ResponseView<Integer> status = new ResponseView<>() {
      @Override
      public int status(Integer response) {
        return response;
      }

      @Override
      public java.util.Optional<String> header(Integer response, String name) {
        return java.util.Optional.empty();
      }
    };
    HttpResilience jittered = HttpResilience.builder().retryPolicy(RetryPolicy.builder().maxAttempts(2)
        .initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(100)).jitter(0.5).build())
        .listener(events::add).build();
    for (int call = 0; call < 25; call++) {
      int[] attempts = {0};
      assertThat(jittered.execute("GET example.test/x", true, status, () -> ++attempts[0] == 1 ? 503 : 200))
          .isEqualTo(200);
    }

    assertThat(events).hasSize(25).allSatisfy(e -> assertThat(e.delay())
        .isBetween(Duration.ofMillis(10), Duration.ofMillis(30)));
    assertThat(events.stream().map(RetryEvent::delay).distinct().count()).as("random, not fixed").isGreaterThan(3);
    assertThat(HttpResilience.ofDefaults().retryPolicy()).isEqualTo(RetryPolicy.ofDefaults());
    assertThat(RetryPolicy.ofDefaults().jitter()).isEqualTo(0.5);
  }

  @Test
  void returnsTheLastResponseWhenRetriesRunOut() throws IOException {
    server.stubFor(get("/down").willReturn(aResponse().withStatus(502)));

    HttpResponse<String> r = resilience.send(CLIENT, getRequest("/down"), BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(502);
    server.verify(4, getRequestedFor(urlEqualTo("/down")));
  }

  @Test
  void doesNotRetryOtherErrors() throws IOException {
    server.stubFor(get("/broken").willReturn(aResponse().withStatus(500)));
    server.stubFor(get("/denied").willReturn(aResponse().withStatus(401)));

    assertThat(resilience.send(CLIENT, getRequest("/broken"), BodyHandlers.ofString()).statusCode()).isEqualTo(500);
    assertThat(resilience.send(CLIENT, getRequest("/denied"), BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    server.verify(1, getRequestedFor(urlEqualTo("/broken")));
    server.verify(1, getRequestedFor(urlEqualTo("/denied")));
    assertThat(events).isEmpty();
  }

  @Test
  void neverRetriesANonIdempotentCall() throws IOException {
    server.stubFor(post("/orders").willReturn(aResponse().withStatus(503)));
    HttpRequest post = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/orders"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

    assertThat(resilience.send(CLIENT, post, BodyHandlers.ofString()).statusCode()).isEqualTo(503);
    server.verify(1, postRequestedFor(urlEqualTo("/orders")));
  }

  @Test
  void retriesAPostTheCallerDeclaresIdempotent() throws IOException {
    server.stubFor(post("/search").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    server.stubFor(post("/search").inScenario("s").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
    HttpRequest post = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/search"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

    assertThat(resilience.send(CLIENT, post, BodyHandlers.ofString(), true).statusCode()).isEqualTo(200);
    server.verify(2, postRequestedFor(urlEqualTo("/search")));
  }

  @Test
  void honoursRetryAfterInSeconds() throws IOException {
    sequence("/busy", aResponse().withStatus(429).withHeader("Retry-After", "1"), aResponse().withStatus(200));

    long start = System.nanoTime();
    assertThat(resilience.send(CLIENT, getRequest("/busy"), BodyHandlers.ofString()).statusCode()).isEqualTo(200);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.delay()).isEqualTo(Duration.ofSeconds(1));
      assertThat(e.fromRetryAfter()).isTrue();
      assertThat(e.cause()).isEqualTo("HTTP 429");
    });
  }

  @Test
  void honoursRetryAfterAsAnHttpDateMeasuredAgainstTheInjectedClock() throws IOException {
    // The clock says 15:00:00; the server asks to come back at 15:00:01.
    sequence("/maintenance", aResponse().withStatus(503).withHeader("Retry-After", "Fri, 20 Nov 2026 15:00:01 GMT"),
        aResponse().withStatus(200));

    assertThat(resilience.send(CLIENT, getRequest("/maintenance"), BodyHandlers.ofString()).statusCode()).isEqualTo(200);

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.delay()).isEqualTo(Duration.ofSeconds(1));
      assertThat(e.fromRetryAfter()).isTrue();
    });
  }

  @Test
  void capsRetryAfterAtTheConfiguredMaximum() throws IOException {
    resilience = HttpResilience.builder().retryPolicy(FAST.toBuilder().maxRetryAfter(Duration.ofMillis(50)).build())
        .clock(clock).listener(events::add).build();
    sequence("/later", aResponse().withStatus(429).withHeader("Retry-After", "3600"), aResponse().withStatus(200));

    assertThat(resilience.send(CLIENT, getRequest("/later"), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(events).singleElement().extracting(RetryEvent::delay).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void retriesAConnectionReset() throws IOException {
    // The JDK client itself retries a GET once after a reset; three resets get past it to our policy.
    sequence("/reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(200).withBody("ok"));

    assertThat(resilience.send(CLIENT, getRequest("/reset"), BodyHandlers.ofString()).body()).isEqualTo("ok");
    assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.cause()).endsWith("Exception"));
    server.verify(4, getRequestedFor(urlEqualTo("/reset")));
  }

  @Test
  void retriesATimeoutThenReportsItAsATimeout() {
    server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));
    HttpRequest slow = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/slow")).timeout(Duration.ofMillis(150)).build();
    resilience = HttpResilience.builder().retryPolicy(FAST.toBuilder().maxAttempts(2).build()).listener(events::add).build();

    assertThatThrownBy(() -> resilience.send(CLIENT, slow, BodyHandlers.ofString()))
        .isInstanceOf(java.net.http.HttpTimeoutException.class)
        .satisfies(e -> assertThat(FailureClassifier.forHost("example.test").classify(e).failure())
            .isEqualTo(ConnectionFailure.TIMEOUT));
    assertThat(events).singleElement().extracting(RetryEvent::cause).isEqualTo("HttpTimeoutException");
    server.verify(2, getRequestedFor(urlEqualTo("/slow")));
  }

  @Test
  void rateLimitsEveryAttempt() throws IOException {
    server.stubFor(get("/limited").willReturn(aResponse().withStatus(200)));
    HttpResilience limited = HttpResilience.builder().retryPolicy(FAST)
        .rateLimitPolicy(RateLimitPolicy.builder().limitForPeriod(2).period(Duration.ofMillis(300)).build()).build();

    long start = System.nanoTime();
    for (int i = 0; i < 6; i++) {
      limited.send(CLIENT, getRequest("/limited"), BodyHandlers.ofString());
    }

    // 2 calls per 300 ms: the 5th and 6th wait for the third period.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(550));
  }

  @Test
  void failsAsRateLimitedWhenNoPermitComesInTime() throws IOException {
    server.stubFor(get("/limited").willReturn(aResponse().withStatus(200)));
    HttpResilience strict = HttpResilience.builder().rateLimitPolicy(RateLimitPolicy.builder().limitForPeriod(1)
        .period(Duration.ofMinutes(1)).maxWait(Duration.ZERO).build()).build();

    strict.send(CLIENT, getRequest("/limited"), BodyHandlers.ofString());
    assertThatThrownBy(() -> strict.send(CLIENT, getRequest("/limited"), BodyHandlers.ofString()))
        .isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith("Rate limited: no request slot for GET localhost")
        .hasMessageContaining("client-side limit of 1 per 60000 ms")
        .extracting(e -> ((ConnectorException) e).failure()).isEqualTo(ConnectionFailure.RATE_LIMITED);
    server.verify(1, getRequestedFor(urlEqualTo("/limited")));
  }

  @Test
  void anInterruptDuringARetryWaitEndsTheCallPromptly() throws Exception {
    server.stubFor(get("/later").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    HttpResilience patient = HttpResilience.builder().retryPolicy(FAST.toBuilder().maxRetryAfter(Duration.ofSeconds(30)).build())
        .clock(clock).build();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean flagKept = new java.util.concurrent.atomic.AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        patient.send(CLIENT, getRequest("/later"), BodyHandlers.ofString());
      } catch (Throwable t) {
        failure.set(t);
        flagKept.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    Thread.sleep(300);   // let it reach the 30 s wait
    long start = System.nanoTime();
    caller.interrupt();
    caller.join(5_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(failure.get()).isInstanceOf(java.io.InterruptedIOException.class)
        .hasMessageContaining("interrupted while waiting to retry GET localhost");
    assertThat(flagKept).isTrue();
  }
}
