/**
 * The schedule as alert rules see it: {@link com.optimalworkforce.alerts.view.ScheduleView}, a
 * read-only indexed view, and {@link com.optimalworkforce.alerts.view.ScheduleIndex}, which keeps it
 * current from sync changes.
 *
 * <pre>{@code
 * ScheduleIndex index = ScheduleIndex.create(clock);
 * syncListeners.add(index);                        // a core.sync.ChangeListener
 * List<Visit> open = index.unfilledStarting(now, now.plus(Duration.ofHours(24)));
 * }</pre>
 */
package com.optimalworkforce.alerts.view;
