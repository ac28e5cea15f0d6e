package com.optimalworkforce.alerts.rules;

import java.util.List;
import java.util.Objects;

/**
 * The seven built-in rules with their default thresholds, sharing one source of backups.
 *
 * <pre>{@code
 * AlertEngine engine = AlertEngine.builder(index, clock)
 *     .rules(BuiltInRules.all(MatchScorerBackups.of(scorer)))
 *     .build();
 * }</pre>
 */
public final class BuiltInRules {
  private BuiltInRules() {}

  /** Every built-in rule with default thresholds. */
  public static List<AlertRule> all(BackupFinder backups) {
    Objects.requireNonNull(backups, "backups");
    return List.of(
        UnfilledShiftRule.builder().backups(backups).build(),
        OvertimeRiskRule.ofDefaults(),
        CallOutPatternRule.ofDefaults(),
        LastMinuteOpeningRule.builder().backups(backups).build(),
        CapacityRule.ofDefaults(),
        WeekendMatchRule.builder().backups(backups).build(),
        DayOffPatternRule.ofDefaults());
  }

  /** The ids of the built-in rules, in the order {@link #all} returns them. */
  public static List<String> ids() {
    return List.of(UnfilledShiftRule.ID, OvertimeRiskRule.ID, CallOutPatternRule.ID, LastMinuteOpeningRule.ID,
        CapacityRule.ID, WeekendMatchRule.ID, DayOffPatternRule.ID);
  }
}
