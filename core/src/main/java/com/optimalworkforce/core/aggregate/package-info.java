/**
 * Privacy-preserving aggregates: counts per generalized postal area and region, the only data that
 * leaves the agency.
 *
 * <pre>{@code
 * Aggregator aggregator = Aggregator.create();
 * changes.forEach(aggregator::apply);                          // creations, updates, deletions
 * AggregateSnapshot snapshot = aggregator.snapshot(PrivacyPolicy.ofDefaults());
 * sink.publish(snapshot);                                       // the only type a sink accepts
 * }</pre>
 *
 * <p>Two forms, and the types keep them apart: {@link com.optimalworkforce.core.aggregate.AggregateCounts}
 * is exact and mergeable and stays in the agency zone;
 * {@link com.optimalworkforce.core.aggregate.AggregateSnapshot} is published, with small cells and
 * their complements suppressed under a {@link com.optimalworkforce.core.aggregate.PrivacyPolicy}.
 * Merge the counts of one region, then publish: suppressed figures cannot be added up exactly.
 * Snapshots of different regions {@link com.optimalworkforce.core.aggregate.AggregateSnapshot#merge
 * merge} exactly. Snapshots published over time (one per sync) form a series: publish each as the
 * next {@link com.optimalworkforce.core.aggregate.Release} of the one before, so that two of them
 * cannot be subtracted to reveal a hidden cell. See
 * {@code docs/privacy.md} and {@code docs/aggregate-snapshot-schema.md}.
 */
package com.optimalworkforce.core.aggregate;
