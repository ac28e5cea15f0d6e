package com.optimalworkforce.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.alerts.engine.AlertEngine;
import com.optimalworkforce.alerts.engine.EvaluationReport;
import com.optimalworkforce.alerts.notify.DashboardNotifier;
import com.optimalworkforce.alerts.routing.AlertRouting;
import com.optimalworkforce.alerts.routing.Recipient;
import com.optimalworkforce.alerts.routing.Route;
import com.optimalworkforce.alerts.rules.Alert;
import com.optimalworkforce.alerts.rules.AlertRule;
import com.optimalworkforce.alerts.rules.BackupFinder;
import com.optimalworkforce.alerts.rules.BuiltInRules;
import com.optimalworkforce.alerts.rules.CapacityRule;
import com.optimalworkforce.alerts.rules.MatchScorerBackups;
import com.optimalworkforce.alerts.rules.Scope;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.alerts.rules.Subject;
import com.optimalworkforce.alerts.rules.UnfilledShiftRule;
import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.scoring.MatchScorer;
import com.optimalworkforce.alerts.store.AlertQuery;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.AuditLog;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The code of docs/alerts.md, run: each tagged region is pulled into the guide. */
class AlertsGuideExamplesTest {
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  final MutableClock clock = MutableClock.at(AGENCY.now());
  final List<Notification> sent = new ArrayList<>();
  AlertEngine engine;

  /** Stands in for the Twilio and SMTP notifiers, which have their own tests against real servers. */
  Notifier recording(Channel channel) {
    return new Notifier() {
      @Override
      public Channel channel() {
        return channel;
      }

      @Override
      public DeliveryResult send(Notification n) {
        sent.add(n);
        return DeliveryResult.delivered(null);
      }
    };
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void wiring() throws Exception {
    Notifier twilioSms = recording(Channel.SMS);
    Notifier smtpEmail = recording(Channel.EMAIL);
    AuditLog auditLog = AuditLog.inMemory(clock);
    List<Change> initialLoad = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      AGENCY.records(type).forEach(r -> initialLoad.add(Change.created(r)));
    }
    // tag::wiring[]
    ScheduleIndex index = ScheduleIndex.create(clock);        // the schedule, indexed for the rules
    MatchHistory history = MatchHistory.create();             // what the scorer learns from
    BackupFinder backups = BackupFinder.cached(MatchScorerBackups.of(MatchScorer.create(history, clock)),
        Duration.ofMinutes(15));                              // rank each shift version once

    Recipient east = Recipient.builder("east-schedulers")
        .sms("+14165550100").email("east-schedulers@agency.example").build();
    DashboardNotifier dashboard = DashboardNotifier.create(clock);

    AlertEngine engine = AlertEngine.builder(index, clock)
        .rules(BuiltInRules.all(backups))
        .changeListener(history)                              // fed before each run
        .routing(AlertRouting.builder()
            .route(Route.builder().region("toronto-east").to(east).build())
            .build())                                         // URGENT by SMS, the rest by email + dashboard
        .notifier(twilioSms).notifier(smtpEmail).notifier(dashboard)
        .auditLog(auditLog)
        .build();

    engine.onChanges(initialLoad);      // register the engine as the sync's ChangeListener
    engine.start(Duration.ofMinutes(5)); // and run every rule on a schedule
    // end::wiring[]
    this.engine = engine;
    engine.stop();
    assertThat(engine.awaitDeliveries(Duration.ofSeconds(20))).isTrue();
    assertThat(sent).isNotEmpty().allSatisfy(n -> assertThat(n.attribute(Notification.REGION)).contains("toronto-east"));
    assertThat(dashboard.feed("east-schedulers", 100)).isNotEmpty();
    assertThat(auditLog.entries()).hasSize(sent.size() + dashboard.feed("east-schedulers", 1000).size());
    assertThat(engine.feed(AlertQuery.builder().rule(UnfilledShiftRule.ID).build())).isNotEmpty();
  }

  @Test
  void pilotAndFeed() {
    ScheduleIndex index = Fixtures.index(AGENCY, clock);
    // tag::pilot[]
    AlertEngine engine = AlertEngine.builder(index, clock)
        .rule(UnfilledShiftRule.builder().horizon(Duration.ofHours(12)).build())  // pilot one workflow
        .disabledRule(CapacityRule.builder().capacity("toronto-east", 450).build())
        .build();
    EvaluationReport report = engine.evaluate();
    engine.enable(CapacityRule.ID);                                             // later: switch on another

    List<AlertRecord> feed = engine.feed(AlertQuery.builder()
        .region("toronto-east").minSeverity(Severity.WARNING)
        .since(clock.instant().minus(Duration.ofDays(1))).openOnly(true)
        .build());
    for (AlertRecord r : feed) {
      System.out.println(r.alert().severity() + " " + r.alert().message() + " [" + r.deliveryState() + "]");
    }
    // end::pilot[]
    this.engine = engine;
    assertThat(report.rulesRun()).containsExactly(UnfilledShiftRule.ID);
    assertThat(feed).isNotEmpty().allSatisfy(r -> assertThat(r.alert().severity()).isIn(Severity.WARNING,
        Severity.URGENT));
    assertThat(engine.evaluate().rulesRun()).containsExactly(UnfilledShiftRule.ID, CapacityRule.ID);
  }

  // tag::custom-rule[]
  /** Shifts of 12 hours or more starting tomorrow: a rule of the agency's own. */
  static final class LongShiftRule implements AlertRule {
    @Override
    public String id() {
      return "long-shift";
    }

    @Override
    public List<Alert> evaluate(ScheduleView view, Clock clock, Scope scope) {
      Instant now = clock.instant();
      List<Alert> out = new ArrayList<>();
      for (Visit v : view.visitsStarting(now, now.plus(Duration.ofDays(1)))) {
        if (scope.coversShift(v.id()) && v.hours() >= 12 && v.status() == VisitStatus.SCHEDULED) {
          out.add(Alert.builder(id(), Subject.shift(v.id())).title("Long shift").region(v.regionId())
              .shift(v.id()).message("A " + Math.round(v.hours()) + "-hour shift starts "
                  + v.localStart().getDayOfWeek() + ": check the caregiver's breaks.")
              .build());
        }
      }
      return out;
    }
  }
  // end::custom-rule[]

  @Test
  void customRule() {
    ScheduleIndex index = ScheduleIndex.create(clock);
    index.put(Fixtures.visit("C1", "E1", java.time.LocalDateTime.of(2026, 11, 21, 7, 0), 12.5));
    index.put(Fixtures.visit("C1", "E2", java.time.LocalDateTime.of(2026, 11, 21, 7, 0), 4));
    assertThat(new LongShiftRule().evaluate(index, clock, Scope.all())).singleElement()
        .satisfies(a -> assertThat(a.message()).isEqualTo("A 13-hour shift starts SATURDAY: check the caregiver's breaks."));
  }
}
