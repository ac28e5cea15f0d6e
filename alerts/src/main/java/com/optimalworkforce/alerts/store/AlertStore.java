package com.optimalworkforce.alerts.store;

import com.optimalworkforce.alerts.rules.Subject;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine keeps alerts (SPI): for de-duplication across runs, for pending deliveries to
 * survive a restart, and as the dashboard feed. {@link #inMemory()} is the default; a host keeps
 * alerts in its own database by implementing this.
 *
 * <pre>{@code
 * AlertStore store = AlertStore.inMemory();
 * AlertEngine engine = AlertEngine.builder(index, clock).store(store).build();
 * List<AlertRecord> urgent = store.query(AlertQuery.builder().minSeverity(Severity.URGENT).build());
 * }</pre>
 *
 * <p>Implementations are thread-safe; {@link #save} replaces the record with the same id.
 */
public interface AlertStore {

  /** Inserts or replaces (by id) a record. */
  void save(AlertRecord record);

  Optional<AlertRecord> get(String id);

  /** The newest record for the rule and subject, open or resolved. */
  Optional<AlertRecord> latest(String ruleId, Subject subject);

  /** The open records of a rule. */
  List<AlertRecord> open(String ruleId);

  /**
   * The open records of a rule about one record (any qualifier), e.g. every open call-out-pattern
   * alert of caregiver E-42. The engine uses it to resolve alerts after a change without looking
   * at every open alert; the default filters {@link #open(String)}, stores may index it.
   */
  default List<AlertRecord> open(String ruleId, Subject.Kind kind, String id) {
    return open(ruleId).stream()
        .filter(r -> r.alert().subject().kind() == kind && r.alert().subject().id().equals(id)).toList();
  }

  /** Records with a delivery still pending (to resume after a restart). */
  List<AlertRecord> pendingDelivery();

  /** Records matching the query, most recently updated first, at most {@code query.limit()}. */
  List<AlertRecord> query(AlertQuery query);

  /** A store in memory: alerts do not survive a restart. */
  static AlertStore inMemory() {
    return new InMemoryAlertStore();
  }
}
