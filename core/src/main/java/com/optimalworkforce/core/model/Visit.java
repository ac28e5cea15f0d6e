package com.optimalworkforce.core.model;

import static com.optimalworkforce.core.model.internal.Checks.endAfterStart;
import static com.optimalworkforce.core.model.internal.Checks.checkId;
import static com.optimalworkforce.core.model.internal.Checks.optionalText;
import static com.optimalworkforce.core.model.internal.Checks.required;
import static com.optimalworkforce.core.model.internal.Checks.requiredText;
import static com.optimalworkforce.core.model.internal.Checks.textSet;

import com.optimalworkforce.core.model.internal.ContentHasher;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * A visit, also called a shift: a block of care for one client, with at most one caregiver.
 * Start and end are instants; {@link #zone()} is the region's time zone, used for every local
 * question (weekday, "2 PM", pay week).
 *
 * <pre>{@code
 * Visit open = Visit.builder()
 *     .id("V-1001").clientId("C-7").regionId("toronto-east").zone(ZoneId.of("America/Toronto"))
 *     .start(Instant.parse("2026-11-20T19:00:00Z")).end(Instant.parse("2026-11-20T21:00:00Z"))
 *     .status(VisitStatus.OPEN).serviceCode("PSW")
 *     .build();
 * open.isUnfilled();          // true
 * open.localStart().getDayOfWeek(); // FRIDAY
 * }</pre>
 *
 * @param id the visit's id in the source system
 * @param clientId the client receiving care
 * @param caregiverId the assigned caregiver, or {@code null} when vacant
 * @param regionId the branch the visit belongs to
 * @param zone the region's time zone
 * @param start when the visit starts
 * @param end when it ends; after {@code start}
 * @param status where the visit stands
 * @param serviceCode the service delivered (e.g. {@code PSW}), or {@code null}
 * @param cancelReason why it was cancelled, or {@code null}
 * @param requiredSkills skills a caregiver must have for this visit
 * @param postalCode postal code of the place of care, or {@code null}
 * @param location coordinates of the place of care, or {@code null}
 */
public record Visit(
    String id,
    String clientId,
    String caregiverId,
    String regionId,
    ZoneId zone,
    Instant start,
    Instant end,
    VisitStatus status,
    String serviceCode,
    String cancelReason,
    Set<String> requiredSkills,
    String postalCode,
    GeoPoint location) implements SourceRecord {

  public Visit {
    checkId(EntityType.VISIT, id);
    requiredText(EntityType.VISIT, id, "clientId", clientId);
    caregiverId = optionalText(caregiverId);
    requiredText(EntityType.VISIT, id, "regionId", regionId);
    required(EntityType.VISIT, id, "zone", zone);
    endAfterStart(EntityType.VISIT, id, start, end);
    required(EntityType.VISIT, id, "status", status);
    if (caregiverId != null && (status == VisitStatus.OPEN || status == VisitStatus.OFFERED)) {
      throw new InvalidRecordException(EntityType.VISIT, id, "caregiverId",
          "is set but status is " + status + " (an open or offered visit has no caregiver)");
    }
    serviceCode = optionalText(serviceCode);
    cancelReason = optionalText(cancelReason);
    requiredSkills = textSet(EntityType.VISIT, id, "requiredSkills", requiredSkills);
    postalCode = optionalText(postalCode);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().id(id).clientId(clientId).caregiverId(caregiverId).regionId(regionId)
        .zone(zone).start(start).end(end).status(status).serviceCode(serviceCode)
        .cancelReason(cancelReason).requiredSkills(requiredSkills).postalCode(postalCode)
        .location(location);
  }

  @Override
  public EntityType type() {
    return EntityType.VISIT;
  }

  /** The assigned caregiver, if any. */
  public Optional<String> caregiver() {
    return Optional.ofNullable(caregiverId);
  }

  /** True when nobody is assigned and the visit still has to happen. */
  public boolean isUnfilled() {
    return caregiverId == null && status.isLive();
  }

  /** True when the visit was cancelled. */
  public boolean isCancelled() {
    return status == VisitStatus.CANCELLED;
  }

  public Duration duration() {
    return Duration.between(start, end);
  }

  /** Length in hours, e.g. 1.5 for 90 minutes. */
  public double hours() {
    return Duration.between(start, end).toSeconds() / 3600.0;
  }

  /** Start in the region's time zone. */
  public ZonedDateTime localStart() {
    return start.atZone(zone);
  }

  /** End in the region's time zone. */
  public ZonedDateTime localEnd() {
    return end.atZone(zone);
  }

  /** True when {@code [start, end)} overlaps the other visit's. */
  public boolean overlaps(Instant otherStart, Instant otherEnd) {
    return start.isBefore(otherEnd) && end.isAfter(otherStart);
  }

  @Override
  public String contentHash() {
    return ContentHasher.of("Visit").add(id).add(clientId).add(caregiverId).add(regionId)
        .add(zone.getId()).add(start).add(end).add(status.name()).add(serviceCode)
        .add(cancelReason).addSorted(requiredSkills).add(postalCode)
        .add(location == null ? null : location.latitude() + "," + location.longitude())
        .hex();
  }

  @Override
  public String toString() {
    return "Visit[id=" + id + ", clientId=" + clientId + ", caregiverId=" + caregiverId
        + ", regionId=" + regionId + ", start=" + start + ", end=" + end + ", zone=" + zone
        + ", status=" + status + ", serviceCode=" + serviceCode + "]";
  }

  /** Builds a {@link Visit}; {@link #build()} validates. */
  public static final class Builder {
    private String id;
    private String clientId;
    private String caregiverId;
    private String regionId;
    private ZoneId zone;
    private Instant start;
    private Instant end;
    private VisitStatus status = VisitStatus.SCHEDULED;
    private String serviceCode;
    private String cancelReason;
    private Set<String> requiredSkills = Set.of();
    private String postalCode;
    private GeoPoint location;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder caregiverId(String caregiverId) {
      this.caregiverId = caregiverId;
      return this;
    }

    public Builder regionId(String regionId) {
      this.regionId = regionId;
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public Builder start(Instant start) {
      this.start = start;
      return this;
    }

    public Builder end(Instant end) {
      this.end = end;
      return this;
    }

    public Builder status(VisitStatus status) {
      this.status = status;
      return this;
    }

    public Builder serviceCode(String serviceCode) {
      this.serviceCode = serviceCode;
      return this;
    }

    public Builder cancelReason(String cancelReason) {
      this.cancelReason = cancelReason;
      return this;
    }

    public Builder requiredSkills(Set<String> requiredSkills) {
      this.requiredSkills = requiredSkills;
      return this;
    }

    public Builder postalCode(String postalCode) {
      this.postalCode = postalCode;
      return this;
    }

    public Builder location(GeoPoint location) {
      this.location = location;
      return this;
    }

    public Visit build() {
      return new Visit(id, clientId, caregiverId, regionId, zone, start, end, status, serviceCode,
          cancelReason, requiredSkills, postalCode, location);
    }
  }
}
