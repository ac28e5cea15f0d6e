package com.optimalworkforce.alerts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.notify.DashboardNotifier;
import com.optimalworkforce.alerts.routing.AlertRouting;
import com.optimalworkforce.alerts.routing.Recipient;
import com.optimalworkforce.alerts.routing.Route;
import com.optimalworkforce.alerts.rules.Alert;
import com.optimalworkforce.alerts.rules.AlertRule;
import com.optimalworkforce.alerts.rules.BuiltInRules;
import com.optimalworkforce.alerts.rules.CapacityRule;
import com.optimalworkforce.alerts.rules.Recommendation;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.alerts.rules.UnfilledShiftRule;
import com.optimalworkforce.alerts.store.AlertQuery;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.alerts.store.AlertStore;
import com.optimalworkforce.alerts.store.Delivery;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.security.AuditEntry;
import com.optimalworkforce.core.security.AuditLog;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertEngineTest {
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();
  static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(5))
      .maxBackoff(Duration.ofMillis(20)).jitter(0).build();
  static final Recipient EAST = Recipient.builder("east-schedulers").sms("+14165550100")
      .email("east@agency.example").build();
  static final Recipient WEST = Recipient.builder("west-schedulers").sms("+16045550100")
      .email("west@agency.example").build();
  static final AlertRouting ROUTING = AlertRouting.builder()
      .route(Route.builder().region("toronto-east").to(EAST).build())
      .route(Route.builder().region("vancouver").to(WEST).build())
      .build();

  final MutableClock clock = MutableClock.at(AGENCY.now());
  final ScheduleIndex index = Fixtures.index(AGENCY, clock);
  final TestNotifier sms = new TestNotifier(Channel.SMS);
  final TestNotifier email = new TestNotifier(Channel.EMAIL);
  final DashboardNotifier dashboard = DashboardNotifier.create(clock);
  final AuditLog audit = AuditLog.inMemory(clock);
  final UnfilledShiftRule unfilled = UnfilledShiftRule.builder()
      .backups((shift, view, c, limit) -> List.of(new Recommendation(P.fridayAfternoonAccepter(), "Sarah", 85,
          "accepted 6/7 similar shifts")))
      .build();
  AlertEngine engine;

  AlertEngine.Builder engineBuilder() {
    return AlertEngine.builder(index, clock).routing(ROUTING).notifier(sms).notifier(email).notifier(dashboard)
        .auditLog(audit).deliveryRetry(FAST);
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private void awaitDeliveries() throws InterruptedException {
    assertThat(engine.awaitDeliveries(Duration.ofSeconds(10))).as("deliveries finished").isTrue();
  }

  private AlertRecord recordFor(String visitId) {
    return engine.feed(AlertQuery.all()).stream().filter(r -> visitId.equals(r.alert().shiftId())).findFirst()
        .orElseThrow();
  }

  @Test
  void aCallOutPatternWithNoRegionIsStoredAndGoesToTheRoutesForAllRegions() throws Exception {
    // Only the call-outs are known: no caregiver record, no shifts, so no region to route by.
    ScheduleIndex unplaced = ScheduleIndex.create(clock);
    for (String date : List.of("2026-11-16", "2026-11-09", "2026-11-02")) {
      var start = java.time.LocalDateTime.parse(date + "T09:00").atZone(Fixtures.TORONTO).toInstant();
      unplaced.put(new com.optimalworkforce.core.model.CallOut("CO-" + date, "E9", "V-" + date, Fixtures.TORONTO, start,
          start.minus(Duration.ofHours(2)), "Sick"));
    }
    Recipient office = Recipient.builder("office").email("office@agency.example").build();
    // The regional routes do not take it; the route for all regions does.
    engine = AlertEngine.builder(unplaced, clock).rule(com.optimalworkforce.alerts.rules.CallOutPatternRule.ofDefaults())
        .routing(AlertRouting.builder().route(Route.builder().region("toronto-east").to(EAST).build())
            .route(Route.builder().to(office).channels(Severity.URGENT, Channel.EMAIL).build()).build())
        .notifier(sms).notifier(email).notifier(dashboard).auditLog(audit).deliveryRetry(FAST).build();
    EvaluationReport report = engine.evaluate();
    awaitDeliveries();
    assertThat(report.raised()).isEqualTo(1);
    AlertRecord record = engine.feed(AlertQuery.all()).get(0);
    assertThat(record.alert().regionId()).isEqualTo(Alert.NO_REGION);
    assertThat(engine.feed(AlertQuery.builder().region(Alert.NO_REGION).build())).containsExactly(record);
    assertThat(engine.feed(AlertQuery.builder().region("toronto-east").build())).isEmpty();
    assertThat(record.deliveries()).extracting(Delivery::recipientId, Delivery::channel, Delivery::status)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("office", Channel.EMAIL, Delivery.Status.DELIVERED),
            org.assertj.core.groups.Tuple.tuple("office", Channel.DASHBOARD, Delivery.Status.DELIVERED));
    assertThat(email.delivered).singleElement().satisfies(n -> {
      assertThat(n.text()).startsWith("caregiver E9 has called out the last 3 Mondays.");
      assertThat(n.attribute(Notification.REGION)).isEmpty();
    });
    assertThat(audit.entries()).filteredOn(e -> e.details().get("alert").equals(record.id())).hasSize(2)
        .allSatisfy(e -> assertThat(e.details()).containsEntry("recipient", "office").containsEntry("region", ""));
    engine.close();

    // With regional routes only, it is still stored for the feed (nobody to notify), not dropped,
    // and a warning says how to be told about such alerts.
    engine = AlertEngine.builder(unplaced, clock).rule(com.optimalworkforce.alerts.rules.CallOutPatternRule.ofDefaults())
        .routing(ROUTING).notifier(sms).notifier(email).notifier(dashboard).deliveryRetry(FAST).build();
    try (com.optimalworkforce.testkit.CanaryScan logs = com.optimalworkforce.testkit.CanaryScan.start("not-a-secret-here")) {
      assertThat(engine.evaluate().raised()).isEqualTo(1);
      assertThat(logs.logs()).contains("WARN").contains("has no region and no route takes it")
          .contains("CAREGIVER:E9@MONDAY");
    }
    assertThat(engine.feed(AlertQuery.all())).singleElement().satisfies(r -> {
      assertThat(r.alert().hasRegion()).isFalse();
      assertThat(r.isOpen()).isTrue();
      assertThat(r.deliveries()).isEmpty();
    });
  }

  @Test
  void notifiesNewAlertsOnceRoutedByRegionAndSeverity() throws Exception {
    engine = engineBuilder().rule(unfilled).build();
    EvaluationReport first = engine.evaluate();
    awaitDeliveries();
    assertThat(first.raised()).isEqualTo(first.alerts()).isPositive();
    assertThat(first.rulesRun()).containsExactly(UnfilledShiftRule.ID);

    AlertRecord friday = recordFor(P.openFridayAfternoonVisit());
    assertThat(friday.alert().severity()).isEqualTo(Severity.WARNING);
    // WARNING goes by email and to the dashboard of the region's schedulers, not by SMS.
    assertThat(friday.deliveries()).extracting(Delivery::channel, Delivery::recipientId, Delivery::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, "east-schedulers", Delivery.Status.DELIVERED),
            org.assertj.core.groups.Tuple.tuple(Channel.DASHBOARD, "east-schedulers", Delivery.Status.DELIVERED));
    assertThat(friday.deliveryState()).isEqualTo(AlertRecord.DeliveryState.DELIVERED);
    Notification mail = email.delivered.stream()
        .filter(n -> n.attribute(Notification.SHIFT).orElse("").equals(P.openFridayAfternoonVisit()))
        .findFirst().orElseThrow();
    assertThat(mail.recipient()).isEqualTo("east@agency.example");
    assertThat(mail.subject()).isEqualTo("WARNING: Unfilled shift");
    assertThat(mail.text()).contains("Sarah has 85% match");
    // Vancouver's alerts go to Vancouver's schedulers only.
    assertThat(email.delivered).allSatisfy(n -> assertThat(n.recipient()).isEqualTo(
        n.attribute(Notification.REGION).orElseThrow().equals("vancouver") ? "west@agency.example" : "east@agency.example"));
    assertThat(dashboard.feed("east-schedulers", 100)).extracting(DashboardNotifier.FeedItem::notificationId)
        .contains(friday.deliveries().stream().filter(d -> d.channel().equals(Channel.DASHBOARD)).findFirst()
            .orElseThrow().notificationId());
    // URGENT alerts go by SMS only (a Vancouver shift starts within 3 hours).
    assertThat(sms.delivered).isNotEmpty().allSatisfy(n -> {
      assertThat(n.attribute(Notification.SEVERITY)).contains("URGENT");
      assertThat(n.recipient()).isEqualTo("+16045550100");
    });
    assertThat(email.delivered).noneMatch(n -> n.attribute(Notification.SEVERITY).orElseThrow().equals("URGENT"));

    EvaluationReport second = engine.evaluate();
    awaitDeliveries();
    assertThat(second.raised()).isZero();
    assertThat(second.suppressed()).isEqualTo(first.alerts());
    assertThat(second.notificationsQueued()).isZero();
    assertThat(email.delivered.size() + sms.delivered.size() + dashboard.feed("east-schedulers", 1000).size()
        + dashboard.feed("west-schedulers", 1000).size()).isEqualTo(first.notificationsQueued());
  }

  @Test
  void escalatesBySmsWhenTheShiftGetsCloseThenStaysQuiet() throws Exception {
    engine = engineBuilder().rule(unfilled).build();
    engine.evaluate();
    awaitDeliveries();
    clock.advance(Duration.ofMinutes(90)); // 11:30: the Friday 2 PM shift is within 3 hours
    EvaluationReport later = engine.evaluate();
    awaitDeliveries();
    assertThat(later.escalated()).isPositive();
    assertThat(sms.delivered).anySatisfy(n -> {
      assertThat(n.attribute(Notification.SHIFT)).contains(P.openFridayAfternoonVisit());
      assertThat(n.recipient()).isEqualTo("+14165550100");
      assertThat(n.attribute(Notification.SEVERITY)).contains("URGENT");
    });
    AlertRecord friday = recordFor(P.openFridayAfternoonVisit());
    assertThat(friday.notifiedSeverity()).isEqualTo(Severity.URGENT);
    assertThat(friday.deliveries()).hasSize(3); // email + dashboard, then SMS
    int smsBefore = sms.delivered.size();
    clock.advance(Duration.ofMinutes(30));
    engine.evaluate();
    awaitDeliveries();
    assertThat(sms.delivered).hasSize(smsBefore);
  }

  @Test
  void anUnfilledShiftIsInfoByEmailADayAheadAndUrgentBySmsThreeHoursAhead() throws Exception {
    // A window longer than the wait: only the rise in severity sends it again.
    engine = engineBuilder().rule(unfilled).suppressionWindow(Duration.ofDays(1)).build();
    engine.evaluate(); // Friday 10 AM: the Saturday 7 AM shift is 21 hours away
    awaitDeliveries();
    AlertRecord dayAhead = recordFor(P.openSaturdayMorningVisit());
    assertThat(dayAhead.notifiedSeverity()).isEqualTo(Severity.INFO);
    assertThat(dayAhead.deliveries()).extracting(Delivery::channel)
        .containsExactlyInAnyOrder(Channel.EMAIL, Channel.DASHBOARD);
    assertThat(sms.delivered).noneMatch(n -> n.attribute(Notification.SHIFT).orElse("")
        .equals(P.openSaturdayMorningVisit()));

    clock.advance(Duration.ofMinutes(18 * 60 + 30)); // Saturday 4:30 AM: it starts within three hours
    EvaluationReport early = engine.evaluate();
    awaitDeliveries();
    assertThat(early.escalated()).isPositive();
    AlertRecord urgent = recordFor(P.openSaturdayMorningVisit());
    assertThat(urgent.id()).isEqualTo(dayAhead.id());
    assertThat(urgent.notifiedSeverity()).isEqualTo(Severity.URGENT);
    assertThat(urgent.deliveries()).extracting(Delivery::channel, Delivery::severity, Delivery::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, Severity.INFO, Delivery.Status.DELIVERED),
            org.assertj.core.groups.Tuple.tuple(Channel.DASHBOARD, Severity.INFO, Delivery.Status.DELIVERED),
            org.assertj.core.groups.Tuple.tuple(Channel.SMS, Severity.URGENT, Delivery.Status.DELIVERED));
    assertThat(sms.delivered).filteredOn(n -> n.attribute(Notification.SHIFT).orElse("")
        .equals(P.openSaturdayMorningVisit())).singleElement().satisfies(n -> {
          assertThat(n.recipient()).isEqualTo("+14165550100");
          assertThat(n.text()).startsWith("Saturday 7 AM shift with Mrs. Anderson unfilled - Sarah has 85% match");
        });

    clock.advance(Duration.ofMinutes(30)); // still URGENT, inside the window: not sent again
    EvaluationReport again = engine.evaluate();
    awaitDeliveries();
    assertThat(recordFor(P.openSaturdayMorningVisit()).deliveries()).hasSize(3);
    assertThat(again.suppressed()).isPositive();
  }

  @Test
  void aShiftThatFlapsWithinTheWindowIsNotSentAgain() throws Exception {
    engine = engineBuilder().rule(unfilled).build();
    engine.evaluate();
    awaitDeliveries();
    AlertRecord first = recordFor(P.openFridayAfternoonVisit());
    Visit open = index.visit(P.openFridayAfternoonVisit()).orElseThrow();
    Visit filled = open.toBuilder().caregiverId(P.fridayAfternoonAccepter()).status(VisitStatus.SCHEDULED).build();
    clock.advance(Duration.ofMinutes(20));
    assertThat(engine.apply(List.of(Change.updated(open, filled))).resolved()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(20)); // Sarah drops it again: same rule, same shift, same severity
    EvaluationReport reopened = engine.apply(List.of(Change.updated(filled, open)));
    awaitDeliveries();
    assertThat(reopened.suppressed()).isEqualTo(1);
    assertThat(reopened.notificationsQueued()).isZero();
    AlertRecord again = recordFor(P.openFridayAfternoonVisit());
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.isOpen()).isTrue();
    assertThat(again.deliveries()).hasSize(first.deliveries().size());
  }

  @Test
  void remindsWhenTheSuppressionWindowHasPassed() throws Exception {
    engine = engineBuilder().rule(unfilled).suppressionWindow(Duration.ofHours(2)).build();
    engine.evaluate();
    awaitDeliveries();
    AlertRecord saturday = recordFor(P.openSaturdayMorningVisit());
    clock.advance(Duration.ofHours(1));
    assertThat(engine.evaluate().reminded()).isZero();
    clock.advance(Duration.ofMinutes(61));
    EvaluationReport report = engine.evaluate();
    awaitDeliveries();
    assertThat(report.reminded()).isPositive();
    AlertRecord again = recordFor(P.openSaturdayMorningVisit());
    assertThat(again.id()).isEqualTo(saturday.id());
    assertThat(again.deliveries()).hasSize(4);
  }

  @Test
  void aSingleVisitChangeTouchesOnlyWhatItAffectsAndResolvesTheAlert() throws Exception {
    engine = engineBuilder().rules(BuiltInRules.all((shift, view, c, limit) -> List.of())).build();
    EvaluationReport full = engine.evaluate();
    awaitDeliveries();
    Visit friday = index.visit(P.openFridayAfternoonVisit()).orElseThrow();
    Visit filled = friday.toBuilder().caregiverId(P.fridayAfternoonAccepter()).status(VisitStatus.SCHEDULED).build();
    EvaluationReport one = engine.apply(List.of(Change.updated(friday, filled)));

    assertThat(one.resolved()).isEqualTo(1);
    assertThat(engine.store().latest(UnfilledShiftRule.ID, com.optimalworkforce.alerts.rules.Subject.shift(friday.id())))
        .hasValueSatisfying(r -> assertThat(r.isOpen()).isFalse());
    assertThat(one.raised()).isZero();
    assertThat(one.recordsRead()).as("records read after one change: %s, in a full run: %s", one.recordsReadByRule(),
        full.recordsReadByRule()).isLessThan(full.recordsRead() / 10).isLessThan(30);
  }

  @Test
  void anOutageIsRetriedAndLosesNothing() throws Exception {
    email.failNext.set(2);
    engine = engineBuilder().rule(CapacityRule.builder().capacity("vancouver", 100_000).build()).build();
    EvaluationReport report = engine.evaluate();
    awaitDeliveries();
    assertThat(report.raised()).isPositive();
    AlertRecord east = engine.feed(AlertQuery.builder().region("toronto-east").build()).get(0);
    Delivery mail = east.deliveries().stream().filter(d -> d.channel().equals(Channel.EMAIL)).findFirst().orElseThrow();
    assertThat(mail.status()).isEqualTo(Delivery.Status.DELIVERED);
    assertThat(email.delivered).extracting(Notification::id).contains(mail.notificationId());
    assertThat(audit.entries()).filteredOn(e -> e.action().equals("alert.notification.sent")
        && e.details().get("alert").equals(east.id()) && e.details().get("channel").equals("email"))
        .singleElement().satisfies(e -> assertThat(e.details()).containsEntry("attempts", "3"));
  }

  @Test
  void aLongOutageMarksTheAlertUndeliveredWithTheReason() throws Exception {
    email.down = true;
    engine = engineBuilder().rule(CapacityRule.ofDefaults()).build();
    engine.evaluate();
    awaitDeliveries();
    AlertRecord east = engine.feed(AlertQuery.builder().region("toronto-east").build()).get(0);
    assertThat(east.deliveryState()).isEqualTo(AlertRecord.DeliveryState.UNDELIVERED);
    assertThat(east.undeliveredReason()).hasValue(
        "email to east-schedulers: gave up after 3 attempts: Simulated outage (503)");
    assertThat(email.attempts.get()).isEqualTo(3 * engine.feed(AlertQuery.all()).size());
    assertThat(audit.entries()).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("alert.notification.undelivered");
      assertThat(e.details()).containsEntry("alert", east.id()).containsEntry("channel", "email")
          .containsEntry("reason", "gave up after 3 attempts: Simulated outage (503)");
    });
    // The dashboard delivery of the same alert went through.
    assertThat(east.deliveries()).anySatisfy(d -> {
      assertThat(d.channel()).isEqualTo(Channel.DASHBOARD);
      assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED);
    });
  }

  @Test
  void aRejectionIsNotRetried() throws Exception {
    email.rejecting = true;
    engine = engineBuilder().rule(CapacityRule.ofDefaults()).build();
    engine.evaluate();
    awaitDeliveries();
    AlertRecord east = engine.feed(AlertQuery.builder().region("toronto-east").build()).get(0);
    assertThat(east.deliveries()).filteredOn(d -> d.channel().equals(Channel.EMAIL)).singleElement()
        .satisfies(d -> {
          assertThat(d.attempts()).isEqualTo(1);
          assertThat(d.reason()).isEqualTo("The number is not a valid phone number");
        });
  }

  @Test
  void pendingDeliveriesResumeInANewEngineOnTheSameStore() throws Exception {
    AlertStore store = AlertStore.inMemory();
    email.down = true;
    RetryPolicy slow = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMinutes(10))
        .maxBackoff(Duration.ofMinutes(10)).jitter(0).build();
    try (AlertEngine first = engineBuilder().store(store).deliveryRetry(slow).rule(CapacityRule.ofDefaults()).build()) {
      first.evaluate();
      while (email.attempts.get() < 2) { // wait for the first attempts to fail
        Thread.sleep(5);
      }
    }
    assertThat(store.pendingDelivery()).isNotEmpty();
    email.down = false;
    engine = engineBuilder().store(store).rule(CapacityRule.ofDefaults()).build();
    awaitDeliveries();
    assertThat(store.pendingDelivery()).isEmpty();
    assertThat(store.query(AlertQuery.all())).allSatisfy(r ->
        assertThat(r.deliveryState()).isEqualTo(AlertRecord.DeliveryState.DELIVERED));
  }

  @Test
  void auditsEveryNotificationWithRecipientChannelShiftRecommendationAndTimeButNoNames() throws Exception {
    engine = engineBuilder().rule(unfilled).build();
    engine.evaluate();
    awaitDeliveries();
    AlertRecord friday = recordFor(P.openFridayAfternoonVisit());
    List<AuditEntry> sent = audit.entries().stream().filter(e -> e.details().get("alert").equals(friday.id())).toList();
    assertThat(sent).hasSize(2).allSatisfy(e -> {
      assertThat(e.action()).isEqualTo("alert.notification.sent");
      assertThat(e.details()).containsEntry("recipient", "east-schedulers")
          .containsEntry("shift", P.openFridayAfternoonVisit())
          .containsEntry("recommended", P.fridayAfternoonAccepter())
          .containsEntry("time", clock.instant().toString())
          .containsKey("channel");
      assertThat(e.details().values()).noneMatch(v -> v.contains("Sarah") || v.contains("Anderson"));
    });
    assertThat(audit.verify().ok()).isTrue();
  }

  @Test
  void rulesCanBePilotedOneByOneAndAFailingRuleDoesNotStopTheOthers() {
    AlertRule broken = new AlertRule() {
      @Override
      public String id() {
        return "broken";
      }

      @Override
      public List<Alert> evaluate(com.optimalworkforce.alerts.view.ScheduleView view, java.time.Clock c,
          com.optimalworkforce.alerts.rules.Scope scope) {
        throw new IllegalStateException("boom");
      }
    };
    engine = engineBuilder().rule(broken).disabledRule(unfilled).rule(CapacityRule.ofDefaults()).build();
    assertThat(engine.enabledRules()).containsExactly("broken", CapacityRule.ID);
    EvaluationReport report = engine.evaluate();
    assertThat(report.failedRules()).containsEntry("broken", "IllegalStateException");
    assertThat(report.rulesRun()).containsExactly(CapacityRule.ID);
    engine.enable(UnfilledShiftRule.ID);
    engine.disable("broken");
    assertThat(engine.evaluate().rulesRun()).containsExactly(UnfilledShiftRule.ID, CapacityRule.ID);
    assertThatThrownBy(() -> engine.enable("nope")).hasMessageContaining("No rule 'nope'");
  }

  @Test
  void scheduledRunsUseTheHostsExecutor() throws Exception {
    ScheduledExecutorService executor = Executors.newScheduledThreadPool(1);
    try {
      engine = engineBuilder().executor(executor).rule(unfilled).build();
      engine.start(Duration.ofMillis(20));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (engine.feed(AlertQuery.all()).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      engine.stop();
      assertThat(engine.feed(AlertQuery.builder().minSeverity(Severity.WARNING).build())).isNotEmpty();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aRoutedChannelWithoutANotifierFailsTheBuild() {
    assertThatThrownBy(() -> AlertEngine.builder(index, clock).routing(ROUTING).notifier(email).notifier(dashboard)
        .build()).hasMessageContaining("sends alerts by [sms] but no notifier was given");
    assertThatThrownBy(() -> AlertEngine.builder(index, clock).rule(unfilled).rule(UnfilledShiftRule.ofDefaults()))
        .hasMessageContaining("two rules have the id 'unfilled-shift'");
  }
}
