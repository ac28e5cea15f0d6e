package com.optimalworkforce.core.model;

import static com.optimalworkforce.core.model.internal.Checks.checkId;
import static com.optimalworkforce.core.model.internal.Checks.optionalText;
import static com.optimalworkforce.core.model.internal.Checks.required;
import static com.optimalworkforce.core.model.internal.Checks.requiredText;

import com.optimalworkforce.core.model.internal.ContentHasher;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A caregiver cancelling a shift they were booked on ("calling out"). The shift's start and zone
 * are carried along so patterns ("the last 3 Mondays") can be found from call-outs alone.
 *
 * <pre>{@code
 * CallOut c = new CallOut("CO-1", "E-42", "V-1001", ZoneId.of("America/Toronto"),
 *     shiftStart, shiftStart.minus(Duration.ofHours(2)), "sick");
 * c.noticeGiven(); // PT2H
 * }</pre>
 *
 * @param id the call-out's id (connectors without one derive it from the visit id)
 * @param caregiverId who called out
 * @param visitId the shift they called out of
 * @param zone the region's time zone
 * @param shiftStart when that shift was to start
 * @param reportedAt when the call-out was reported
 * @param reason the reason given, or {@code null}
 */
public record CallOut(
    String id, String caregiverId, String visitId, ZoneId zone, Instant shiftStart, Instant reportedAt, String reason)
    implements SourceRecord {

  public CallOut {
    checkId(EntityType.CALL_OUT, id);
    requiredText(EntityType.CALL_OUT, id, "caregiverId", caregiverId);
    requiredText(EntityType.CALL_OUT, id, "visitId", visitId);
    required(EntityType.CALL_OUT, id, "zone", zone);
    required(EntityType.CALL_OUT, id, "shiftStart", shiftStart);
    required(EntityType.CALL_OUT, id, "reportedAt", reportedAt);
    reason = optionalText(reason);
  }

  @Override
  public EntityType type() {
    return EntityType.CALL_OUT;
  }

  /** How long before the shift the call-out came (negative when reported after the start). */
  public Duration noticeGiven() {
    return Duration.between(reportedAt, shiftStart);
  }

  @Override
  public String contentHash() {
    return ContentHasher.of("CallOut").add(id).add(caregiverId).add(visitId).add(zone.getId())
        .add(shiftStart).add(reportedAt).add(reason).hex();
  }
}
