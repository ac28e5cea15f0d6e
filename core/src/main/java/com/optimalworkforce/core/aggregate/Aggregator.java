package com.optimalworkforce.core.aggregate;

import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.SourceRecord;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Folds the agency's records into counts per region, generalized area and ISO week, in one pass
 * and incrementally: a {@link Change} (creation, update with the previous version, deletion)
 * updates the counts without recomputing anything. Memory grows with the number of regions, areas
 * and weeks, never with the number of records.
 *
 * <pre>{@code
 * Aggregator aggregator = Aggregator.builder().clock(clock).build();
 * ChangeListener listener = aggregator::applyAll;         // wire to the sync engine
 * aggregator.addAll(previewRecords);                      // or feed plain records as creations
 * AggregateSnapshot snapshot = aggregator.snapshot(PrivacyPolicy.ofDefaults());
 * }</pre>
 *
 * <p>What each record contributes (also in {@code docs/privacy.md}):
 * <ul>
 *   <li>{@code Client}: +1 active client in the area of its postal code and its region, if active;
 *   <li>{@code Caregiver}: +1 active caregiver in the area of its home postal code and its home
 *       region, if active;
 *   <li>{@code Visit}: in the area of the visit's own postal code (connectors fill it from the
 *       client's address), its region, and the ISO week of its local start date in its zone:
 *       {@code CANCELLED} counts +1 cancelled visit; any other status +1 visit and its length
 *       (end minus start) in service time, and +1 unfilled visit when it is live without a caregiver;
 *   <li>other records (unavailability, offers, call-outs): nothing.
 * </ul>
 * An update removes the previous version's contribution and adds the new one's, so a change of
 * status, area, region or week moves the counts. A missing or malformed postal code counts in
 * {@link GeoArea#UNKNOWN}. Thread-safe: methods synchronize on the aggregator.
 */
public final class Aggregator {
  private final Fold fold = new Fold();
  private final Clock clock;
  private long applied;

  private Aggregator(Clock clock) {
    this.clock = clock;
  }

  /** An empty aggregator on the system UTC clock (snapshot times only). */
  public static Aggregator create() {
    return builder().build();
  }

  /**
   * An aggregator that continues from stored counts, e.g. after a restart: the counts the last
   * run saved with {@link AggregateCounts#toJson()}, then the changes since.
   */
  public static Aggregator resume(AggregateCounts counts) {
    return builder().initial(counts).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Folds one change: removes the previous version's contribution, adds the new one's. */
  public synchronized void apply(Change change) {
    SourceRecord before = change.before();
    SourceRecord after = change.after();
    if (before != null && after != null) {
      fold.update(before, after);
    } else if (before != null) {
      fold.apply(before, -1);
    } else if (after != null) {
      fold.apply(after, 1);
    }
    applied++;
  }

  /** Folds a batch of changes in order; fits {@code ChangeListener}: {@code aggregator::applyAll}. */
  public synchronized void applyAll(Collection<Change> changes) {
    Objects.requireNonNull(changes, "changes");
    for (Change c : changes) {
      apply(Objects.requireNonNull(c, "change"));
    }
  }

  /** Adds a record as a creation. */
  public synchronized void add(SourceRecord record) {
    fold.apply(Objects.requireNonNull(record, "record"), 1);
    applied++;
  }

  /** Adds records as creations, e.g. the records of the setup wizard's preview. */
  public synchronized void addAll(Iterable<? extends SourceRecord> records) {
    Objects.requireNonNull(records, "records");
    for (SourceRecord r : records) {
      add(r);
    }
  }

  /** Adds a stream of records as creations, lazily: millions of visits need no list. */
  public void addAll(Stream<? extends SourceRecord> records) {
    Objects.requireNonNull(records, "records");
    records.forEachOrdered(this::add);
  }

  /** Removes a record's contribution, as a deletion. */
  public synchronized void remove(SourceRecord record) {
    fold.apply(Objects.requireNonNull(record, "record"), -1);
    applied++;
  }

  /** How many changes and records have been folded. */
  public synchronized long applied() {
    return applied;
  }

  /** The raw, unsuppressed counts so far: agency-zone data (store them, merge them, never send them). */
  public synchronized AggregateCounts counts() {
    return fold.snapshot();
  }

  /** The counts so far, published under the policy, as of the clock's now. */
  public AggregateSnapshot snapshot(PrivacyPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return counts().publish(policy, clock.instant());
  }

  /** The first {@link Release} of a series, of the counts so far, as of the clock's now. */
  public Release release(PrivacyPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return counts().release(policy, clock.instant());
  }

  /** The next {@link Release} of a series, consistent with {@code previous}, as of the clock's now. */
  public Release release(PrivacyPolicy policy, Release previous) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(previous, "previous");
    return counts().release(policy, clock.instant(), previous);
  }

  @Override
  public String toString() {
    return "Aggregator[applied=" + applied() + "]";
  }

  /** Builds an {@link Aggregator}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private AggregateCounts initial = AggregateCounts.empty();

    private Builder() {}

    /** The clock that stamps snapshots ({@link AggregateSnapshot#asOf()}); default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Counts to start from (default none). */
    public Builder initial(AggregateCounts counts) {
      this.initial = Objects.requireNonNull(counts, "counts");
      return this;
    }

    public Aggregator build() {
      Aggregator a = new Aggregator(clock);
      a.fold.load(initial);
      return a;
    }
  }
}
