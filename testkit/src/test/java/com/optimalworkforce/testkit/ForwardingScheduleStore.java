package com.optimalworkforce.testkit;

import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.store.ScheduleQuery;
import com.optimalworkforce.core.store.ScheduleStore;
import com.optimalworkforce.core.store.ScheduleWrite;
import com.optimalworkforce.core.store.StoredRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * For tests: a {@link ScheduleStore} that passes every call of the SPI on to another store (the
 * interface's default methods stay the interface's), so a test breaks or observes one call by
 * overriding it.
 *
 * @param <S> the store underneath
 */
public class ForwardingScheduleStore<S extends ScheduleStore> implements ScheduleStore {
  protected final S delegate;

  public ForwardingScheduleStore(S delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The store underneath. */
  public S delegate() {
    return delegate;
  }

  @Override
  public Optional<StoredRecord> find(RecordKey key) {
    return delegate.find(key);
  }

  @Override
  public void apply(List<? extends ScheduleWrite> writes) {
    delegate.apply(writes);
  }

  @Override
  public Stream<StoredRecord> query(ScheduleQuery query) {
    return delegate.query(query);
  }
}
