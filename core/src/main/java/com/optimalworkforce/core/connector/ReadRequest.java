package com.optimalworkforce.core.connector;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.TimeWindow;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to read: one record stream, for the selected regions and a time window, from a cursor.
 *
 * <pre>{@code
 * ReadRequest request = ReadRequest.builder(EntityType.VISIT)
 *     .regions(Set.of("toronto-east", "ottawa"))
 *     .window(TimeWindow.around(clock.instant(), Duration.ofDays(28), Duration.ofDays(14)))
 *     .pageSize(200)
 *     .build();
 * }</pre>
 *
 * <p>Clients and caregivers are read per region regardless of the window; visits, offers and
 * call-outs whose shift starts in the window; unavailability that overlaps it.
 *
 * @param type the stream
 * @param regionIds regions to read (at least one)
 * @param window the span of schedule
 * @param cursor where to resume, or {@code null} to start at the beginning
 * @param pageSize the most records a page should hold (a connector may return fewer)
 * @param changedSince only records changed after this instant, for connectors whose
 *     {@link Capabilities#serverSideIncremental()} is true; {@code null} for all
 */
public record ReadRequest(
    EntityType type, Set<String> regionIds, TimeWindow window, SyncCursor cursor, int pageSize, Instant changedSince) {

  /** Page size when none is given. */
  public static final int DEFAULT_PAGE_SIZE = 100;
  /** Largest page size accepted. */
  public static final int MAX_PAGE_SIZE = 10_000;

  public ReadRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(regionIds, "regionIds");
    if (regionIds.isEmpty()) {
      throw new IllegalArgumentException("ReadRequest for " + type + ": select at least one region");
    }
    regionIds = Set.copyOf(regionIds);
    Objects.requireNonNull(window, "window");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + " but was " + pageSize);
    }
  }

  public static Builder builder(EntityType type) {
    return new Builder(type);
  }

  /** The same request, resuming from {@code next}. */
  public ReadRequest withCursor(SyncCursor next) {
    return new ReadRequest(type, regionIds, window, next, pageSize, changedSince);
  }

  public Optional<SyncCursor> resumeFrom() {
    return Optional.ofNullable(cursor);
  }

  public Optional<Instant> changedSinceInstant() {
    return Optional.ofNullable(changedSince);
  }

  /** Builds a {@link ReadRequest}. Regions and window are required. */
  public static final class Builder {
    private final EntityType type;
    private Set<String> regionIds;
    private TimeWindow window;
    private SyncCursor cursor;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private Instant changedSince;

    private Builder(EntityType type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    public Builder regions(Set<String> regionIds) {
      this.regionIds = Objects.requireNonNull(regionIds, "regionIds");
      return this;
    }

    public Builder window(TimeWindow window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    public Builder cursor(SyncCursor cursor) {
      this.cursor = cursor;
      return this;
    }

    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + " but was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    public Builder changedSince(Instant changedSince) {
      this.changedSince = changedSince;
      return this;
    }

    public ReadRequest build() {
      if (regionIds == null) {
        throw new IllegalStateException("ReadRequest for " + type + ": regions are required");
      }
      if (window == null) {
        throw new IllegalStateException("ReadRequest for " + type + ": window is required");
      }
      return new ReadRequest(type, regionIds, window, cursor, pageSize, changedSince);
    }
  }
}
