package com.optimalworkforce.connectors.alayacare.internal;

import com.optimalworkforce.core.model.VisitStatus;
import java.util.Locale;
import java.util.Map;

/**
 * AlayaCare's ten visit statuses (the status hierarchy of the web application) mapped to
 * {@link VisitStatus}. The table is documented in docs/connectors.md. Not API.
 *
 * <pre>
 * scheduled  SCHEDULED    booked with an employee, not started
 * late       SCHEDULED    booked, start time passed, not clocked in yet: still to be delivered
 * vacant     OPEN         no employee
 * offered    OFFERED      vacant and offered to employees
 * on_hold    ON_HOLD      an "On Hold" cancel code: paused, may resume
 * clocked    IN_PROGRESS  the employee clocked in
 * completed  COMPLETED    delivered
 * approved   COMPLETED    delivered and approved (for payroll and billing)
 * cancelled  CANCELLED    a cancel code other than On Hold
 * missed     MISSED       should have happened and did not
 * </pre>
 */
public final class VisitStatuses {
  static final Map<String, VisitStatus> TABLE = Map.of(
      "scheduled", VisitStatus.SCHEDULED,
      "late", VisitStatus.SCHEDULED,
      "vacant", VisitStatus.OPEN,
      "offered", VisitStatus.OFFERED,
      "on_hold", VisitStatus.ON_HOLD,
      "clocked", VisitStatus.IN_PROGRESS,
      "completed", VisitStatus.COMPLETED,
      "approved", VisitStatus.COMPLETED,
      "cancelled", VisitStatus.CANCELLED,
      "missed", VisitStatus.MISSED);

  private VisitStatuses() {}

  /** The core status, or {@code null} for a status AlayaCare does not document. */
  public static VisitStatus of(String alayacareStatus) {
    return alayacareStatus == null ? null : TABLE.get(alayacareStatus.strip().toLowerCase(Locale.ROOT));
  }
}
