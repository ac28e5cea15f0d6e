package com.optimalworkforce.alerts.notify;

import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.NotifierCompatibilityKit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * The dashboard notifier through the compatibility kit. Its "service" is its own in-memory feed:
 * what each dashboard created here holds is what it received. It has no service that can be down,
 * and no credentials, so the kit skips those two checks.
 */
class DashboardNotifierCompatibilityTest extends NotifierCompatibilityKit {
  final MutableClock clock = MutableClock.at(Instant.parse("2026-11-20T15:00:00Z"));
  final List<DashboardNotifier> dashboards = new CopyOnWriteArrayList<>();

  @Override
  protected Notifier newNotifier() {
    DashboardNotifier dashboard = DashboardNotifier.create(clock);
    dashboards.add(dashboard);
    return dashboard;
  }

  @Override
  protected String recipient() {
    return "east-schedulers";
  }

  @Override
  protected List<Received> received() {
    List<Received> out = new ArrayList<>();
    for (DashboardNotifier d : dashboards) {
      for (DashboardNotifier.FeedItem item : d.feed(recipient(), 1_000)) {
        out.add(new Received(item.feed(), item.text()));
      }
    }
    return out;
  }

  @Override
  protected Notifier newNotifierForUnavailableService() {
    Assumptions.abort("the dashboard feed is in memory in the host's process: there is no service to lose");
    throw new AssertionError("not reached");
  }
}
