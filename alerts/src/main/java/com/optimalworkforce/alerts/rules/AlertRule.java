package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.view.ScheduleView;
import java.time.Clock;
import java.util.List;

/**
 * A scheduling rule (SPI): looks at the schedule and returns the alerts it warrants. The engine
 * runs each enabled rule on a schedule (with {@link Scope#all()}) and after each sync (with the
 * scope the sync's changes touched), de-duplicates, routes and delivers.
 *
 * <pre>{@code
 * final class LongShiftRule implements AlertRule {
 *   public String id() { return "long-shift"; }
 *   public List<Alert> evaluate(ScheduleView view, Clock clock, Scope scope) {
 *     Instant now = clock.instant();
 *     return view.visitsStarting(now, now.plus(Duration.ofDays(1))).stream()
 *         .filter(v -> scope.covers(Subject.shift(v.id())) && v.hours() > 12)
 *         .map(v -> Alert.builder(id(), Subject.shift(v.id())).region(v.regionId())
 *             .message("A " + v.hours() + "-hour shift starts tomorrow").build())
 *         .toList();
 *   }
 * }
 * }</pre>
 *
 * <p>Contract: given a scope, a rule returns the alerts warranted for every subject the scope
 * {@linkplain Scope#covers covers} (it may return more). The engine treats an earlier alert of
 * the rule whose subject is covered but not returned again as resolved. A rule that ignores the
 * scope and always looks at everything is correct, only slower. Rules must not modify the view,
 * must use the clock for "now", and reason about weekdays and times in the region's zone.
 */
public interface AlertRule {

  /** A stable id, lower-case with dashes, e.g. {@code unfilled-shift}: how it is enabled and audited. */
  String id();

  /** A short headline for the alerts it raises, e.g. "Unfilled shift". */
  default String title() {
    return id();
  }

  /** The alerts warranted for the subjects the scope covers. */
  List<Alert> evaluate(ScheduleView view, Clock clock, Scope scope);
}
