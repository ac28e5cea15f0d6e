package com.optimalworkforce.alerts.engine;

import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A notifier for engine tests: records what it delivered, and can be down or reject. */
final class TestNotifier implements Notifier {
  final Channel channel;
  final List<Notification> delivered = new CopyOnWriteArrayList<>();
  final AtomicInteger attempts = new AtomicInteger();
  final AtomicInteger failNext = new AtomicInteger();
  volatile boolean down;
  volatile boolean rejecting;

  TestNotifier(Channel channel) {
    this.channel = channel;
  }

  @Override
  public Channel channel() {
    return channel;
  }

  @Override
  public DeliveryResult send(Notification n) {
    Objects.requireNonNull(n, "notification");
    attempts.incrementAndGet();
    if (rejecting) {
      return DeliveryResult.rejected("The number is not a valid phone number");
    }
    if (down || failNext.getAndUpdate(x -> Math.max(0, x - 1)) > 0) {
      return DeliveryResult.retryable("Simulated outage (503)");
    }
    delivered.add(n);
    return DeliveryResult.delivered("T" + delivered.size());
  }

  List<String> alertIds() {
    return delivered.stream().map(n -> n.attribute(Notification.ALERT_ID).orElseThrow()).toList();
  }
}
