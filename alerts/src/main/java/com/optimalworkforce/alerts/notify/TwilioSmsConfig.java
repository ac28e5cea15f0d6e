package com.optimalworkforce.alerts.notify;

import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.security.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TwilioSmsNotifier} reaches Twilio's Messages API: the account SID and auth token
 * (HTTP Basic), the sender, and the HTTP policies. Immutable.
 *
 * <pre>{@code
 * TwilioSmsConfig config = TwilioSmsConfig.builder()
 *     .accountSid("AC0123456789abcdef0123456789abcdef")
 *     .authToken(Secret.of(System.getenv("TWILIO_AUTH_TOKEN")))
 *     .from("+14165550199")                       // or a Messaging Service SID, MG...
 *     .build();
 * }</pre>
 *
 * @param accountSid the account, {@code AC} and 32 hex digits
 * @param authToken the account's auth token
 * @param from the sender: a Twilio number in E.164 form, or a Messaging Service SID ({@code MG...})
 * @param baseUrl the API's base URL (default {@code https://api.twilio.com})
 * @param timeout connect and answer timeout of one call
 * @param tls which TLS versions and CAs are accepted
 * @param retry retries within one send (429 and 5xx answers only)
 * @param maxLength longest message body; longer texts are shortened (Twilio accepts 1,600 characters)
 * @param clock the clock {@code Retry-After} dates are measured against
 */
public record TwilioSmsConfig(String accountSid, Secret authToken, String from, URI baseUrl, Duration timeout,
    TlsPolicy tls, RetryPolicy retry, int maxLength, Clock clock) {

  public TwilioSmsConfig {
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(authToken, "authToken");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(clock, "clock");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The token stays out. */
  @Override
  public String toString() {
    return "TwilioSmsConfig[accountSid=" + accountSid + ", from=" + from + ", baseUrl=" + baseUrl + ", authToken="
        + authToken + "]";
  }

  /** Builds a {@link TwilioSmsConfig}; setters check their values, {@link #build()} the required ones. */
  public static final class Builder {
    private String accountSid;
    private Secret authToken;
    private String from;
    private URI baseUrl = URI.create("https://api.twilio.com");
    private Duration timeout = NotifierDefaults.HTTP_TIMEOUT;
    private TlsPolicy tls = TlsPolicy.ofDefaults();
    private RetryPolicy retry = NotifierDefaults.HTTP_RETRY;
    private int maxLength = 1_600;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The account SID: {@code AC} followed by 32 hex digits. */
    public Builder accountSid(String accountSid) {
      Objects.requireNonNull(accountSid, "accountSid");
      if (!accountSid.matches("AC[0-9a-fA-F]{32}")) {
        throw new IllegalArgumentException("Twilio account SID '" + accountSid
            + "' is not valid: it is AC followed by 32 hex digits (see the Twilio console)");
      }
      this.accountSid = accountSid;
      return this;
    }

    public Builder authToken(Secret authToken) {
      this.authToken = Objects.requireNonNull(authToken, "authToken");
      return this;
    }

    /** A Twilio number in E.164 form ({@code +14165550199}) or a Messaging Service SID ({@code MG...}). */
    public Builder from(String from) {
      Objects.requireNonNull(from, "from");
      if (!from.matches("\\+[1-9][0-9]{6,14}") && !from.matches("MG[0-9a-fA-F]{32}")) {
        throw new IllegalArgumentException("Twilio sender '" + from
            + "' is not valid: give a number in E.164 form (+14165550199) or a Messaging Service SID (MG...)");
      }
      this.from = from;
      return this;
    }

    /** The API's base URL (default {@code https://api.twilio.com}); tests point it at a local server. */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      URI uri;
      try {
        uri = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Twilio base URL '" + baseUrl + "' is not a valid URL", e);
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("Twilio base URL '" + baseUrl + "' has no host");
      }
      this.baseUrl = uri;
      return this;
    }

    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Twilio timeout must be positive but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public Builder tls(TlsPolicy tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public Builder maxLength(int maxLength) {
      if (maxLength < 70 || maxLength > 1_600) {
        throw new IllegalArgumentException("Twilio maxLength must be within [70, 1600] but was " + maxLength);
      }
      this.maxLength = maxLength;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public TwilioSmsConfig build() {
      if (accountSid == null) {
        throw new IllegalStateException("Twilio: the account SID is required; call accountSid(...)");
      }
      if (authToken == null) {
        throw new IllegalStateException("Twilio: the auth token is required; call authToken(...)");
      }
      if (from == null) {
        throw new IllegalStateException("Twilio: the sender is required; call from(...)");
      }
      tls.check(baseUrl);
      return new TwilioSmsConfig(accountSid, authToken, from, baseUrl, timeout, tls, retry, maxLength, clock);
    }
  }
}
