package com.optimalworkforce.alerts.routing;

import com.optimalworkforce.core.notify.Channel;
import java.util.Objects;

/**
 * One place an alert goes: a recipient, a channel and the recipient's address there.
 *
 * <pre>{@code
 * for (Target t : routing.targets(alert)) { notifiers.get(t.channel()).send(...t.address()...); }
 * }</pre>
 *
 * @param recipient who
 * @param channel how
 * @param address where on that channel
 */
public record Target(Recipient recipient, Channel channel, String address) {
  public Target {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(address, "address");
  }

  /** Leaves out the address. */
  @Override
  public String toString() {
    return "Target[" + recipient.id() + ", " + channel + "]";
  }
}
