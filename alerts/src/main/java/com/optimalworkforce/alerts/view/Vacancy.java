package com.optimalworkforce.alerts.view;

import java.time.Instant;
import java.util.Objects;

/**
 * How a shift became open: who was on it and when it opened, learnt from a call-out or from a
 * change that removed the caregiver.
 *
 * <pre>{@code
 * view.vacancy(visitId).filter(v -> v.openedAt().isAfter(clock.instant().minus(Duration.ofHours(24))));
 * }</pre>
 *
 * @param visitId the shift
 * @param previousCaregiverId who was on it
 * @param openedAt when it opened (the call-out's report time, or when the change was applied)
 */
public record Vacancy(String visitId, String previousCaregiverId, Instant openedAt) {
  public Vacancy {
    Objects.requireNonNull(visitId, "visitId");
    Objects.requireNonNull(previousCaregiverId, "previousCaregiverId");
    Objects.requireNonNull(openedAt, "openedAt");
  }
}
