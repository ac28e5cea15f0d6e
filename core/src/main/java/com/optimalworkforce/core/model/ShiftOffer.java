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
 * A shift offered to a caregiver and what they answered. The shift's time, zone and service are
 * carried along so that history stays meaningful when the visit itself later changes.
 *
 * <pre>{@code
 * ShiftOffer offer = ShiftOffer.builder()
 *     .id("O-1").visitId("V-1001").caregiverId("E-42").zone(ZoneId.of("America/Toronto"))
 *     .shiftStart(start).shiftEnd(end).offeredAt(start.minus(Duration.ofHours(20)))
 *     .outcome(OfferOutcome.ACCEPTED)
 *     .build();
 * }</pre>
 *
 * @param id the offer's id in the source system
 * @param visitId the visit that was offered
 * @param caregiverId who was offered it
 * @param zone the region's time zone
 * @param shiftStart when the offered visit starts
 * @param shiftEnd when it ends
 * @param serviceCode the visit's service, or {@code null}
 * @param offeredAt when the offer was made
 * @param outcome the answer
 */
public record ShiftOffer(
    String id,
    String visitId,
    String caregiverId,
    ZoneId zone,
    Instant shiftStart,
    Instant shiftEnd,
    String serviceCode,
    Instant offeredAt,
    OfferOutcome outcome) implements SourceRecord {

  public ShiftOffer {
    checkId(EntityType.SHIFT_OFFER, id);
    requiredText(EntityType.SHIFT_OFFER, id, "visitId", visitId);
    requiredText(EntityType.SHIFT_OFFER, id, "caregiverId", caregiverId);
    required(EntityType.SHIFT_OFFER, id, "zone", zone);
    endAfterStart(EntityType.SHIFT_OFFER, id, "shiftStart", shiftStart, "shiftEnd", shiftEnd);
    serviceCode = optionalText(serviceCode);
    required(EntityType.SHIFT_OFFER, id, "offeredAt", offeredAt);
    required(EntityType.SHIFT_OFFER, id, "outcome", outcome);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public EntityType type() {
    return EntityType.SHIFT_OFFER;
  }

  @Override
  public String contentHash() {
    return ContentHasher.of("ShiftOffer").add(id).add(visitId).add(caregiverId).add(zone.getId())
        .add(shiftStart).add(shiftEnd).add(serviceCode).add(offeredAt).add(outcome.name()).hex();
  }

  /** Builds a {@link ShiftOffer}; {@link #build()} validates. */
  public static final class Builder {
    private String id;
    private String visitId;
    private String caregiverId;
    private ZoneId zone;
    private Instant shiftStart;
    private Instant shiftEnd;
    private String serviceCode;
    private Instant offeredAt;
    private OfferOutcome outcome;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder visitId(String visitId) {
      this.visitId = visitId;
      return this;
    }

    public Builder caregiverId(String caregiverId) {
      this.caregiverId = caregiverId;
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public Builder shiftStart(Instant shiftStart) {
      this.shiftStart = shiftStart;
      return this;
    }

    public Builder shiftEnd(Instant shiftEnd) {
      this.shiftEnd = shiftEnd;
      return this;
    }

    public Builder serviceCode(String serviceCode) {
      this.serviceCode = serviceCode;
      return this;
    }

    public Builder offeredAt(Instant offeredAt) {
      this.offeredAt = offeredAt;
      return this;
    }

    public Builder outcome(OfferOutcome outcome) {
      this.outcome = outcome;
      return this;
    }

    public ShiftOffer build() {
      return new ShiftOffer(id, visitId, caregiverId, zone, shiftStart, shiftEnd, serviceCode, offeredAt, outcome);
    }
  }
}
