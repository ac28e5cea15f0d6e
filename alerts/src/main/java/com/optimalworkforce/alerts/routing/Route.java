package com.optimalworkforce.alerts.routing;

import com.optimalworkforce.alerts.rules.Alert;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.core.notify.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which alerts go to which recipients: alerts of some regions (all by default), some rules (all by
 * default), from a minimum severity; optionally on other channels than the routing's defaults.
 *
 * <pre>{@code
 * Route east = Route.builder().region("toronto-east").to(eastSchedulers).build();
 * Route urgentToManager = Route.builder().minSeverity(Severity.URGENT).to(manager)
 *     .channels(Severity.URGENT, Channel.SMS, Channel.SLACK).build();
 * Route unplaced = Route.builder().region(Alert.NO_REGION).to(officeManager).build();
 * }</pre>
 *
 * <p>A route without regions covers every region and also the alerts that have none
 * ({@link Alert#NO_REGION}: a caregiver whose record and shifts are not known); a route with
 * regions covers those alerts only when it lists {@code Alert.NO_REGION}.
 *
 * @param regions the regions it covers; empty for all, alerts without a region included
 * @param rules the rule ids it covers; empty for all
 * @param minSeverity the lowest severity it covers
 * @param recipients who gets the alerts
 * @param channels channels per severity for this route; a severity not listed uses the routing's default
 */
public record Route(Set<String> regions, Set<String> rules, Severity minSeverity, List<Recipient> recipients,
    Map<Severity, Set<Channel>> channels) {

  public Route {
    regions = Set.copyOf(regions);
    rules = Set.copyOf(rules);
    Objects.requireNonNull(minSeverity, "minSeverity");
    recipients = List.copyOf(recipients);
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("Route: no recipients; add one with to(...)");
    }
    Map<Severity, Set<Channel>> copy = new EnumMap<>(Severity.class);
    channels.forEach((s, c) -> copy.put(s, Set.copyOf(c)));
    channels = Map.copyOf(copy);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when the alert belongs on this route. */
  public boolean matches(Alert alert) {
    return (regions.isEmpty() || regions.contains(alert.regionId()))
        && (rules.isEmpty() || rules.contains(alert.ruleId()))
        && alert.severity().isAtLeast(minSeverity);
  }

  /** Builds a {@link Route}. */
  public static final class Builder {
    private final Set<String> regions = new LinkedHashSet<>();
    private final Set<String> rules = new LinkedHashSet<>();
    private Severity minSeverity = Severity.INFO;
    private final List<Recipient> recipients = new ArrayList<>();
    private final Map<Severity, Set<Channel>> channels = new EnumMap<>(Severity.class);

    private Builder() {}

    /** A region the route covers; {@link Alert#NO_REGION} for the alerts that have none. */
    public Builder region(String regionId) {
      regions.add(Objects.requireNonNull(regionId, "regionId"));
      return this;
    }

    public Builder rule(String ruleId) {
      rules.add(Objects.requireNonNull(ruleId, "ruleId"));
      return this;
    }

    public Builder minSeverity(Severity minSeverity) {
      this.minSeverity = Objects.requireNonNull(minSeverity, "minSeverity");
      return this;
    }

    public Builder to(Recipient... recipients) {
      for (Recipient r : recipients) {
        this.recipients.add(Objects.requireNonNull(r, "recipient"));
      }
      return this;
    }

    /** Send alerts of this severity on these channels (instead of the routing's default). */
    public Builder channels(Severity severity, Channel... channels) {
      Objects.requireNonNull(severity, "severity");
      if (channels.length == 0) {
        throw new IllegalArgumentException("Route: give at least one channel for " + severity);
      }
      this.channels.put(severity, new LinkedHashSet<>(List.of(channels)));
      return this;
    }

    public Route build() {
      if (recipients.isEmpty()) {
        throw new IllegalStateException("Route: no recipients; add one with to(...)");
      }
      return new Route(regions, rules, minSeverity, recipients, channels);
    }
  }
}
