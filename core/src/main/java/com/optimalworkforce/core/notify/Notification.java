package com.optimalworkforce.core.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message for one recipient on one channel. Its text may name caregivers and clients: it is
 * meant for schedulers in the agency zone, and notifiers never log it at INFO or above.
 *
 * <pre>{@code
 * Notification n = Notification.builder(Channel.EMAIL, "east-schedulers@agency.example")
 *     .id("alert-42/east-schedulers/email")
 *     .subject("URGENT: unfilled shift")
 *     .text("Friday 2 PM shift unfilled - Sarah has 85% match (accepted 6/7 similar shifts).")
 *     .attribute(Notification.SEVERITY, "URGENT")
 *     .build();
 * }</pre>
 *
 * @param id identifies this delivery (stable across retries of the same delivery, so a notifier
 *     or a receiving system can recognise a repeat)
 * @param channel the channel it goes out on
 * @param recipient the address on that channel: a phone number in E.164 form for SMS, an email
 *     address, the name of a configured Slack webhook, a dashboard feed name
 * @param subject a short headline (email subject, first line elsewhere)
 * @param text the message
 * @param attributes machine-readable context (see the constants), never shown as the message
 */
public record Notification(
    String id, Channel channel, String recipient, String subject, String text, Map<String, String> attributes) {

  /** Attribute: the alert's severity, e.g. {@code URGENT}. */
  public static final String SEVERITY = "severity";
  /** Attribute: the region the alert concerns (absent when it has none). */
  public static final String REGION = "region";
  /** Attribute: the id of the alert being delivered. */
  public static final String ALERT_ID = "alertId";
  /** Attribute: the rule that raised the alert. */
  public static final String RULE = "rule";
  /** Attribute: the shift (visit id) the alert concerns, when it concerns one. */
  public static final String SHIFT = "shift";

  public Notification {
    id = required("id", id);
    Objects.requireNonNull(channel, "channel");
    recipient = required("recipient", recipient);
    subject = subject == null ? "" : subject.strip();
    text = required("text", text);
    Objects.requireNonNull(attributes, "attributes");
    attributes = Map.copyOf(attributes);
  }

  private static String required(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException("Notification: " + name + " is blank; give it a value");
    }
    return value;
  }

  public static Builder builder(Channel channel, String recipient) {
    return new Builder(channel, recipient);
  }

  /** An attribute, if present. */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** Leaves out the text and recipient: they can hold names and phone numbers. */
  @Override
  public String toString() {
    return "Notification[id=" + id + ", channel=" + channel + ", attributes=" + attributes + "]";
  }

  /** Builds a {@link Notification}; {@link #build()} checks the required values. */
  public static final class Builder {
    private final Channel channel;
    private final String recipient;
    private String id;
    private String subject = "";
    private String text;
    private final Map<String, String> attributes = new LinkedHashMap<>();

    private Builder(Channel channel, String recipient) {
      this.channel = Objects.requireNonNull(channel, "channel");
      this.recipient = Objects.requireNonNull(recipient, "recipient");
    }

    /** The delivery id; default: derived from the channel, recipient and text. */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    public Builder subject(String subject) {
      this.subject = Objects.requireNonNull(subject, "subject");
      return this;
    }

    public Builder text(String text) {
      this.text = Objects.requireNonNull(text, "text");
      return this;
    }

    public Builder attribute(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      attributes.put(name, value);
      return this;
    }

    public Builder attributes(Map<String, String> attributes) {
      Objects.requireNonNull(attributes, "attributes").forEach(this::attribute);
      return this;
    }

    public Notification build() {
      if (text == null) {
        throw new IllegalStateException("Notification: text is required; call text(...)");
      }
      String theId = id != null ? id
          : channel.id() + "-" + Integer.toHexString(Objects.hash(recipient, subject, text, attributes));
      return new Notification(theId, channel, recipient, subject, text, attributes);
    }
  }
}
