package com.optimalworkforce.core.aggregate;

import com.optimalworkforce.core.aggregate.internal.ReleaseMemory;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One snapshot of a series published over time, with what the next one must stay consistent
 * with. Publish {@link #snapshot()}; keep the release itself in the agency and pass it to the next
 * publication, so that consecutive snapshots of a region keep their suppression pattern and cannot
 * be subtracted from each other to reveal a hidden cell.
 *
 * <pre>{@code
 * Release first = aggregator.release(policy);       // the first of the series
 * sink.publish(first.snapshot());
 * String kept = first.toJson();                     // agency zone only: it holds exact counts
 * // ... the next sync, maybe after a restart ...
 * Release next = aggregator.release(policy, Release.fromJson(kept));
 * sink.publish(next.snapshot());
 * }</pre>
 *
 * <p><b>Why.</b> Each snapshot alone hides its small cells with complements so that its own
 * totals do not give them away. Two snapshots of a series are another matter: an analyst can
 * take a cell whose count did not change to be the same in both, and when the complement chosen
 * for a small cell moves from one cell to another between releases, subtracting reveals it.
 * Publishing with the previous release keeps each hidden cell's protection going across releases
 * (details in {@code docs/privacy.md}, "Snapshots over time"):
 * <ul>
 *   <li>a cell hidden last time whose count did not change stays hidden;
 *   <li>complements are chosen among cells whose counts changed (an unchanged one is known from
 *       the previous release), those hidden last time first;
 *   <li>every hidden cell keeps a second history: an alternative set of figures for every release
 *       so far, agreeing with everything published and with every count that did not change, in
 *       which the cell differs. The release remembers the alternatives and continues them.
 * </ul>
 *
 * <p>A release holds exact, unsuppressed counts: it is agency-zone data like
 * {@link AggregateCounts}. {@link #toJson()} is for storage in the agency (seal it, as
 * {@code Integration} does in its {@code IntegrationStore}); only {@link #snapshot()} may leave.
 * Immutable and thread-safe.
 */
public final class Release {
  private final AggregateSnapshot snapshot;
  private final SortedMap<String, ReleaseMemory.Region> regions;
  private final int gaps;

  Release(AggregateSnapshot snapshot, Map<String, ReleaseMemory.Region> regions, int gaps) {
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.regions = new TreeMap<>(regions);
    this.gaps = gaps;
  }

  /** The snapshot to publish. */
  public AggregateSnapshot snapshot() {
    return snapshot;
  }

  /** When the counts were taken. */
  public Instant asOf() {
    return snapshot.asOf();
  }

  /** The memory of one region, or null when this release had none of its counts. */
  ReleaseMemory.Region memory(String regionId) {
    return regions.get(regionId);
  }

  /**
   * Alternatives of the previous release that could not be continued plus hidden cells left
   * without one across releases (each logged as a warning); 0 when the series is fully consistent.
   */
  int gaps() {
    return gaps;
  }

  /**
   * JSON for agency-zone storage: the snapshot and, per region, every table's exact cells and
   * alternatives. Holds unsuppressed counts: never send it to the platform.
   */
  public String toJson() {
    return ReleaseMemory.write(snapshot.toJson(), regions);
  }

  /**
   * Reads a release written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException if the text is not release JSON of a known schema version
   */
  public static Release fromJson(String json) {
    Objects.requireNonNull(json, "json");
    ReleaseMemory.Document doc = ReleaseMemory.read(json);
    AggregateSnapshot snapshot = AggregateSnapshot.fromJson(doc.snapshot().toString());
    return new Release(snapshot, doc.regions(), 0);
  }

  /** Equal when the snapshots and the memories are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Release r && r.snapshot.equals(snapshot) && r.regions.equals(regions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(snapshot, regions);
  }

  @Override
  public String toString() {
    return "Release[asOf=" + snapshot.asOf() + ", regions=" + regions.keySet() + "]";
  }
}
