package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.rules.internal.Phrases;
import java.util.ArrayList;
import java.util.List;

/** Backup finders for rule tests: fixed answers, so the rule's own wording is what is tested. */
final class Backups {
  private Backups() {}

  /** Recommends these caregivers with these percentages and reasons: id, percent, reason, ... */
  static BackupFinder fixed(Object... idPercentReason) {
    return (shift, view, clock, limit) -> {
      List<Recommendation> out = new ArrayList<>();
      for (int i = 0; i + 2 < idPercentReason.length && out.size() < limit; i += 3) {
        String id = (String) idPercentReason[i];
        out.add(new Recommendation(id, Phrases.caregiver(view, id), (Integer) idPercentReason[i + 1],
            (String) idPercentReason[i + 2]));
      }
      return out;
    };
  }
}
