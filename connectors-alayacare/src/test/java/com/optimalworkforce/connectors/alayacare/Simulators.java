package com.optimalworkforce.connectors.alayacare;

import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import java.time.Duration;

/** Connector configurations against an {@link AlayaCareSimulator}, with retries fast enough for tests. */
final class Simulators {
  /** AlayaCare's guidance shape (doubling backoff, 5 attempts) at test speed. */
  static final RetryPolicy FAST_RETRY = RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(20))
      .maxBackoff(Duration.ofMillis(200)).maxRetryAfter(Duration.ofSeconds(2)).build();

  private Simulators() {}

  static AlayaCareConnectorConfig.Builder config(AlayaCareSimulator sim) {
    return AlayaCareConnectorConfig.builder().baseUrl(sim.baseUrl())
        .publicKey(Secret.of(sim.publicKey())).privateKey(sim.privateKey())
        .retryPolicy(FAST_RETRY).rateLimit(2000).clock(sim.agency().clock());
  }

  static AlayaCareConnector connector(AlayaCareSimulator sim) {
    return AlayaCareConnector.create(config(sim).build());
  }
}
