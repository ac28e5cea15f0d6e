package com.optimalworkforce.core.sync;

import com.optimalworkforce.core.model.Change;
import java.util.List;

/**
 * Receives the changes a sync applied to the schedule, one batch per page, after the batch is
 * stored. A record that did not change is never reported, so listeners see each change once.
 *
 * <pre>{@code
 * ChangeListener toAggregator = changes -> changes.forEach(aggregator::apply);
 * }</pre>
 */
@FunctionalInterface
public interface ChangeListener {

  void onChanges(List<Change> changes);

  /** A listener that ignores everything. */
  static ChangeListener noop() {
    return changes -> { };
  }
}
