package com.optimalworkforce.alerts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.alerts.notify.DashboardNotifier;
import com.optimalworkforce.alerts.routing.AlertRouting;
import com.optimalworkforce.alerts.routing.Recipient;
import com.optimalworkforce.alerts.routing.Route;
import com.optimalworkforce.alerts.rules.LastMinuteOpeningRule;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.alerts.rules.UnfilledShiftRule;
import com.optimalworkforce.alerts.store.AlertQuery;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.InMemoryConnector;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine as the sync's change listener: a real {@link SyncEngine} reads the synthetic agency
 * through the in-memory connector, and every sync (the initial one, then incremental re-reads)
 * re-runs the rules on what it changed. Nothing here calls {@code evaluate()}.
 */
class AlertEngineAfterSyncTest {
  final SyntheticAgency agency = SyntheticAgency.small();
  final BehaviourProfiles p = agency.profiles().orElseThrow();
  final MutableClock clock = MutableClock.at(agency.now());
  final DashboardNotifier dashboard = DashboardNotifier.create(clock);
  final AlertEngine engine = AlertEngine.builder(ScheduleIndex.create(clock), clock)
      .rule(UnfilledShiftRule.ofDefaults())
      .rule(LastMinuteOpeningRule.ofDefaults())
      .routing(AlertRouting.builder()
          .channels(Severity.INFO, Channel.DASHBOARD).channels(Severity.WARNING, Channel.DASHBOARD)
          .channels(Severity.URGENT, Channel.DASHBOARD)
          .route(Route.builder().region("toronto-east").to(Recipient.builder("east-schedulers").build()).build())
          .build())
      .notifier(dashboard)
      .build();
  final SyncEngine sync = SyncEngine.builder("agency-1",
          InMemoryConnector.builder(agency).apiKey(agency.apiKey()).build())
      .scheduleStore(InMemoryScheduleStore.create()).integrationStore(InMemoryIntegrationStore.create())
      .clock(clock).listener(engine).build();
  final Set<String> regions = agency.regions().stream().map(Region::id).collect(Collectors.toSet());

  @AfterEach
  void close() {
    engine.close();
  }

  private SyncReport syncNow() throws InterruptedException {
    SyncReport report = sync.sync(regions);
    assertThat(report.completed()).as(report.failure().orElse("")).isTrue();
    assertThat(engine.awaitDeliveries(Duration.ofSeconds(10))).isTrue();
    return report;
  }

  private Optional<AlertRecord> latest(String ruleId, String visitId) {
    return engine.feed(AlertQuery.builder().rule(ruleId).build()).stream()
        .filter(r -> visitId.equals(r.alert().shiftId())).findFirst();
  }

  @Test
  void eachSyncReRunsTheRulesOnWhatItChanged() throws Exception {
    syncNow(); // the initial sync: every record is a change
    assertThat(latest(UnfilledShiftRule.ID, p.openFridayAfternoonVisit()))
        .hasValueSatisfying(r -> assertThat(r.alert().severity()).isEqualTo(Severity.WARNING));
    assertThat(latest(LastMinuteOpeningRule.ID, p.lastMinuteOpenVisit())).hasValueSatisfying(r ->
        assertThat(r.alert().message()).startsWith("Tom's Saturday 10 AM shift with Mr. Davis now open."));
    assertThat(dashboard.feed("east-schedulers", 1_000)).extracting(i -> i.attribute(Notification.SHIFT).orElse(""))
        .contains(p.openFridayAfternoonVisit(), p.lastMinuteOpenVisit());

    // In the source, the next booked shift more than 4 hours away (and within 20) loses its caregiver.
    Visit booked = agency.visits().filter(v -> v.regionId().equals("toronto-east")
            && v.status() == VisitStatus.SCHEDULED && v.caregiverId() != null
            && v.start().isAfter(clock.instant().plus(Duration.ofHours(4)))
            && v.start().isBefore(clock.instant().plus(Duration.ofHours(20))))
        .min(Comparator.comparing(Visit::start)).orElseThrow();
    String name = agency.caregivers().stream().filter(c -> c.id().equals(booked.caregiverId())).findFirst()
        .orElseThrow().name().informal();
    agency.put(booked.toBuilder().caregiverId(null).status(VisitStatus.OPEN).build());
    clock.advance(Duration.ofMinutes(10));
    SyncReport second = syncNow();

    assertThat(second.updated()).isEqualTo(1);
    assertThat(latest(LastMinuteOpeningRule.ID, booked.id())).hasValueSatisfying(r -> {
      assertThat(r.isOpen()).isTrue();
      assertThat(r.alert().message()).startsWith(name + "'s ").contains(" now open. ");
      assertThat(r.deliveryState()).isEqualTo(AlertRecord.DeliveryState.DELIVERED);
    });
    assertThat(latest(UnfilledShiftRule.ID, booked.id())).hasValueSatisfying(r -> assertThat(r.isOpen()).isTrue());

    // The shift is staffed again in the source: the next sync resolves both alerts.
    agency.put(booked);
    clock.advance(Duration.ofMinutes(10));
    syncNow();
    for (String rule : List.of(LastMinuteOpeningRule.ID, UnfilledShiftRule.ID)) {
      assertThat(latest(rule, booked.id())).as(rule).hasValueSatisfying(r -> assertThat(r.isOpen()).isFalse());
    }
    assertThat(latest(UnfilledShiftRule.ID, p.openFridayAfternoonVisit()))
        .hasValueSatisfying(r -> assertThat(r.isOpen()).isTrue());
  }
}
