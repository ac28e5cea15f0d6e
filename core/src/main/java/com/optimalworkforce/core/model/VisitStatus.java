package com.optimalworkforce.core.model;

/**
 * Where a visit (a shift) stands. Connectors map their source's statuses onto these; each
 * connector documents its table.
 *
 * <pre>{@code
 * if (visit.status().isLive() && visit.caregiverId() == null) { ... } // an unfilled shift
 * }</pre>
 */
public enum VisitStatus {
  /** Booked with a caregiver, not started. */
  SCHEDULED,
  /** No caregiver: vacant, needs filling. */
  OPEN,
  /** Vacant and offered to one or more caregivers, no acceptance yet. */
  OFFERED,
  /** Paused by the agency (e.g. client in hospital); may resume. */
  ON_HOLD,
  /** Caregiver clocked in. */
  IN_PROGRESS,
  /** Delivered. */
  COMPLETED,
  /** Will not happen (cancelled by the client, the agency or a caregiver call-out). */
  CANCELLED,
  /** Should have happened and did not (no-show). */
  MISSED;

  /** True while the visit still needs to be delivered: not completed, cancelled or missed. */
  public boolean isLive() {
    return this == SCHEDULED || this == OPEN || this == OFFERED || this == ON_HOLD || this == IN_PROGRESS;
  }

  /** True when the visit counts as service hours scheduled (everything but cancellations). */
  public boolean countsAsScheduled() {
    return this != CANCELLED;
  }
}
