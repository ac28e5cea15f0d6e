package com.optimalworkforce.alerts.notify;

import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.security.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Slack incoming webhooks {@link SlackWebhookNotifier} posts to, by name: a recipient's Slack
 * address is the name of one of them. Webhook URLs carry their own credential, so they are
 * {@link Secret}s and never shown. Immutable.
 *
 * <pre>{@code
 * SlackWebhookConfig config = SlackWebhookConfig.builder()
 *     .webhook("east", Secret.of(System.getenv("SLACK_EAST_WEBHOOK")))   // https://hooks.slack.com/services/...
 *     .webhook("managers", Secret.of(System.getenv("SLACK_MANAGERS_WEBHOOK")))
 *     .build();
 * }</pre>
 *
 * @param webhooks webhook URL by name
 * @param timeout connect and answer timeout of one call
 * @param tls which TLS versions and CAs are accepted
 * @param retry retries within one send (429 and 5xx answers only)
 * @param maxLength longest text; longer ones are shortened
 * @param clock the clock {@code Retry-After} dates are measured against
 */
public record SlackWebhookConfig(Map<String, Secret> webhooks, Duration timeout, TlsPolicy tls, RetryPolicy retry,
    int maxLength, Clock clock) {

  public SlackWebhookConfig {
    webhooks = Map.copyOf(webhooks);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(clock, "clock");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Names only: the URLs are secrets. */
  @Override
  public String toString() {
    return "SlackWebhookConfig[webhooks=" + webhooks.keySet() + "]";
  }

  /** Builds a {@link SlackWebhookConfig}; setters check their values, {@link #build()} that there is a webhook. */
  public static final class Builder {
    private final Map<String, Secret> webhooks = new LinkedHashMap<>();
    private Duration timeout = NotifierDefaults.HTTP_TIMEOUT;
    private TlsPolicy tls = TlsPolicy.ofDefaults();
    private RetryPolicy retry = NotifierDefaults.HTTP_RETRY;
    private int maxLength = 4_000;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** A webhook recipients reach with {@code Recipient.builder(...).slack(name)}. */
    public Builder webhook(String name, Secret url) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(url, "url");
      if (name.isBlank()) {
        throw new IllegalArgumentException("Slack webhook name is blank");
      }
      URI uri;
      try {
        uri = URI.create(url.reveal());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Slack webhook '" + name + "' is not a valid URL (the URL is not shown)");
      }
      if (uri.getHost() == null || !tls.permits(uri)) {
        throw new IllegalArgumentException("Slack webhook '" + name
            + "' must be an https:// URL such as https://hooks.slack.com/services/... (the URL is not shown)");
      }
      webhooks.put(name, url);
      return this;
    }

    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Slack timeout must be positive but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The TLS policy; set it before adding webhooks, which are checked against it. */
    public Builder tls(TlsPolicy tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public Builder maxLength(int maxLength) {
      if (maxLength < 100 || maxLength > 40_000) {
        throw new IllegalArgumentException("Slack maxLength must be within [100, 40000] but was " + maxLength);
      }
      this.maxLength = maxLength;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public SlackWebhookConfig build() {
      if (webhooks.isEmpty()) {
        throw new IllegalStateException("Slack: no webhook configured; add one with webhook(name, url)");
      }
      webhooks.forEach((name, url) -> {
        if (!tls.permits(URI.create(url.reveal()))) {
          throw new IllegalStateException("Slack webhook '" + name + "' is refused by the TLS policy " + tls
              + " (the URL is not shown); use an https:// URL");
        }
      });
      return new SlackWebhookConfig(webhooks, timeout, tls, retry, maxLength, clock);
    }
  }
}
