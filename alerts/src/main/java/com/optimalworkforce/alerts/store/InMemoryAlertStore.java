package com.optimalworkforce.alerts.store;

import com.optimalworkforce.alerts.rules.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link AlertStore}: in memory, thread-safe, lost on restart.
 *
 * <pre>{@code
 * AlertStore store = AlertStore.inMemory();
 * }</pre>
 */
public final class InMemoryAlertStore implements AlertStore {
  private static final Comparator<AlertRecord> NEWEST_FIRST =
      Comparator.comparing(AlertRecord::updatedAt).reversed().thenComparing(AlertRecord::id);

  private final Map<String, AlertRecord> byId = new HashMap<>();
  private final Map<String, String> latestByKey = new HashMap<>();
  /** Open records by rule, subject kind and id: what a change can resolve. */
  private final Map<String, Map<String, AlertRecord>> openBySubject = new HashMap<>();

  private static String subjectKey(String ruleId, Subject.Kind kind, String id) {
    return ruleId + "|" + kind + "|" + id;
  }

  InMemoryAlertStore() {}

  @Override
  public synchronized void save(AlertRecord record) {
    Objects.requireNonNull(record, "record");
    byId.put(record.id(), record);
    Subject subject = record.alert().subject();
    String sk = subjectKey(record.alert().ruleId(), subject.kind(), subject.id());
    if (record.isOpen()) {
      openBySubject.computeIfAbsent(sk, k -> new HashMap<>()).put(record.id(), record);
    } else {
      Map<String, AlertRecord> open = openBySubject.get(sk);
      if (open != null && open.remove(record.id()) != null && open.isEmpty()) {
        openBySubject.remove(sk);
      }
    }
    String current = latestByKey.get(record.key());
    if (current == null || current.equals(record.id())
        || !byId.get(current).raisedAt().isAfter(record.raisedAt())) {
      latestByKey.put(record.key(), record.id());
    }
  }

  @Override
  public synchronized Optional<AlertRecord> get(String id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<AlertRecord> latest(String ruleId, Subject subject) {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(subject, "subject");
    String id = latestByKey.get(ruleId + "|" + subject.key());
    return id == null ? Optional.empty() : Optional.of(byId.get(id));
  }

  @Override
  public synchronized List<AlertRecord> open(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    List<AlertRecord> out = new ArrayList<>();
    for (String id : latestByKey.values()) {
      AlertRecord r = byId.get(id);
      if (r.isOpen() && r.alert().ruleId().equals(ruleId)) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public synchronized List<AlertRecord> open(String ruleId, Subject.Kind kind, String id) {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Map<String, AlertRecord> open = openBySubject.get(subjectKey(ruleId, kind, id));
    return open == null ? List.of() : List.copyOf(open.values());
  }

  @Override
  public synchronized List<AlertRecord> pendingDelivery() {
    return byId.values().stream().filter(r -> r.deliveryState() == AlertRecord.DeliveryState.PENDING).toList();
  }

  @Override
  public synchronized List<AlertRecord> query(AlertQuery query) {
    Objects.requireNonNull(query, "query");
    return byId.values().stream().filter(query::matches).sorted(NEWEST_FIRST).limit(query.limit()).toList();
  }

  /** Number of records held. */
  public synchronized int size() {
    return byId.size();
  }
}
