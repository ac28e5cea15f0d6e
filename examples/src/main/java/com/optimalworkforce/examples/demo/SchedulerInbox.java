package com.optimalworkforce.examples.demo;

import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A notifier of the demo's own (the {@link Notifier} SPI): keeps what a scheduler's console would
 * receive, so the demo prints it once the alert engine has delivered everything.
 *
 * <pre>{@code
 * SchedulerInbox inbox = SchedulerInbox.create();
 * AlertEngine engine = AlertEngine.builder(index, clock).notifier(inbox).routing(routing).build();
 * engine.evaluate();
 * engine.awaitDeliveries(Duration.ofSeconds(10));
 * inbox.received();   // in delivery order
 * }</pre>
 */
public final class SchedulerInbox implements Notifier {
  /** The channel this notifier serves; route alerts to it with a recipient address on it. */
  public static final Channel CONSOLE = Channel.of("console");

  private final List<Notification> received = new ArrayList<>();

  private SchedulerInbox() {}

  public static SchedulerInbox create() {
    return new SchedulerInbox();
  }

  @Override
  public Channel channel() {
    return CONSOLE;
  }

  @Override
  public synchronized DeliveryResult send(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    received.add(notification);
    return DeliveryResult.delivered(notification.id());
  }

  /** What was delivered so far. */
  public synchronized List<Notification> received() {
    return List.copyOf(received);
  }
}
