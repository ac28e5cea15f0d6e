package com.optimalworkforce.connectors.wellsky;

import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.sync.ChangeListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Records the changes a sync delivers. */
final class SyncRecorder implements ChangeListener {
  final List<Change> changes = new CopyOnWriteArrayList<>();

  @Override
  public void onChanges(List<Change> batch) {
    changes.addAll(batch);
  }

  Set<RecordKey> keys(Predicate<Change> which) {
    return changes.stream().filter(which).map(Change::key).collect(Collectors.toSet());
  }
}
