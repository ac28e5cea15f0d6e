package com.optimalworkforce.core.aggregate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.optimalworkforce.core.aggregate.internal.SnapshotJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The privacy-safe aggregate of an agency's schedule: counts per generalized area (FSA, ZIP3) and
 * region, per ISO week and for the window, after small-cell and complementary suppression. The
 * only type an {@link AggregateSink} accepts, and the only data that leaves the agency. The setup
 * wizard's preview and every sync produce this same type.
 *
 * <pre>{@code
 * AggregateSnapshot snapshot = aggregator.snapshot(PrivacyPolicy.ofDefaults());
 * sink.publish(snapshot);
 * String json = snapshot.toJson();                 // schema: docs/aggregate-snapshot-schema.md
 * AggregateSnapshot back = AggregateSnapshot.fromJson(json);
 * }</pre>
 *
 * <p>A snapshot can only be made by {@link AggregateCounts#publish} (which applies the
 * {@link #policy() policy} it records) or read back by {@link #fromJson}, which checks that no
 * published count breaks the policy's small-cell rule. It holds no id, name, address or full
 * postal code: only region ids, area codes, weeks and numbers.
 *
 * <p>Snapshots of different regions {@link #merge merge} exactly: every region is suppressed on
 * its own, so the merge of snapshots published per region (by one host or several) is the
 * snapshot of all of them. Parts of one region do not: hidden figures cannot be added up, so
 * merge the parts' {@link AggregateCounts} first and publish once.
 */
@JsonPropertyOrder({"schemaVersion", "asOf", "policy", "regions"})
public final class AggregateSnapshot {
  /** The version of the JSON schema this SDK writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  private final Instant asOf;
  private final PrivacyPolicy policy;
  private final List<RegionSnapshot> regions;

  AggregateSnapshot(Instant asOf, PrivacyPolicy policy, List<RegionSnapshot> regions) {
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.regions = List.copyOf(regions);
  }

  @JsonProperty("schemaVersion")
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** When the counts were taken. */
  public Instant asOf() {
    return asOf;
  }

  /** The policy applied (without its rounding key). */
  @JsonProperty("policy")
  public PrivacyPolicy policy() {
    return policy;
  }

  /** Regions in id order. */
  @JsonProperty("regions")
  public List<RegionSnapshot> regions() {
    return regions;
  }

  public Optional<RegionSnapshot> region(String regionId) {
    Objects.requireNonNull(regionId, "regionId");
    return regions.stream().filter(r -> r.regionId().equals(regionId)).findFirst();
  }

  @JsonProperty("asOf")
  String asOfJson() {
    return asOf.toString();
  }

  /**
   * The snapshot of this snapshot's regions and the other's, as if published together: exactly
   * {@code a.merge(b).publish(policy, t)} for counts {@code a}, {@code b} of different regions
   * published under one policy at {@code t}. Associative and commutative; {@link #asOf()} is the
   * earlier of the two, when the older part was taken.
   *
   * <pre>{@code
   * AggregateSnapshot all = eastHost.snapshot(policy).merge(westHost.snapshot(policy));
   * }</pre>
   *
   * @throws IllegalArgumentException if both hold the same region (merge its
   *     {@link AggregateCounts} before publishing instead) or their policies differ
   */
  public AggregateSnapshot merge(AggregateSnapshot other) {
    Objects.requireNonNull(other, "other");
    if (!other.policy.equals(policy)) {
      throw new IllegalArgumentException("Cannot merge snapshots published under different policies: " + policy
          + " and " + other.policy + ". Publish both parts under one policy.");
    }
    SortedMap<String, RegionSnapshot> byId = new TreeMap<>();
    for (RegionSnapshot r : concat(regions, other.regions)) {
      if (byId.putIfAbsent(r.regionId(), r) != null) {
        throw new IllegalArgumentException("Both snapshots hold region '" + r.regionId() + "': suppressed figures of "
            + "one region cannot be added up exactly. Merge the AggregateCounts of its parts in the agency, then "
            + "publish once.");
      }
    }
    Instant earlier = asOf.isBefore(other.asOf) ? asOf : other.asOf;
    return new AggregateSnapshot(earlier, policy, List.copyOf(byId.values()));
  }

  private static List<RegionSnapshot> concat(List<RegionSnapshot> a, List<RegionSnapshot> b) {
    List<RegionSnapshot> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Compact JSON (schema: {@code docs/aggregate-snapshot-schema.md}). */
  public String toJson() {
    return write(false);
  }

  /** Indented JSON, for people. */
  public String toPrettyJson() {
    return write(true);
  }

  private String write(boolean pretty) {
    try {
      return SnapshotJson.write(this, pretty);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the aggregate snapshot as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a snapshot written by {@link #toJson()}, checking it against its own policy.
   *
   * @throws IllegalArgumentException if the JSON is malformed, of another schema version, or
   *     publishes a count its policy hides
   */
  public static AggregateSnapshot fromJson(String json) {
    Objects.requireNonNull(json, "json");
    AggregateSnapshot s = SnapshotJson.read(json, AggregateSnapshot.class);
    Publication.checkPublishable(s);
    return s;
  }

  @JsonCreator
  static AggregateSnapshot fromJson(@JsonProperty("schemaVersion") int schemaVersion,
      @JsonProperty("asOf") String asOf, @JsonProperty("policy") PrivacyPolicy policy,
      @JsonProperty("regions") List<RegionSnapshot> regions) {
    if (schemaVersion != SCHEMA_VERSION) {
      throw new IllegalArgumentException("Aggregate snapshot has schemaVersion " + schemaVersion
          + "; this version of the SDK reads " + SCHEMA_VERSION);
    }
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(policy, "policy");
    try {
      return new AggregateSnapshot(Instant.parse(asOf), policy, regions == null ? List.of() : regions);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("asOf '" + asOf + "' is not an ISO-8601 instant", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AggregateSnapshot s && s.asOf.equals(asOf) && s.policy.equals(policy)
        && s.regions.equals(regions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(asOf, policy, regions);
  }

  @Override
  public String toString() {
    return "AggregateSnapshot[asOf=" + asOf + ", regions=" + regions.size() + ", policy=" + policy + "]";
  }
}
