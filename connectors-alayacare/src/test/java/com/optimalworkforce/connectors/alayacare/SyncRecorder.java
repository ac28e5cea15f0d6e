package com.optimalworkforce.connectors.alayacare;

import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.sync.ChangeListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Collects the change events a sync delivers. */
final class SyncRecorder implements ChangeListener {
  final List<Change> changes = new CopyOnWriteArrayList<>();

  @Override
  public void onChanges(List<Change> batch) {
    changes.addAll(batch);
  }

  Set<RecordKey> keys(Predicate<Change> kind) {
    return changes.stream().filter(kind).map(Change::key).collect(Collectors.toSet());
  }
}
