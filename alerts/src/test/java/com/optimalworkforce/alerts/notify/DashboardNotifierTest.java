package com.optimalworkforce.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DashboardNotifierTest {
  final MutableClock clock = MutableClock.at(Instant.parse("2026-11-20T15:00:00Z"));
  final DashboardNotifier dashboard = DashboardNotifier.create(clock, 3);

  private Notification n(String id, String feed) {
    return Notification.builder(Channel.DASHBOARD, feed).id(id).subject("Unfilled shift").text("text " + id)
        .attribute(Notification.SEVERITY, "WARNING").build();
  }

  @Test
  void keepsTheLatestItemsOfEachFeedNewestFirstAndARetryOnlyOnce() {
    for (String id : new String[] {"a", "b", "c", "d"}) {
      assertThat(dashboard.send(n(id, "east")).isDelivered()).isTrue();
      clock.advance(Duration.ofMinutes(1));
    }
    dashboard.send(n("x", "west"));
    assertThat(dashboard.feed("east", 10)).extracting(DashboardNotifier.FeedItem::notificationId)
        .containsExactly("d", "c", "b");
    dashboard.send(n("c", "east")); // the same notification again: moved to the top, not doubled
    assertThat(dashboard.feed("east", 10)).extracting(DashboardNotifier.FeedItem::notificationId)
        .containsExactly("c", "d", "b");
    assertThat(dashboard.since("east", Instant.parse("2026-11-20T15:03:00Z")))
        .extracting(DashboardNotifier.FeedItem::notificationId).containsExactly("c", "d");
    assertThat(dashboard.feed("west", 1)).singleElement()
        .satisfies(i -> assertThat(i.attribute(Notification.SEVERITY)).contains("WARNING"));
    assertThat(dashboard.feed("nobody", 5)).isEmpty();
    assertThat(dashboard.feed("east", 1).get(0).toString()).doesNotContain("text c");
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> DashboardNotifier.create(clock, 0)).hasMessageContaining("at least 1 but was 0");
    assertThatThrownBy(() -> dashboard.send(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("notification");
  }
}
