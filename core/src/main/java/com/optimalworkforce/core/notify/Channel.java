package com.optimalworkforce.core.notify;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A way of reaching people: {@link #SMS}, {@link #EMAIL}, {@link #SLACK}, {@link #DASHBOARD}, or
 * one the host adds with {@link #of(String)}.
 *
 * <pre>{@code
 * Channel teams = Channel.of("teams");
 * Channel.SMS.id();   // "sms"
 * }</pre>
 *
 * @param id a lower-case name: letters, digits and dashes, starting with a letter
 */
public record Channel(String id) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** Text messages to a phone number. */
  public static final Channel SMS = new Channel("sms");
  /** Email to an address. */
  public static final Channel EMAIL = new Channel("email");
  /** A Slack channel through an incoming webhook. */
  public static final Channel SLACK = new Channel("slack");
  /** A feed the host's own UI shows. */
  public static final Channel DASHBOARD = new Channel("dashboard");

  public Channel {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Channel id '" + id
          + "' is not valid: use 1-40 lower-case letters, digits and dashes, starting with a letter (e.g. 'sms')");
    }
  }

  public static Channel of(String id) {
    return new Channel(id);
  }

  @Override
  public String toString() {
    return id;
  }
}
