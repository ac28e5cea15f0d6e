package com.optimalworkforce.connectors.alayacare.internal;

import com.optimalworkforce.core.connector.WriteBack;
import com.optimalworkforce.core.connector.WriteConflictException;
import java.util.Objects;

/**
 * Assigns a caregiver to a vacant visit with {@code PUT scheduler/visits/{alayacare_visit_id}} and
 * a body holding only {@code alayacare_employee_id} (never the external {@code employee_id} too:
 * AlayaCare answers 400 to both). The API has no version or ETag to make the write conditional, so
 * the visit is read first and the write refused when it is no longer vacant; a change landing
 * between that read and the write cannot be detected. Not API.
 */
public final class AlayaCareWriteBack implements WriteBack {
  private final Http http;

  public AlayaCareWriteBack(Http http) {
    this.http = http;
  }

  @Override
  public void assignCaregiver(String visitId, String caregiverId) {
    long visit = id("visit", visitId);
    long employee = id("caregiver", caregiverId);
    Dto.VisitItem current;
    try {
      current = http.execute(http.api().visit(visit));
    } catch (ApiException e) {
      if (e.status() == 404) {
        throw new IllegalArgumentException("Visit '" + visitId + "' is not known to " + http.failures().host()
            + " (404" + (e.serverMessage().isEmpty() ? "" : ": " + e.serverMessage()) + ")", e);
      }
      throw e;
    }
    if (current.alayacareEmployeeId() != null) {
      if (current.alayacareEmployeeId() == employee) {
        return; // already assigned to this caregiver: nothing to do
      }
      throw new WriteConflictException("Visit '" + visitId + "' is no longer vacant on " + http.failures().host()
          + ": employee " + current.alayacareEmployeeId() + " was assigned since it was read. Reload the schedule"
          + " and pick the shift again.");
    }
    if (Boolean.TRUE.equals(current.cancelled()) || "cancelled".equals(current.status())) {
      throw new WriteConflictException("Visit '" + visitId + "' was cancelled on " + http.failures().host()
          + " since it was read; it cannot be assigned.");
    }
    try {
      http.execute(http.api().updateVisit(visit, new Dto.VisitUpdate(employee)));
    } catch (ApiException e) {
      if (e.status() == 400 || e.status() == 404) {
        throw new IllegalArgumentException("AlayaCare refused to assign caregiver '" + caregiverId + "' to visit '"
            + visitId + "' (" + e.status() + (e.serverMessage().isEmpty() ? "" : ": " + e.serverMessage())
            + "). Check that both ids come from this tenant.", e);
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
