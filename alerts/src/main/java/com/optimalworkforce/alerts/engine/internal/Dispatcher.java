package com.optimalworkforce.alerts.engine.internal;

import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.alerts.store.AlertStore;
import com.optimalworkforce.alerts.store.Delivery;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications on the executor, retries retryable failures with backoff, records each
 * outcome on the alert record and in the audit log, and marks a delivery failed with the reason
 * when it is rejected or retries run out. Not API.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  /** Audit action for a notification the provider accepted. */
  public static final String SENT = "alert.notification.sent";
  /** Audit action for a notification that could not be delivered. */
  public static final String UNDELIVERED = "alert.notification.undelivered";

  private final Map<Channel, Notifier> notifiers;
  private final AlertStore store;
  private final AuditLog audit;
  private final RetryPolicy retry;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final Object lock;
  private int inFlight;

  public Dispatcher(Map<Channel, Notifier> notifiers, AlertStore store, AuditLog audit, RetryPolicy retry, Clock clock,
      ScheduledExecutorService executor, Object lock) {
    this.notifiers = Map.copyOf(notifiers);
    this.store = store;
    this.audit = audit;
    this.retry = retry;
    this.clock = clock;
    this.executor = executor;
    this.lock = lock;
  }

  /** Queues the first attempt of a delivery. */
  public void submit(String recordId, String notificationId, Notification notification) {
    synchronized (this) {
      inFlight++;
    }
    schedule(recordId, notificationId, notification, Duration.ZERO);
  }

  private void schedule(String recordId, String notificationId, Notification notification, Duration delay) {
    try {
      executor.schedule(() -> attempt(recordId, notificationId, notification), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // The engine is closing: the delivery stays PENDING in the store and resumes on restart.
      LOG.debug("delivery {} of alert {} not scheduled: executor shut down", notificationId, recordId);
      done();
    }
  }

  private void attempt(String recordId, String notificationId, Notification notification) {
    Notifier notifier = notifiers.get(notification.channel());
    DeliveryResult result;
    try {
      result = notifier.send(notification);
      if (result == null) {
        result = DeliveryResult.retryable("the " + notification.channel() + " notifier returned no result");
      }
    } catch (RuntimeException e) {
      result = DeliveryResult.retryable("the " + notification.channel() + " notifier failed with "
          + e.getClass().getSimpleName());
      LOG.debug("notifier {} threw on delivery {}", notification.channel(), notificationId, e);
    }
    boolean again = false;
    Duration delay = Duration.ZERO;
    synchronized (lock) {
      Optional<AlertRecord> found = store.get(recordId);
      Optional<Delivery> delivery = found.flatMap(r -> r.deliveries().stream()
          .filter(d -> d.notificationId().equals(notificationId)).findFirst());
      if (delivery.isEmpty()) {
        LOG.warn("delivery {} of alert {} is no longer in the alert store; not retried", notificationId, recordId);
        done();
        return;
      }
      Delivery d = delivery.get();
      Instant now = clock.instant();
      Delivery updated;
      if (result.isDelivered()) {
        updated = d.attempted(now, Delivery.Status.DELIVERED, result.providerMessageId(), "");
        audit(SENT, found.get(), updated, "");
      } else if (result.isRetryable() && d.attempts() + 1 < retry.maxAttempts()) {
        updated = d.attempted(now, Delivery.Status.PENDING, null, result.reason());
        again = true;
        delay = backoff(d.attempts() + 1, result.retryAfter());
        LOG.debug("delivery {} of alert {} failed on attempt {} ({}); retrying in {} ms", notificationId, recordId,
            updated.attempts(), result.reason(), delay.toMillis());
      } else {
        String reason = result.isRetryable()
            ? "gave up after " + (d.attempts() + 1) + " attempts: " + result.reason() : result.reason();
        updated = d.attempted(now, Delivery.Status.FAILED, null, reason);
        audit(UNDELIVERED, found.get(), updated, reason);
        LOG.warn("alert {} ({}) could not be delivered by {}: {}", recordId, found.get().alert().ruleId(),
            notification.channel(), result.isRetryable() ? "retries ran out" : "rejected");
      }
      store.save(found.get().withDelivery(updated, now));
    }
    if (again) {
      schedule(recordId, notificationId, notification, delay);
    } else {
      done();
    }
  }

  private Duration backoff(int attempt, Duration retryAfter) {
    Duration base = retry.backoff(attempt);
    double j = retry.jitter();
    long millis = base.toMillis();
    if (j > 0 && millis > 0) {
      millis = (long) (millis * (1 - j + 2 * j * ThreadLocalRandom.current().nextDouble()));
    }
    Duration wait = Duration.ofMillis(millis);
    if (retryAfter != null) {
      Duration asked = retryAfter.compareTo(retry.maxRetryAfter()) > 0 ? retry.maxRetryAfter() : retryAfter;
      wait = asked.compareTo(wait) > 0 ? asked : wait;
    }
    return wait;
  }

  private void audit(String action, AlertRecord record, Delivery d, String reason) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("alert", record.id());
    details.put("rule", record.alert().ruleId());
    details.put("severity", d.severity().name());
    details.put("region", record.alert().regionId());
    details.put("recipient", d.recipientId());
    details.put("channel", d.channel().id());
    details.put("shift", record.alert().shift().orElse(""));
    details.put("recommended", record.alert().recommended().stream().map(r -> r.caregiverId())
        .collect(Collectors.joining(",")));
    details.put("time", String.valueOf(d.lastAttemptAt()));
    details.put("attempts", Integer.toString(d.attempts()));
    if (d.providerMessageId() != null) {
      details.put("providerMessageId", d.providerMessageId());
    }
    if (!reason.isEmpty()) {
      details.put("reason", reason);
    }
    try {
      audit.append(action, details);
    } catch (RuntimeException e) {
      LOG.error("could not write the audit entry for delivery {} of alert {}: {}", d.notificationId(), record.id(),
          e.getClass().getSimpleName());
    }
  }

  private void done() {
    synchronized (this) {
      inFlight--;
      notifyAll();
    }
  }

  /** Deliveries queued or being retried. */
  public synchronized int inFlight() {
    return inFlight;
  }

  /** Waits until no delivery is queued or being retried; false on timeout. */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
