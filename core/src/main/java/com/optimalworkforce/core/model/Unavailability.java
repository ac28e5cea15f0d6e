package com.optimalworkforce.core.model;

import static com.optimalworkforce.core.model.internal.Checks.endAfterStart;
import static com.optimalworkforce.core.model.internal.Checks.checkId;
import static com.optimalworkforce.core.model.internal.Checks.optionalText;
import static com.optimalworkforce.core.model.internal.Checks.required;
import static com.optimalworkforce.core.model.internal.Checks.requiredText;

import com.optimalworkforce.core.model.internal.ContentHasher;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A span when a caregiver cannot work (time off, a recurring day off, sickness). Recurring
 * unavailability in the source is expanded into one record per occurrence.
 *
 * <pre>{@code
 * Unavailability dayOff = new Unavailability("U-9@2026-11-18", "E-42", ZoneId.of("America/Toronto"),
 *     Instant.parse("2026-11-18T05:00:00Z"), Instant.parse("2026-11-19T05:00:00Z"), "day off");
 * }</pre>
 *
 * @param id the id in the source system (with an occurrence suffix for recurring entries)
 * @param caregiverId who is unavailable
 * @param zone the caregiver's region time zone
 * @param start start of the span
 * @param end end of the span; after {@code start}
 * @param reason the reason the source gives, or {@code null}
 */
public record Unavailability(String id, String caregiverId, ZoneId zone, Instant start, Instant end, String reason)
    implements SourceRecord {

  public Unavailability {
    checkId(EntityType.UNAVAILABILITY, id);
    requiredText(EntityType.UNAVAILABILITY, id, "caregiverId", caregiverId);
    required(EntityType.UNAVAILABILITY, id, "zone", zone);
    endAfterStart(EntityType.UNAVAILABILITY, id, start, end);
    reason = optionalText(reason);
  }

  @Override
  public EntityType type() {
    return EntityType.UNAVAILABILITY;
  }

  /** True when the span overlaps {@code [otherStart, otherEnd)}. */
  public boolean overlaps(Instant otherStart, Instant otherEnd) {
    return start.isBefore(otherEnd) && end.isAfter(otherStart);
  }

  @Override
  public String contentHash() {
    return ContentHasher.of("Unavailability").add(id).add(caregiverId).add(zone.getId()).add(start)
        .add(end).add(reason).hex();
  }
}
