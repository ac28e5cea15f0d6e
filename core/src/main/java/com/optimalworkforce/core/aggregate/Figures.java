package com.optimalworkforce.core.aggregate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The published figures of one cell of an {@link AggregateSnapshot}: an area or a regional total,
 * for the window or one week. A figure is either a number or suppressed (JSON {@code null}).
 *
 * <pre>{@code
 * Figures m4a = snapshot.region("toronto-east").orElseThrow().area(GeoArea.of("M4A"));
 * m4a.activeClients();                 // OptionalLong[120]
 * m4a.suppressed(Metric.UNFILLED_VISITS); // true when 1-10 or a complement
 * }</pre>
 *
 * <p>Window figures hold all six {@link Metric}s; weekly figures hold the four visit metrics.
 */
public final class Figures {
  /** Applicable metrics; a null value means suppressed. */
  private final EnumMap<Metric, Number> values;

  private Figures(EnumMap<Metric, Number> values) {
    this.values = values;
  }

  static Figures of(EnumMap<Metric, Number> values) {
    return new Figures(new EnumMap<>(values));
  }

  /** The metrics this cell has (suppressed or not). */
  public Set<Metric> metrics() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** True when the metric applies here and its figure is hidden. */
  public boolean suppressed(Metric metric) {
    Objects.requireNonNull(metric, "metric");
    return values.containsKey(metric) && values.get(metric) == null;
  }

  /** A published count; empty when suppressed or not applicable. */
  public OptionalLong count(Metric metric) {
    Objects.requireNonNull(metric, "metric");
    if (!metric.isCount()) {
      throw new IllegalArgumentException("SERVICE_HOURS is not a count; call serviceHours()");
    }
    Number n = values.get(metric);
    return n == null ? OptionalLong.empty() : OptionalLong.of(n.longValue());
  }

  /** Published service hours; empty when suppressed. */
  public OptionalDouble serviceHours() {
    Number n = values.get(Metric.SERVICE_HOURS);
    return n == null ? OptionalDouble.empty() : OptionalDouble.of(n.doubleValue());
  }

  public OptionalLong activeClients() {
    return count(Metric.ACTIVE_CLIENTS);
  }

  public OptionalLong activeCaregivers() {
    return count(Metric.ACTIVE_CAREGIVERS);
  }

  public OptionalLong visits() {
    return count(Metric.VISITS);
  }

  public OptionalLong unfilledVisits() {
    return count(Metric.UNFILLED_VISITS);
  }

  public OptionalLong cancelledVisits() {
    return count(Metric.CANCELLED_VISITS);
  }

  /** The raw value: Long, Double (hours) or null when suppressed. */
  Number raw(Metric metric) {
    return values.get(metric);
  }

  @JsonValue
  Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((m, v) -> out.put(m.jsonName(), v));
    return out;
  }

  @JsonCreator
  static Figures fromJson(Map<String, Object> json) {
    EnumMap<Metric, Number> values = new EnumMap<>(Metric.class);
    json.forEach((name, v) -> {
      Metric m = Metric.ofJsonName(name);
      if (v == null) {
        values.put(m, null);
      } else if (!(v instanceof Number n)) {
        throw new IllegalArgumentException(name + " must be a number or null but was " + v);
      } else if (m.isCount()) {
        if (n.doubleValue() != n.longValue() || n.longValue() < 0) {
          throw new IllegalArgumentException(name + " must be a non-negative whole number but was " + v);
        }
        values.put(m, n.longValue());
      } else {
        if (n.doubleValue() < 0) {
          throw new IllegalArgumentException(name + " must not be negative but was " + v);
        }
        values.put(m, n.doubleValue());
      }
    });
    return new Figures(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Figures f && f.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return json().toString();
  }
}
