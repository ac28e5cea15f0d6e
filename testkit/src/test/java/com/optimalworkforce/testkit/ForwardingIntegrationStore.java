package com.optimalworkforce.testkit;

import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.store.IntegrationRecord;
import com.optimalworkforce.core.store.IntegrationStore;
import com.optimalworkforce.core.store.QuarantinedRecord;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * For tests: an {@link IntegrationStore} that passes every call of the SPI on to another store
 * (the interface's default methods stay the interface's), so a test breaks or observes one call by
 * overriding it.
 *
 * @param <S> the store underneath
 */
public class ForwardingIntegrationStore<S extends IntegrationStore> implements IntegrationStore {
  protected final S delegate;

  public ForwardingIntegrationStore(S delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The store underneath. */
  public S delegate() {
    return delegate;
  }

  @Override
  public Optional<IntegrationRecord> find(String id) {
    return delegate.find(id);
  }

  @Override
  public void save(IntegrationRecord record) {
    delegate.save(record);
  }

  @Override
  public Set<String> integrationIds() {
    return delegate.integrationIds();
  }

  @Override
  public void delete(String id) {
    delegate.delete(id);
  }

  @Override
  public Optional<byte[]> credentials(String id) {
    return delegate.credentials(id);
  }

  @Override
  public void saveCredentials(String id, byte[] sealed) {
    delegate.saveCredentials(id, sealed);
  }

  @Override
  public Optional<String> checkpoint(String id) {
    return delegate.checkpoint(id);
  }

  @Override
  public void saveCheckpoint(String id, String checkpoint) {
    delegate.saveCheckpoint(id, checkpoint);
  }

  @Override
  public void quarantine(String id, Collection<QuarantinedRecord> records) {
    delegate.quarantine(id, records);
  }

  @Override
  public void release(String id, Collection<RecordKey> keys) {
    delegate.release(id, keys);
  }

  @Override
  public List<QuarantinedRecord> quarantined(String id) {
    return delegate.quarantined(id);
  }

  @Override
  public void clearQuarantine(String id) {
    delegate.clearQuarantine(id);
  }

  @Override
  public Optional<AggregateSnapshot> snapshot(String id) {
    return delegate.snapshot(id);
  }

  @Override
  public void saveSnapshot(String id, AggregateSnapshot snapshot) {
    delegate.saveSnapshot(id, snapshot);
  }

  @Override
  public Optional<byte[]> releaseState(String id) {
    return delegate.releaseState(id);
  }

  @Override
  public void saveReleaseState(String id, byte[] sealed) {
    delegate.saveReleaseState(id, sealed);
  }

  @Override
  public Optional<byte[]> roundingKey(String id) {
    return delegate.roundingKey(id);
  }

  @Override
  public void saveRoundingKey(String id, byte[] sealed) {
    delegate.saveRoundingKey(id, sealed);
  }
}
