package com.optimalworkforce.alerts.rules.internal;

import com.optimalworkforce.alerts.rules.BackupFinder;
import com.optimalworkforce.alerts.rules.Recommendation;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.alerts.view.Vacancy;
import com.optimalworkforce.core.model.Visit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Asks a backup finder, leaving out the caregiver who just gave the shift up. Not API. */
public final class Candidates {
  private Candidates() {}

  /** Up to {@code limit} backups for the shift, never the caregiver who vacated it. */
  public static List<Recommendation> backups(BackupFinder finder, Visit shift, ScheduleView view, Clock clock,
      int limit) {
    List<Recommendation> found = finder.find(shift, view, clock, limit + 1);
    if (found.isEmpty()) {
      return found;
    }
    Optional<String> vacated = view.vacancy(shift.id()).map(Vacancy::previousCaregiverId);
    List<Recommendation> out = new ArrayList<>(limit);
    for (Recommendation r : found) {
      if ((vacated.isEmpty() || !r.caregiverId().equals(vacated.get())) && out.size() < limit) {
        out.add(r);
      }
    }
    return out;
  }
}
