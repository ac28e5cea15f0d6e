package com.optimalworkforce.core.aggregate;

/**
 * The figures an aggregate holds, per area and region. Client and caregiver counts describe the
 * state of the records (window only); visit figures are per ISO week and for the window.
 *
 * <pre>{@code
 * RegionSnapshot east = snapshot.region("toronto-east").orElseThrow();
 * OptionalLong clients = east.area(GeoArea.of("M4A")).count(Metric.ACTIVE_CLIENTS);
 * }</pre>
 *
 * <p>Exactly how each record contributes is documented in {@code docs/privacy.md}.
 */
public enum Metric {
  /** Clients whose record is active, by the area of their postal code. */
  ACTIVE_CLIENTS("activeClients", false),
  /** Caregivers whose record is active (worker availability), by the area of their home postal code. */
  ACTIVE_CAREGIVERS("activeCaregivers", false),
  /** Visits that count as scheduled: every status but {@code CANCELLED}. */
  VISITS("visits", true),
  /** Hours of those visits (end minus start), published with two decimals. */
  SERVICE_HOURS("serviceHours", true),
  /** Visits that are live and have no caregiver ({@code Visit.isUnfilled()}); a subset of {@link #VISITS}. */
  UNFILLED_VISITS("unfilledVisits", true),
  /** Visits with status {@code CANCELLED}; not part of {@link #VISITS}. */
  CANCELLED_VISITS("cancelledVisits", true);

  private final String jsonName;
  private final boolean weekly;

  Metric(String jsonName, boolean weekly) {
    this.jsonName = jsonName;
    this.weekly = weekly;
  }

  /** The property name in snapshot JSON, e.g. {@code activeClients}. */
  public String jsonName() {
    return jsonName;
  }

  /** True for visit figures, which are also given per ISO week. */
  public boolean weekly() {
    return weekly;
  }

  /** True for counts of people or visits (everything but {@link #SERVICE_HOURS}). */
  public boolean isCount() {
    return this != SERVICE_HOURS;
  }

  /** The metric with this JSON name. */
  public static Metric ofJsonName(String name) {
    for (Metric m : values()) {
      if (m.jsonName.equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("Unknown metric '" + name + "'; known: activeClients, activeCaregivers, "
        + "visits, serviceHours, unfilledVisits, cancelledVisits");
  }
}
