package com.optimalworkforce.core.sync;

import com.optimalworkforce.core.connector.Capabilities;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.StoredRecord;
import com.optimalworkforce.testkit.InMemoryConnector;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Shared helpers of the sync engine tests. */
final class SyncFixtures {
  private SyncFixtures() {}

  static SyntheticAgency agency(long seed) {
    return SyntheticAgency.builder().seed(seed).regions(2).clients(48).caregivers(24).weeksOfHistory(2).weeksAhead(1)
        .build();
  }

  static InMemoryConnector.Builder connector(SyntheticAgency agency) {
    return InMemoryConnector.builder(agency).apiKey(agency.apiKey());
  }

  static String region(SyntheticAgency agency, int i) {
    return agency.regions().get(i).id();
  }

  static Set<String> allRegions(SyntheticAgency agency) {
    return agency.regions().stream().map(Region::id).collect(Collectors.toSet());
  }

  /** What the store should hold after syncing these regions at this instant: key to record. */
  static Map<RecordKey, SourceRecord> expected(SyntheticAgency agency, Set<String> regions, SyncWindow window,
      Clock clock) {
    Map<RecordKey, SourceRecord> out = new TreeMap<>();
    for (EntityType type : EntityType.values()) {
      agency.select(type, regions, window.at(clock.instant())).forEach(r -> out.put(r.key(), r));
    }
    return out;
  }

  static Map<RecordKey, SourceRecord> content(InMemoryScheduleStore store) {
    Map<RecordKey, SourceRecord> out = new TreeMap<>();
    store.snapshot().forEach((k, v) -> out.put(k, v.record()));
    return out;
  }

  static Map<RecordKey, StoredRecord> stored(InMemoryScheduleStore store) {
    return new TreeMap<>(store.snapshot());
  }

  /** Collects every change delivered, in order. */
  static final class Recorder implements ChangeListener {
    final List<Change> changes = new CopyOnWriteArrayList<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    @Override
    public void onChanges(List<Change> batch) {
      batchSizes.add(batch.size());
      changes.addAll(batch);
    }

    List<Change> ofKind(String kind) {
      List<Change> out = new ArrayList<>();
      for (Change c : changes) {
        if (kind.equals("created") && c.isCreate() || kind.equals("updated") && c.isUpdate()
            || kind.equals("deleted") && c.isDelete()) {
          out.add(c);
        }
      }
      return Collections.unmodifiableList(out);
    }

    Set<RecordKey> keys(String kind) {
      return ofKind(kind).stream().map(Change::key).collect(Collectors.toSet());
    }
  }

  /** A connector that does something around every read: advance a clock, count, block. */
  static class Around implements Connector {
    private final Connector delegate;
    private final Consumer<ReadRequest> before;
    final List<ReadRequest> requests = new CopyOnWriteArrayList<>();

    Around(Connector delegate, Consumer<ReadRequest> before) {
      this.delegate = delegate;
      this.before = before;
    }

    static Around advancing(Connector delegate, com.optimalworkforce.testkit.MutableClock clock, Duration perRead) {
      return new Around(delegate, r -> clock.advance(perRead));
    }

    @Override
    public String providerId() {
      return delegate.providerId();
    }

    @Override
    public ConnectionCheck testConnection() {
      return delegate.testConnection();
    }

    @Override
    public List<Region> listRegions() {
      return delegate.listRegions();
    }

    @Override
    public Page read(ReadRequest request) {
      requests.add(request);
      before.accept(request);
      return delegate.read(request);
    }

    @Override
    public Capabilities capabilities() {
      return delegate.capabilities();
    }
  }
}
