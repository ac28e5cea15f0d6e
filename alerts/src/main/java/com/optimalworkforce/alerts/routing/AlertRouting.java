package com.optimalworkforce.alerts.routing;

import com.optimalworkforce.alerts.rules.Alert;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.core.notify.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides who hears about an alert and how: the routes that match it (by region, rule and
 * severity) give the recipients, and the severity gives the channels. Defaults: URGENT by SMS,
 * WARNING and INFO by email and to the dashboard.
 *
 * <pre>{@code
 * AlertRouting routing = AlertRouting.builder()
 *     .route(Route.builder().region("toronto-east").to(eastSchedulers).build())
 *     .route(Route.builder().minSeverity(Severity.URGENT).to(onCallManager).build())
 *     .channels(Severity.WARNING, Channel.SLACK, Channel.DASHBOARD)
 *     .build();
 * }</pre>
 *
 * <p>{@link #build()} checks that every recipient has an address on every channel its routes can
 * use, so a missing phone number fails at start-up rather than when an urgent alert is due.
 */
public final class AlertRouting {
  private final List<Route> routes;
  private final Map<Severity, Set<Channel>> defaults;

  private AlertRouting(List<Route> routes, Map<Severity, Set<Channel>> defaults) {
    this.routes = List.copyOf(routes);
    this.defaults = defaults;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Routes nothing: alerts are stored for the dashboard feed only. */
  public static AlertRouting none() {
    return builder().build();
  }

  public List<Route> routes() {
    return routes;
  }

  /** The channels alerts of this severity go out on, unless a route says otherwise. */
  public Set<Channel> defaultChannels(Severity severity) {
    return defaults.get(severity);
  }

  /** Every channel some route can use. */
  public Set<Channel> channelsInUse() {
    Set<Channel> out = new LinkedHashSet<>();
    for (Route r : routes) {
      for (Severity s : Severity.values()) {
        if (s.isAtLeast(r.minSeverity())) {
          out.addAll(r.channels().getOrDefault(s, defaults.get(s)));
        }
      }
    }
    return out;
  }

  /** Where the alert goes: each recipient and channel once, in route order. */
  public List<Target> targets(Alert alert) {
    Objects.requireNonNull(alert, "alert");
    Map<String, Target> out = new LinkedHashMap<>();
    for (Route route : routes) {
      if (!route.matches(alert)) {
        continue;
      }
      Set<Channel> channels = route.channels().getOrDefault(alert.severity(), defaults.get(alert.severity()));
      for (Recipient recipient : route.recipients()) {
        for (Channel channel : channels) {
          recipient.address(channel).ifPresent(address ->
              out.putIfAbsent(recipient.id() + "|" + channel.id(), new Target(recipient, channel, address)));
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Builds an {@link AlertRouting}; {@link #build()} checks recipients against channels. */
  public static final class Builder {
    private final List<Route> routes = new ArrayList<>();
    private final Map<Severity, Set<Channel>> defaults = new EnumMap<>(Severity.class);

    private Builder() {
      defaults.put(Severity.URGENT, Set.of(Channel.SMS));
      defaults.put(Severity.WARNING, new LinkedHashSet<>(List.of(Channel.EMAIL, Channel.DASHBOARD)));
      defaults.put(Severity.INFO, new LinkedHashSet<>(List.of(Channel.EMAIL, Channel.DASHBOARD)));
    }

    public Builder route(Route route) {
      routes.add(Objects.requireNonNull(route, "route"));
      return this;
    }

    /** The default channels for a severity. */
    public Builder channels(Severity severity, Channel... channels) {
      Objects.requireNonNull(severity, "severity");
      if (channels.length == 0) {
        throw new IllegalArgumentException("AlertRouting: give at least one channel for " + severity);
      }
      defaults.put(severity, new LinkedHashSet<>(List.of(channels)));
      return this;
    }

    public AlertRouting build() {
      for (int i = 0; i < routes.size(); i++) {
        Route route = routes.get(i);
        for (Severity s : Severity.values()) {
          if (!s.isAtLeast(route.minSeverity())) {
            continue;
          }
          for (Channel channel : route.channels().getOrDefault(s, defaults.get(s))) {
            for (Recipient r : route.recipients()) {
              if (r.address(channel).isEmpty()) {
                throw new IllegalStateException("AlertRouting: recipient '" + r.id() + "' has no " + channel
                    + " address, but route " + (i + 1) + " sends " + s + " alerts by " + channel
                    + "; add the address to the recipient or set the route's channels for " + s);
              }
            }
          }
        }
      }
      Map<Severity, Set<Channel>> copy = new EnumMap<>(Severity.class);
      defaults.forEach((s, c) -> copy.put(s, Set.copyOf(c)));
      return new AlertRouting(routes, copy);
    }
  }
}
