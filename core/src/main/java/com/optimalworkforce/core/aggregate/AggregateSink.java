package com.optimalworkforce.core.aggregate;

/**
 * Where published aggregates go: the Optimal Workforce platform, a file, a queue. The SPI accepts
 * {@link AggregateSnapshot} only, so nothing but suppressed, generalized counts can be handed to
 * it; raw records and unsuppressed {@link AggregateCounts} do not fit.
 *
 * <pre>{@code
 * AggregateSink toPlatform = snapshot -> httpClient.post("/aggregates", snapshot.toJson());
 * toPlatform.publish(aggregator.snapshot(PrivacyPolicy.ofDefaults()));
 * }</pre>
 *
 * <p>An implementation may throw an unchecked exception when it cannot deliver; the caller (the
 * sync engine) reports it and publishes again with the next snapshot.
 */
@FunctionalInterface
public interface AggregateSink {

  /** Delivers one snapshot. */
  void publish(AggregateSnapshot snapshot);

  /** A sink that discards everything. */
  static AggregateSink noop() {
    return snapshot -> { };
  }
}
