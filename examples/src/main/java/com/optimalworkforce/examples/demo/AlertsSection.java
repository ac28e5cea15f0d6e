package com.optimalworkforce.examples.demo;

import com.optimalworkforce.alerts.engine.AlertEngine;
import com.optimalworkforce.alerts.notify.DashboardNotifier;
import com.optimalworkforce.alerts.routing.AlertRouting;
import com.optimalworkforce.alerts.routing.Recipient;
import com.optimalworkforce.alerts.routing.Route;
import com.optimalworkforce.alerts.rules.BuiltInRules;
import com.optimalworkforce.alerts.rules.MatchScorerBackups;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.alerts.scoring.MatchExclusion;
import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.scoring.MatchRanking;
import com.optimalworkforce.alerts.scoring.MatchScore;
import com.optimalworkforce.alerts.scoring.MatchScorer;
import com.optimalworkforce.alerts.store.AlertQuery;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.security.FileAuditLog;
import com.optimalworkforce.testkit.MutableClock;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Section 4: the alert engine with the seven built-in rules, and a backup ranking for an open shift. */
final class AlertsSection {
  private final DemoContext c;
  private final PrintStream out;
  private final MutableClock clock;
  private final ScheduleIndex index;
  private final MatchHistory history;

  AlertsSection(DemoContext c) {
    this.c = c;
    this.out = c.out;
    this.clock = c.clock;
    this.index = c.index;
    this.history = c.history;
  }

  void run(FileAuditLog audit, ResultBuilder r) {
    MatchScorer scorer = MatchScorer.create(history, clock);
    DashboardNotifier dashboard = DashboardNotifier.create(clock);
    SchedulerInbox inbox = SchedulerInbox.create();
    Recipient schedulers = Recipient.builder("schedulers").dashboard("schedulers")
        .address(SchedulerInbox.CONSOLE, "scheduler-console").build();
    Channel[] channels = {Channel.DASHBOARD, SchedulerInbox.CONSOLE};
    AlertRouting routing = AlertRouting.builder()
        .channels(Severity.URGENT, channels).channels(Severity.WARNING, channels).channels(Severity.INFO, channels)
        .route(Route.builder().to(schedulers).build())
        .build();
    out.println("  AlertEngine with the 7 built-in rules at " + DemoContext.when(clock.instant())
        + ", over the synced schedule;"
        + " notifiers: dashboard and the scheduler's console");
    try (AlertEngine engine = AlertEngine.builder(index, clock).rules(BuiltInRules.all(MatchScorerBackups.of(scorer)))
        .routing(routing).notifier(dashboard).notifier(inbox).auditLog(audit).build()) {
      var report = engine.evaluate();
      awaitDeliveries(engine);
      r.alerts = alertsInRuleOrder(engine.feed(AlertQuery.builder().openOnly(true).build()));
      out.println("  " + report.alerts() + " alerts from " + report.rulesRun().size() + " rules in "
          + report.elapsed().toMillis() + " ms; " + inbox.received().size() + " reached the console, "
          + dashboard.feed("schedulers", 1000).size() + " the dashboard feed");
      out.println("  Each line: severity, region, the message as delivered (up to 4 per rule, most severe first)");
      Map<String, List<Notification>> byRule = new LinkedHashMap<>();
      BuiltInRules.ids().forEach(id -> byRule.put(id, new ArrayList<>()));
      for (Notification n : inbox.received()) {
        byRule.computeIfAbsent(n.attribute(Notification.RULE).orElse("other"), k -> new ArrayList<>()).add(n);
      }
      byRule.forEach((rule, notes) -> {
        out.println();
        out.println("  [" + rule + "] " + notes.size() + " alert" + (notes.size() == 1 ? "" : "s"));
        notes.stream().sorted(Comparator.comparingInt((Notification n) -> -severityRank(n))
            .thenComparing(Notification::text)).limit(4).forEach(n ->
            out.println("    " + DemoContext.pad(n.attribute(Notification.SEVERITY).orElse(""), 7) + " "
                + DemoContext.pad(n.attribute(Notification.REGION).orElse(""), 4) + " " + n.text()));
        if (notes.size() > 4) {
          out.println("    ... and " + (notes.size() - 4) + " more");
        }
      });
      r.ranking = ranking(scorer);
    }
  }

  private void awaitDeliveries(AlertEngine engine) {
    try {
      if (!engine.awaitDeliveries(Duration.ofSeconds(30))) {
        out.println("  (some deliveries were still pending after 30 s)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the alert engine delivered notifications", e);
    }
  }

  private static int severityRank(Notification n) {
    return n.attribute(Notification.SEVERITY).map(s -> Severity.valueOf(s).ordinal()).orElse(0);
  }


  private static List<AlertRecord> alertsInRuleOrder(List<AlertRecord> feed) {
    List<String> order = BuiltInRules.ids();
    List<AlertRecord> sorted = new ArrayList<>(feed);
    sorted.sort((a, b) -> {
      int byRule = Integer.compare(order.indexOf(a.alert().ruleId()), order.indexOf(b.alert().ruleId()));
      return byRule != 0 ? byRule : a.alert().message().compareTo(b.alert().message());
    });
    return sorted;
  }

  private MatchRanking ranking(MatchScorer scorer) {
    Visit shift = index.visit(c.fridayAfternoonShift).orElseThrow(() -> new IllegalStateException(
        "The open Friday 2 PM shift was not synced"));
    MatchRanking ranking = scorer.rank(shift);
    ZonedDateTime start = shift.start().atZone(shift.zone());
    String client = index.client(shift.clientId()).map(c -> DemoContext.formal(c.name())).orElse("the client");
    out.println();
    out.println("  Backups for the open " + start.format(DateTimeFormatter.ofPattern("EEEE h a", Locale.ENGLISH))
        + " shift with " + client + " (MatchScorer: chance each accepts if offered):");
    int rank = 0;
    for (MatchScore s : ranking.top(5)) {
      rank++;
      out.println("    " + rank + ". " + DemoContext.pad(DemoContext.shortName(s.caregiver().name()), 12)
          + String.format("%3d%%", s.percent())
          + "  " + s.reason());
    }
    out.println("    Excluded: " + ranking.excluded().size() + " caregivers");
    Map<String, Long> byReason = ranking.excluded().stream().collect(Collectors.groupingBy(
        e -> e.reason().description(), LinkedHashMap::new, Collectors.counting()));
    byReason.forEach((reason, count) -> out.println("      " + reason + ": " + count));
    for (MatchExclusion e : ranking.excluded().stream().limit(3).toList()) {
      out.println("      e.g. " + DemoContext.shortName(e.caregiver().name()) + ": " + e.reason().description()
          + (e.detail().isBlank() ? "" : " (" + e.detail() + ")"));
    }
    return ranking;
  }
}
