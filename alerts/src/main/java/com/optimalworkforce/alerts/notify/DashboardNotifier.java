package com.optimalworkforce.alerts.notify;

import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dashboard channel: keeps the latest notifications of each feed (a recipient's dashboard
 * address) in memory for the host's UI to show. A notification delivered again with the same id
 * (a retry) replaces its earlier copy, so the feed never shows it twice.
 *
 * <pre>{@code
 * DashboardNotifier dashboard = DashboardNotifier.create(clock);
 * AlertEngine engine = AlertEngine.builder(index, clock).notifier(dashboard).routing(routing).build();
 * for (DashboardNotifier.FeedItem item : dashboard.feed("east-schedulers", 20)) { render(item); }
 * }</pre>
 *
 * <p>For history, filters by region or severity and resolved alerts, query the engine's
 * {@code AlertStore} ({@code engine.feed(AlertQuery)}); this feed is what each person was sent.
 */
public final class DashboardNotifier implements Notifier {
  private final Clock clock;
  private final int capacity;
  private final Map<String, Deque<FeedItem>> feeds = new HashMap<>();

  /**
   * One entry of a feed.
   *
   * @param notificationId the notification's id
   * @param feed the feed it is in
   * @param at when it arrived
   * @param subject its headline
   * @param text its message
   * @param attributes severity, region, alert id, rule, shift
   */
  public record FeedItem(String notificationId, String feed, Instant at, String subject, String text,
      Map<String, String> attributes) {
    public FeedItem {
      attributes = Map.copyOf(attributes);
    }

    public Optional<String> attribute(String name) {
      return Optional.ofNullable(attributes.get(name));
    }

    /** Leaves out the text: it names people. */
    @Override
    public String toString() {
      return "FeedItem[" + notificationId + ", " + feed + ", " + at + ", " + attributes + "]";
    }
  }

  private DashboardNotifier(Clock clock, int capacity) {
    this.clock = clock;
    this.capacity = capacity;
  }

  /** A dashboard keeping the latest 1,000 notifications per feed. */
  public static DashboardNotifier create(Clock clock) {
    return create(clock, 1_000);
  }

  /** A dashboard keeping the latest {@code capacity} notifications per feed. */
  public static DashboardNotifier create(Clock clock, int capacity) {
    Objects.requireNonNull(clock, "clock");
    if (capacity < 1) {
      throw new IllegalArgumentException("DashboardNotifier: capacity must be at least 1 but was " + capacity);
    }
    return new DashboardNotifier(clock, capacity);
  }

  @Override
  public Channel channel() {
    return Channel.DASHBOARD;
  }

  @Override
  public synchronized DeliveryResult send(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    Deque<FeedItem> feed = feeds.computeIfAbsent(notification.recipient(), k -> new ArrayDeque<>());
    for (Iterator<FeedItem> it = feed.iterator(); it.hasNext(); ) {
      if (it.next().notificationId().equals(notification.id())) {
        it.remove();
      }
    }
    feed.addFirst(new FeedItem(notification.id(), notification.recipient(), clock.instant(), notification.subject(),
        notification.text(), notification.attributes()));
    while (feed.size() > capacity) {
      feed.removeLast();
    }
    return DeliveryResult.delivered(notification.id());
  }

  /** The latest items of a feed, newest first. */
  public synchronized List<FeedItem> feed(String feed, int limit) {
    Objects.requireNonNull(feed, "feed");
    if (limit < 1) {
      throw new IllegalArgumentException("DashboardNotifier: limit must be at least 1 but was " + limit);
    }
    return feeds.getOrDefault(feed, new ArrayDeque<>()).stream().limit(limit).toList();
  }

  /** The items of a feed that arrived at or after {@code since}, newest first. */
  public synchronized List<FeedItem> since(String feed, Instant since) {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(since, "since");
    List<FeedItem> out = new ArrayList<>();
    for (FeedItem item : feeds.getOrDefault(feed, new ArrayDeque<>())) {
      if (item.at().isBefore(since)) {
        break;
      }
      out.add(item);
    }
    return out;
  }

  @Override
  public synchronized String toString() {
    return "DashboardNotifier[feeds=" + feeds.size() + ", capacity=" + capacity + "]";
  }
}
