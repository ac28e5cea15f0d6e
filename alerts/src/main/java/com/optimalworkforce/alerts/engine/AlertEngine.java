package com.optimalworkforce.alerts.engine;

import com.optimalworkforce.alerts.engine.internal.CountingView;
import com.optimalworkforce.alerts.engine.internal.Dispatcher;
import com.optimalworkforce.alerts.routing.AlertRouting;
import com.optimalworkforce.alerts.routing.Target;
import com.optimalworkforce.alerts.rules.Alert;
import com.optimalworkforce.alerts.rules.AlertRule;
import com.optimalworkforce.alerts.rules.Scope;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.alerts.rules.Subject;
import com.optimalworkforce.alerts.store.AlertQuery;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.alerts.store.AlertStore;
import com.optimalworkforce.alerts.store.Delivery;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.AuditLog;
import com.optimalworkforce.core.sync.ChangeListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enabled alert rules over the schedule, on a schedule and after each sync;
 * de-duplicates, escalates, routes, delivers (with retries) and audits every notification; keeps
 * every alert in an {@link AlertStore} for the dashboard feed.
 *
 * <pre>{@code
 * AlertEngine engine = AlertEngine.builder(index, clock)
 *     .rule(UnfilledShiftRule.builder().backups(MatchScorerBackups.of(scorer)).build()) // pilot one workflow
 *     .routing(routing).notifier(twilioSms).notifier(email).notifier(dashboard)
 *     .auditLog(auditLog)
 *     .build();
 * engine.start(Duration.ofMinutes(5));   // scheduled runs; engine is also the sync's ChangeListener
 * }</pre>
 *
 * <p><b>De-duplication and escalation.</b> An alert is identified by its rule and subject. It is
 * notified when first raised; raised again with the same or a lower severity within the
 * suppression window (default 4 hours) after it was last notified, it is only updated in the store;
 * raised with a higher severity, it is notified at once (an unfilled shift is INFO a day ahead and
 * URGENT three hours ahead); still open when the window has passed, it is notified again. When a
 * rule no longer raises it for a subject it re-checked, it is resolved.
 *
 * <p><b>Delivery.</b> Notifications go out on the engine's executor. A retryable failure (an
 * outage) is retried with the delivery {@link RetryPolicy}'s backoff, honouring the provider's
 * {@code Retry-After}; when the provider rejects it or retries run out the delivery is marked
 * FAILED with the reason, and the alert's {@link AlertRecord#deliveryState()} becomes UNDELIVERED.
 * Pending deliveries are resumed from the store when an engine is built. Every delivered and every
 * undelivered notification is appended to the {@link AuditLog} (recipient, channel, shift,
 * recommended caregivers, time).
 *
 * <p><b>Incremental runs.</b> As a {@link ChangeListener}, the engine first applies the changes to
 * its view when the view is itself a listener (as {@code ScheduleIndex} is), passes them to any
 * {@linkplain Builder#changeListener extra listeners} (e.g. the match scorer's history), then
 * re-runs the rules with only the {@link Scope} the changes touched.
 *
 * <p>Thread-safe. Messages name people; the engine never logs them at INFO or above.
 */
public final class AlertEngine implements ChangeListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ScheduleView view;
  private final Clock clock;
  private final Map<String, AlertRule> rules;
  private final Set<String> enabled;
  private final AlertRouting routing;
  private final AlertStore store;
  private final Duration suppressionWindow;
  private final List<ChangeListener> listeners;
  private final ScheduledExecutorService executor;
  private final boolean ownExecutor;
  private final Dispatcher dispatcher;
  private final ReentrantLock evaluation = new ReentrantLock();
  private final Object state = new Object();
  private ScheduledFuture<?> scheduled;

  private AlertEngine(Builder b) {
    this.view = b.view;
    this.clock = b.clock;
    this.rules = new LinkedHashMap<>(b.rules);
    this.enabled = new LinkedHashSet<>(b.rules.keySet());
    this.enabled.removeAll(b.disabled);
    this.routing = b.routing;
    this.store = b.store;
    this.suppressionWindow = b.suppressionWindow;
    this.listeners = List.copyOf(b.listeners);
    this.ownExecutor = b.executor == null;
    this.executor = b.executor != null ? b.executor : Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "alert-engine-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    AuditLog audit = b.audit != null ? b.audit : AuditLog.inMemory(clock);
    this.dispatcher = new Dispatcher(b.notifiers, store, audit, b.retry, clock, executor, state);
    resumePendingDeliveries();
  }

  /** An engine over {@code view}, taking "now" from {@code clock}. */
  public static Builder builder(ScheduleView view, Clock clock) {
    return new Builder(view, clock);
  }

  // ------------------------------------------------------------------ running rules

  /** Runs every enabled rule over the whole schedule. */
  public EvaluationReport evaluate() {
    return evaluate(Scope.all());
  }

  /** Runs every enabled rule over the scope. */
  public EvaluationReport evaluate(Scope scope) {
    Objects.requireNonNull(scope, "scope");
    evaluation.lock();
    try {
      return run(scope);
    } finally {
      evaluation.unlock();
    }
  }

  /** Applies the changes (to the view, then the extra listeners) and re-runs the rules over what they touched. */
  @Override
  public void onChanges(List<Change> changes) {
    EvaluationReport report = apply(changes);
    LOG.debug("after {} changes: {}", changes.size(), report);
  }

  /**
   * Applies the changes to the view (when it is a {@link ChangeListener}) and the extra listeners,
   * then runs the enabled rules over the {@link Scope} the changes touched.
   */
  public EvaluationReport apply(List<Change> changes) {
    Objects.requireNonNull(changes, "changes");
    evaluation.lock();
    try {
      if (view instanceof ChangeListener l) {
        l.onChanges(changes);
      }
      for (ChangeListener l : listeners) {
        l.onChanges(changes);
      }
      return run(Scope.affectedBy(changes));
    } finally {
      evaluation.unlock();
    }
  }

  /**
   * Runs {@link #evaluate()} every {@code period} on the engine's executor, the first run at once.
   * Calling it again replaces the schedule.
   */
  public synchronized void start(Duration period) {
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("AlertEngine: period must be positive but was " + period);
    }
    stop();
    scheduled = executor.scheduleWithFixedDelay(() -> {
      try {
        EvaluationReport r = evaluate();
        LOG.info("alert rules evaluated: {} new, {} escalated, {} resolved, {} notifications queued in {} ms",
            r.raised(), r.escalated(), r.resolved(), r.notificationsQueued(), r.elapsed().toMillis());
      } catch (RuntimeException e) {
        LOG.error("scheduled alert evaluation failed: {}", e.getClass().getSimpleName(), e);
      }
    }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the scheduled runs (deliveries in progress continue). */
  public synchronized void stop() {
    if (scheduled != null) {
      scheduled.cancel(false);
      scheduled = null;
    }
  }

  private EvaluationReport run(Scope scope) {
    long t0 = System.nanoTime();
    Instant now = clock.instant();
    Counts counts = new Counts();
    List<String> ran = new ArrayList<>();
    Map<String, String> failed = new LinkedHashMap<>();
    Map<String, Long> reads = new LinkedHashMap<>();
    for (String id : enabledRules()) {
      AlertRule rule = rules.get(id);
      CountingView counting = new CountingView(view);
      List<Alert> alerts;
      try {
        alerts = rule.evaluate(counting, clock, scope);
      } catch (RuntimeException e) {
        failed.put(id, e.getClass().getSimpleName());
        LOG.warn("alert rule {} failed ({}); the other rules ran", id, e.getClass().getSimpleName());
        LOG.debug("alert rule {} failure", id, e);
        continue;
      } finally {
        reads.put(id, counting.recordsRead());
      }
      ran.add(id);
      counts.alerts += alerts.size();
      synchronized (state) {
        process(rule, alerts, scope, now, counts);
      }
    }
    long read = reads.values().stream().mapToLong(Long::longValue).sum();
    return new EvaluationReport(now, scope.isAll() ? "all" : scope.toString(), ran, failed, counts.alerts,
        counts.raised, counts.escalated, counts.reminded, counts.suppressed, counts.resolved, counts.queued, read,
        reads, counts.notified, Duration.ofNanos(System.nanoTime() - t0));
  }

  private static final class Counts {
    int alerts;
    int raised;
    int escalated;
    int reminded;
    int suppressed;
    int resolved;
    int queued;
    final List<AlertRecord> notified = new ArrayList<>();
  }

  private void process(AlertRule rule, List<Alert> alerts, Scope scope, Instant now, Counts counts) {
    Set<String> seen = new HashSet<>();
    for (Alert alert : alerts) {
      if (!alert.ruleId().equals(rule.id())) {
        alert = Alert.builder(rule.id(), alert.subject()).title(alert.title()).severity(alert.severity())
            .region(alert.regionId()).message(alert.message()).recommended(alert.recommended())
            .shift(alert.shiftId()).build();
      }
      if (!seen.add(alert.subject().key())) {
        continue; // a rule that returned the same subject twice: the first one counts
      }
      Optional<AlertRecord> previous = store.latest(rule.id(), alert.subject());
      AlertRecord prev = previous.orElse(null);
      boolean recentlyNotified = prev != null && prev.lastNotifiedAt() != null
          && now.isBefore(prev.lastNotifiedAt().plus(suppressionWindow));
      boolean rises = prev == null || prev.notifiedSeverity() == null
          || alert.severity().compareTo(prev.notifiedSeverity()) > 0;
      if (recentlyNotified && !rises) {
        counts.suppressed++;
        AlertRecord updated = prev.isOpen() ? prev : prev.reopened(alert, now);
        if (!prev.isOpen() || !sameContent(prev.alert(), alert)) {
          store.save(updated.suppressedOnce(alert, now));
        }
      } else if (prev != null && prev.isOpen()) {
        if (rises) {
          counts.escalated++;
        } else {
          counts.reminded++;
        }
        notify(prev.withAlert(alert, now), now, counts);
      } else {
        counts.raised++;
        notify(AlertRecord.open(newId(), alert, now), now, counts);
      }
    }
    for (AlertRecord open : openCovered(rule.id(), scope)) {
      if (scope.covers(open.alert().subject()) && !seen.contains(open.alert().subject().key())) {
        store.save(open.resolved(now));
        counts.resolved++;
      }
    }
  }

  /** Open alerts of the rule that the scope re-checked: all of them, or only those about the scope's records. */
  private List<AlertRecord> openCovered(String ruleId, Scope scope) {
    if (scope.isAll()) {
      return store.open(ruleId);
    }
    List<AlertRecord> out = new ArrayList<>();
    for (String id : scope.shiftIds()) {
      out.addAll(store.open(ruleId, Subject.Kind.SHIFT, id));
    }
    for (String id : scope.caregiverIds()) {
      out.addAll(store.open(ruleId, Subject.Kind.CAREGIVER, id));
    }
    for (String id : scope.clientIds()) {
      out.addAll(store.open(ruleId, Subject.Kind.CLIENT, id));
    }
    for (String id : scope.regionIds()) {
      out.addAll(store.open(ruleId, Subject.Kind.REGION, id));
    }
    return out;
  }

  private static boolean sameContent(Alert a, Alert b) {
    return a.severity() == b.severity() && a.message().equals(b.message()) && a.recommended().equals(b.recommended());
  }

  private String newId() {
    return "alert-" + UUID.randomUUID();
  }

  private void notify(AlertRecord record, Instant now, Counts counts) {
    Alert alert = record.alert();
    List<Target> targets = routing.targets(alert);
    if (targets.isEmpty() && !alert.hasRegion() && !routing.routes().isEmpty()) {
      // Stored for the feed all the same; say so, since only a route without a region filter takes it.
      LOG.warn("alert {} of rule {} about {} has no region and no route takes it (every route names regions): it is"
          + " in the alert feed only. Add a route without regions, or with region(Alert.NO_REGION), to be told.",
          record.id(), alert.ruleId(), alert.subject().key());
    }
    List<Delivery> deliveries = new ArrayList<>(targets.size());
    List<Notification> notifications = new ArrayList<>(targets.size());
    int round = record.deliveries().size();
    for (Target t : targets) {
      String notificationId = record.id() + "-" + (++round);
      deliveries.add(Delivery.pending(notificationId, t.recipient().id(), t.channel(), alert.severity()));
      notifications.add(notification(notificationId, alert, record.id(), t));
    }
    AlertRecord notified = record.notified(alert.severity(), now, deliveries);
    store.save(notified);
    counts.notified.add(notified);
    for (int i = 0; i < deliveries.size(); i++) {
      dispatcher.submit(record.id(), deliveries.get(i).notificationId(), notifications.get(i));
      counts.queued++;
    }
  }

  private static Notification notification(String id, Alert alert, String recordId, Target t) {
    Notification.Builder b = Notification.builder(t.channel(), t.address()).id(id)
        .subject((alert.severity() == Severity.INFO ? "" : alert.severity() + ": ") + alert.title())
        .text(alert.message())
        .attribute(Notification.SEVERITY, alert.severity().name())
        .attribute(Notification.ALERT_ID, recordId)
        .attribute(Notification.RULE, alert.ruleId());
    if (alert.hasRegion()) {
      b.attribute(Notification.REGION, alert.regionId());
    }
    alert.shift().ifPresent(s -> b.attribute(Notification.SHIFT, s));
    return b.build();
  }

  private void resumePendingDeliveries() {
    synchronized (state) {
      for (AlertRecord r : store.pendingDelivery()) {
        for (Delivery d : r.deliveries()) {
          if (d.status() != Delivery.Status.PENDING) {
            continue;
          }
          Optional<Target> target = routing.targets(r.alert()).stream()
              .filter(t -> t.recipient().id().equals(d.recipientId()) && t.channel().equals(d.channel())).findFirst();
          if (target.isPresent()) {
            dispatcher.submit(r.id(), d.notificationId(), notification(d.notificationId(), r.alert(), r.id(),
                target.get()));
          } else {
            Instant now = clock.instant();
            store.save(r.withDelivery(d.attempted(now, Delivery.Status.FAILED, null,
                "the routing no longer sends this alert to " + d.recipientId() + " by " + d.channel()), now));
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ rules on and off

  /** Enables a rule given to the builder. */
  public void enable(String ruleId) {
    synchronized (enabled) {
      if (!rules.containsKey(Objects.requireNonNull(ruleId, "ruleId"))) {
        throw new IllegalArgumentException("No rule '" + ruleId + "' in this engine; rules: " + rules.keySet());
      }
      enabled.add(ruleId);
    }
  }

  /** Disables a rule; its open alerts stay in the store as they are. */
  public void disable(String ruleId) {
    synchronized (enabled) {
      if (!rules.containsKey(Objects.requireNonNull(ruleId, "ruleId"))) {
        throw new IllegalArgumentException("No rule '" + ruleId + "' in this engine; rules: " + rules.keySet());
      }
      enabled.remove(ruleId);
    }
  }

  /** The ids of the enabled rules, in the order they run. */
  public List<String> enabledRules() {
    synchronized (enabled) {
      List<String> out = new ArrayList<>();
      for (String id : rules.keySet()) {
        if (enabled.contains(id)) {
          out.add(id);
        }
      }
      return out;
    }
  }

  /** Every rule given to the builder, enabled or not. */
  public List<AlertRule> rules() {
    return List.copyOf(rules.values());
  }

  // ------------------------------------------------------------------ reading alerts

  /** The dashboard feed: stored alerts matching the query, most recently updated first. */
  public List<AlertRecord> feed(AlertQuery query) {
    Objects.requireNonNull(query, "query");
    return store.query(query);
  }

  public AlertStore store() {
    return store;
  }

  /** Waits until every queued delivery is delivered or failed; false on timeout. */
  public boolean awaitDeliveries(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    return dispatcher.awaitIdle(timeout);
  }

  /** Deliveries queued or being retried. */
  public int pendingDeliveries() {
    return dispatcher.inFlight();
  }

  /**
   * Stops scheduled runs and, if the engine created its executor, shuts it down; deliveries still
   * pending stay PENDING in the store and resume when an engine is built on the same store.
   */
  @Override
  public void close() {
    stop();
    if (ownExecutor) {
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "AlertEngine[rules=" + enabledRules() + ", suppressionWindow=" + suppressionWindow + "]";
  }

  /** Builds an {@link AlertEngine}; {@link #build()} checks that every routed channel has a notifier. */
  public static final class Builder {
    private final ScheduleView view;
    private final Clock clock;
    private final Map<String, AlertRule> rules = new LinkedHashMap<>();
    private final Set<String> disabled = new HashSet<>();
    private final Map<Channel, Notifier> notifiers = new LinkedHashMap<>();
    private final List<ChangeListener> listeners = new ArrayList<>();
    private AlertRouting routing = AlertRouting.none();
    private AlertStore store;
    private AuditLog audit;
    private Duration suppressionWindow = Duration.ofHours(4);
    private RetryPolicy retry = RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofSeconds(30))
        .maxBackoff(Duration.ofMinutes(10)).build();
    private ScheduledExecutorService executor;

    private Builder(ScheduleView view, Clock clock) {
      this.view = Objects.requireNonNull(view, "view");
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds a rule, enabled. Rules run in the order added. */
    public Builder rule(AlertRule rule) {
      Objects.requireNonNull(rule, "rule");
      String id = Objects.requireNonNull(rule.id(), "rule.id()");
      if (!id.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException("AlertEngine: rule id '" + id
            + "' is not valid: use lower-case letters, digits and dashes, starting with a letter");
      }
      if (rules.putIfAbsent(id, rule) != null) {
        throw new IllegalArgumentException("AlertEngine: two rules have the id '" + id + "'");
      }
      return this;
    }

    public Builder rules(List<? extends AlertRule> rules) {
      Objects.requireNonNull(rules, "rules").forEach(this::rule);
      return this;
    }

    /** Adds a rule switched off; {@link AlertEngine#enable} turns it on. */
    public Builder disabledRule(AlertRule rule) {
      rule(rule);
      disabled.add(rule.id());
      return this;
    }

    /** Who hears about which alerts, on which channels (default: nobody; alerts are stored only). */
    public Builder routing(AlertRouting routing) {
      this.routing = Objects.requireNonNull(routing, "routing");
      return this;
    }

    /** The notifier for its channel; one per channel. */
    public Builder notifier(Notifier notifier) {
      Objects.requireNonNull(notifier, "notifier");
      Channel channel = Objects.requireNonNull(notifier.channel(), "notifier.channel()");
      if (notifiers.putIfAbsent(channel, notifier) != null) {
        throw new IllegalArgumentException("AlertEngine: two notifiers for channel '" + channel + "'");
      }
      return this;
    }

    /** Where alerts are kept (default: {@link AlertStore#inMemory()}). */
    public Builder store(AlertStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Where every notification is recorded (default: an in-memory log; give the host's durable one). */
    public Builder auditLog(AuditLog audit) {
      this.audit = Objects.requireNonNull(audit, "audit");
      return this;
    }

    /** How long an alert is not re-sent at the same or a lower severity (default 4 hours). */
    public Builder suppressionWindow(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.isNegative()) {
        throw new IllegalArgumentException("AlertEngine: suppressionWindow must not be negative but was " + window);
      }
      this.suppressionWindow = window;
      return this;
    }

    /**
     * How failed deliveries are retried: attempts, backoff, jitter and the longest
     * {@code Retry-After} honoured (default: 6 attempts, 30 s doubling to 10 minutes, jitter 0.5).
     */
    public Builder deliveryRetry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** The executor for scheduled runs and deliveries (default: two daemon threads the engine owns). */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Also passes each batch of changes to this listener, before the rules run (e.g. the scorer's history). */
    public Builder changeListener(ChangeListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    public AlertEngine build() {
      Set<Channel> missing = new LinkedHashSet<>(routing.channelsInUse());
      missing.removeAll(notifiers.keySet());
      if (!missing.isEmpty()) {
        throw new IllegalStateException("AlertEngine: the routing sends alerts by " + missing
            + " but no notifier was given for " + (missing.size() == 1 ? "it" : "them")
            + "; add one with notifier(...) or change the routing's channels");
      }
      if (store == null) {
        store = AlertStore.inMemory();
      }
      return new AlertEngine(this);
    }
  }
}
