package com.optimalworkforce.alerts.routing;

import com.optimalworkforce.core.notify.Channel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone alerts go to (a scheduler, a team, an on-call phone) and their address on each channel.
 * The dashboard address defaults to the recipient's id.
 *
 * <pre>{@code
 * Recipient east = Recipient.builder("east-schedulers")
 *     .sms("+14165550100").email("east-schedulers@agency.example").slack("east").build();
 * }</pre>
 *
 * @param id a stable id, used in the audit log and as the default dashboard feed
 * @param addresses the address per channel
 */
public record Recipient(String id, Map<Channel, String> addresses) {

  public Recipient {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("Recipient: id is blank");
    }
    addresses = Map.copyOf(addresses);
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The address on the channel, if the recipient has one. */
  public Optional<String> address(Channel channel) {
    return Optional.ofNullable(addresses.get(channel));
  }

  /** Leaves out addresses: phone numbers and emails are personal data. */
  @Override
  public String toString() {
    return "Recipient[" + id + ", channels=" + addresses.keySet() + "]";
  }

  /** Builds a {@link Recipient}; each setter checks its value. */
  public static final class Builder {
    private final String id;
    private final Map<Channel, String> addresses = new LinkedHashMap<>();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
      addresses.put(Channel.DASHBOARD, id);
    }

    /** A phone number in E.164 form, e.g. {@code +14165550100}. */
    public Builder sms(String phone) {
      Objects.requireNonNull(phone, "phone");
      if (!phone.matches("\\+[1-9][0-9]{6,14}")) {
        throw new IllegalArgumentException("Recipient '" + id + "': SMS number '" + phone
            + "' is not in E.164 form; write it like +14165550100");
      }
      addresses.put(Channel.SMS, phone);
      return this;
    }

    public Builder email(String address) {
      Objects.requireNonNull(address, "address");
      if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw new IllegalArgumentException("Recipient '" + id + "': email address '" + address + "' is not valid");
      }
      addresses.put(Channel.EMAIL, address);
      return this;
    }

    /** The name of a webhook the Slack notifier is configured with. */
    public Builder slack(String webhookName) {
      return address(Channel.SLACK, webhookName);
    }

    /** The dashboard feed (default: the recipient's id). */
    public Builder dashboard(String feed) {
      return address(Channel.DASHBOARD, feed);
    }

    /** An address on any channel, e.g. one the host added. */
    public Builder address(Channel channel, String address) {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(address, "address");
      if (address.isBlank()) {
        throw new IllegalArgumentException("Recipient '" + id + "': the " + channel + " address is blank");
      }
      addresses.put(channel, address);
      return this;
    }

    public Recipient build() {
      return new Recipient(id, addresses);
    }
  }
}
