package com.optimalworkforce.alerts.store;

import com.optimalworkforce.alerts.rules.Alert;
import com.optimalworkforce.alerts.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An alert as the engine keeps it: the latest version of what the rule said, when it was raised,
 * notified and resolved, and every delivery made for it. One record spans an episode: from the
 * first time a rule raises an alert about a subject until the rule stops raising it.
 *
 * <pre>{@code
 * for (AlertRecord r : store.query(AlertQuery.builder().region("toronto-east").build())) {
 *   show(r.alert().severity(), r.alert().message(), r.deliveryState(), r.undeliveredReason());
 * }
 * }</pre>
 *
 * @param id the record's id
 * @param alert the latest version of the alert
 * @param raisedAt when the episode began
 * @param updatedAt when the record last changed
 * @param resolvedAt when the rule stopped raising it, or {@code null} while open
 * @param notifiedSeverity the severity last notified, or {@code null} if never notified
 * @param lastNotifiedAt when it was last notified, or {@code null}
 * @param suppressed how many times it was raised again and de-duplicated
 * @param deliveries every delivery, oldest first
 */
public record AlertRecord(
    String id,
    Alert alert,
    Instant raisedAt,
    Instant updatedAt,
    Instant resolvedAt,
    Severity notifiedSeverity,
    Instant lastNotifiedAt,
    int suppressed,
    List<Delivery> deliveries) {

  /** Where the deliveries of a record stand, taken together. */
  public enum DeliveryState {
    /** No route sent it anywhere (it is on the dashboard feed only). */
    NOT_ROUTED,
    /** At least one delivery is queued or being retried. */
    PENDING,
    /** Every delivery went through. */
    DELIVERED,
    /** At least one delivery failed for good; see {@link #undeliveredReason()}. */
    UNDELIVERED
  }

  public AlertRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(raisedAt, "raisedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    deliveries = List.copyOf(deliveries);
  }

  /** A new, open record. */
  public static AlertRecord open(String id, Alert alert, Instant at) {
    return new AlertRecord(id, alert, at, at, null, null, null, 0, List.of());
  }

  public boolean isOpen() {
    return resolvedAt == null;
  }

  /** The rule and subject: what de-duplication compares. */
  public String key() {
    return alert.ruleId() + "|" + alert.subject().key();
  }

  public DeliveryState deliveryState() {
    if (deliveries.isEmpty()) {
      return DeliveryState.NOT_ROUTED;
    }
    if (deliveries.stream().anyMatch(d -> d.status() == Delivery.Status.PENDING)) {
      return DeliveryState.PENDING;
    }
    return deliveries.stream().anyMatch(d -> d.status() == Delivery.Status.FAILED) ? DeliveryState.UNDELIVERED
        : DeliveryState.DELIVERED;
  }

  /** Why deliveries failed, one line per failed delivery; empty when none failed. */
  public Optional<String> undeliveredReason() {
    String reasons = deliveries.stream().filter(d -> d.status() == Delivery.Status.FAILED)
        .map(d -> d.channel() + " to " + d.recipientId() + ": " + d.reason()).collect(Collectors.joining("; "));
    return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons);
  }

  public AlertRecord withAlert(Alert newAlert, Instant at) {
    return new AlertRecord(id, newAlert, raisedAt, at, resolvedAt, notifiedSeverity, lastNotifiedAt, suppressed,
        deliveries);
  }

  public AlertRecord reopened(Alert newAlert, Instant at) {
    return new AlertRecord(id, newAlert, raisedAt, at, null, notifiedSeverity, lastNotifiedAt, suppressed, deliveries);
  }

  public AlertRecord suppressedOnce(Alert newAlert, Instant at) {
    return new AlertRecord(id, newAlert, raisedAt, at, resolvedAt, notifiedSeverity, lastNotifiedAt, suppressed + 1,
        deliveries);
  }

  public AlertRecord notified(Severity severity, Instant at, List<Delivery> newDeliveries) {
    List<Delivery> all = new ArrayList<>(deliveries);
    all.addAll(newDeliveries);
    return new AlertRecord(id, alert, raisedAt, at, resolvedAt, severity, at, suppressed, all);
  }

  public AlertRecord resolved(Instant at) {
    return new AlertRecord(id, alert, raisedAt, at, at, notifiedSeverity, lastNotifiedAt, suppressed, deliveries);
  }

  /** The record with one delivery replaced (matched by notification id). */
  public AlertRecord withDelivery(Delivery updated, Instant at) {
    List<Delivery> all = new ArrayList<>(deliveries.size());
    for (Delivery d : deliveries) {
      all.add(d.notificationId().equals(updated.notificationId()) ? updated : d);
    }
    return new AlertRecord(id, alert, raisedAt, at, resolvedAt, notifiedSeverity, lastNotifiedAt, suppressed, all);
  }

  @Override
  public String toString() {
    return "AlertRecord[" + id + ", " + alert + ", open=" + isOpen() + ", " + deliveryState() + "]";
  }
}
