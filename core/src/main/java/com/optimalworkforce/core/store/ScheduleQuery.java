package com.optimalworkforce.core.store;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which records of a {@link ScheduleStore} to return: by type, region and time. The time test is
 * the one a connector read uses ({@link com.optimalworkforce.core.connector.ReadRequest}): visits,
 * offers and call-outs whose shift starts in the window, unavailability that overlaps it; clients
 * and caregivers have no time and always pass it.
 *
 * <pre>{@code
 * ScheduleQuery openThisWeek = ScheduleQuery.builder()
 *     .types(EntityType.VISIT).regions(Set.of("toronto-east")).window(thisWeek).build();
 * try (Stream<StoredRecord> visits = store.query(openThisWeek)) {
 *   visits.map(s -> (Visit) s.record()).filter(Visit::isUnfilled).forEach(alerts::check);
 * }
 * }</pre>
 *
 * @param types record types to return; empty for all
 * @param regionIds regions to return; empty for all
 * @param window time filter, or {@code null} for none
 */
public record ScheduleQuery(Set<EntityType> types, Set<String> regionIds, TimeWindow window) {

  private static final ScheduleQuery ALL = new ScheduleQuery(Set.of(), Set.of(), null);

  public ScheduleQuery {
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(regionIds, "regionIds");
    types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    regionIds = Set.copyOf(regionIds);
  }

  /** Every record. */
  public static ScheduleQuery all() {
    return ALL;
  }

  /** Every record of one type. */
  public static ScheduleQuery of(EntityType type) {
    return new ScheduleQuery(Set.of(Objects.requireNonNull(type, "type")), Set.of(), null);
  }

  /** Every record of one region. */
  public static ScheduleQuery region(String regionId) {
    return new ScheduleQuery(Set.of(), Set.of(Objects.requireNonNull(regionId, "regionId")), null);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<TimeWindow> timeWindow() {
    return Optional.ofNullable(window);
  }

  /** True when the stored record answers this query. */
  public boolean matches(StoredRecord stored) {
    Objects.requireNonNull(stored, "stored");
    SourceRecord r = stored.record();
    return (types.isEmpty() || types.contains(r.type()))
        && (regionIds.isEmpty() || regionIds.contains(stored.regionId()))
        && (window == null || inWindow(r, window));
  }

  /**
   * The time test of a connector read: visits, offers and call-outs whose shift starts in the
   * window, unavailability that overlaps it, clients and caregivers always.
   */
  public static boolean inWindow(SourceRecord record, TimeWindow window) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(window, "window");
    if (record instanceof Visit v) {
      return window.contains(v.start());
    } else if (record instanceof ShiftOffer o) {
      return window.contains(o.shiftStart());
    } else if (record instanceof CallOut c) {
      return window.contains(c.shiftStart());
    } else if (record instanceof Unavailability u) {
      return window.overlaps(u.start(), u.end());
    }
    return true;
  }

  /** Builds a {@link ScheduleQuery}; nothing set means everything. */
  public static final class Builder {
    private Set<EntityType> types = Set.of();
    private Set<String> regionIds = Set.of();
    private TimeWindow window;

    private Builder() {}

    public Builder types(EntityType... types) {
      this.types = Set.of(Objects.requireNonNull(types, "types"));
      return this;
    }

    public Builder types(Set<EntityType> types) {
      this.types = Objects.requireNonNull(types, "types");
      return this;
    }

    public Builder regions(Set<String> regionIds) {
      this.regionIds = Objects.requireNonNull(regionIds, "regionIds");
      return this;
    }

    public Builder window(TimeWindow window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    public ScheduleQuery build() {
      return new ScheduleQuery(types, regionIds, window);
    }
  }
}
