package com.optimalworkforce.connectors.alayacare.internal;

import com.optimalworkforce.core.connector.WriteBack;
import com.optimalworkforce.core.connector.WriteConflictException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Assigns a caregiver to a vacant visit with {@code PUT scheduler/visits/{alayacare_visit_id}} and
 * a body holding only {@code alayacare_employee_id} (never the external {@code employee_id} too:
 * AlayaCare answers 400 to both). The API has no version or ETag to make the write conditional, so
 * the visit is read first and the write refused unless it is still vacant: no employee, not
 * cancelled, status {@code vacant} or {@code offered}. A change landing between that read and the
 * write cannot be detected. Not API.
 */
public final class AlayaCareWriteBack implements WriteBack {
  /** The statuses of a visit without an employee that a caregiver can take. */
  static final Set<String> ASSIGNABLE = Set.of("vacant", "offered");

  private final Http http;

  public AlayaCareWriteBack(Http http) {
    this.http = http;
  }

  @Override
  public void assignCaregiver(String visitId, String caregiverId) {
    long visit = id("visit", visitId);
    long employee = id("caregiver", caregiverId);
    String host = http.failures().host();
    Dto.VisitDetail current;
    try {
      current = http.execute(http.api().visit(visit));
    } catch (ApiException e) {
      if (e.status() == 404) {
        throw new IllegalArgumentException("Visit '" + visitId + "' is not known to " + host
            + " (404" + (e.serverMessage().isEmpty() ? "" : ": " + e.serverMessage()) + ")", e);
      }
      throw e;
    }
    if (current.alayacareEmployeeId() != null) {
      if (current.alayacareEmployeeId() == employee) {
        return; // already assigned to this caregiver: nothing to do
      }
      throw new WriteConflictException("Visit '" + visitId + "' is no longer vacant on " + host + ": employee "
          + current.alayacareEmployeeId() + " was assigned since it was read. Reload the schedule and pick the shift"
          + " again.");
    }
    String status = current.status() == null ? null : current.status().strip().toLowerCase(Locale.ROOT);
    if (Boolean.TRUE.equals(current.cancelled()) || "cancelled".equals(status)) {
      throw new WriteConflictException("Visit '" + visitId + "' was cancelled on " + host
          + " since it was read; it cannot be assigned.");
    }
    if (status != null && !ASSIGNABLE.contains(status)) {
      throw new WriteConflictException("Visit '" + visitId + "' is " + status + " on " + host + ", not vacant or"
          + " offered, so no caregiver can be assigned to it. Reload the schedule and pick an open shift.");
    }
    try {
      http.execute(http.api().updateVisit(visit, new Dto.VisitUpdate(employee)));
    } catch (ApiException e) {
      String said = e.serverMessage().isEmpty() ? "" : ": " + e.serverMessage();
      if (e.status() == 409) {
        throw new WriteConflictException("AlayaCare refused to assign caregiver '" + caregiverId + "' to visit '"
            + visitId + "' on " + host + " (409" + said + "). Reload the schedule and try again.", e);
      }
      if (e.status() == 400 || e.status() == 404 || e.status() == 422) {
        throw new IllegalArgumentException("AlayaCare refused to assign caregiver '" + caregiverId + "' to visit '"
            + visitId + "' on " + host + " (" + e.status() + said + "). Check that both ids come from this tenant"
            + " and that the caregiver may take this visit.", e);
      }
      throw e;
    }
  }

  private static long id(String what, String value) {
    Objects.requireNonNull(value, what + "Id");
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("AlayaCare " + what + " ids are numbers (the ids the connector reads), but got '"
          + value + "'", e);
    }
  }
}
