package com.optimalworkforce.alerts.notify;

import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.security.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SmtpEmailNotifier} reaches an SMTP server: host and port, transport security, login,
 * sender and timeouts. Immutable.
 *
 * <pre>{@code
 * SmtpEmailConfig config = SmtpEmailConfig.builder()
 *     .host("smtp.agency.example").port(587)                 // STARTTLS required by default
 *     .login("alerts@agency.example", Secret.of(System.getenv("SMTP_PASSWORD")))
 *     .from("alerts@agency.example", "Scheduling alerts")
 *     .build();
 * }</pre>
 *
 * @param host the SMTP server
 * @param port its port (587 for STARTTLS, 465 for SMTPS, 25 for plain)
 * @param security how the connection is protected
 * @param username the login, or {@code null} for none
 * @param password the login's password, or {@code null}
 * @param from the sender address
 * @param fromName the sender's display name, or {@code null}
 * @param timeout connect, read and write timeout
 * @param tls which TLS versions and CAs are accepted
 * @param clock stamps the Date header
 */
public record SmtpEmailConfig(String host, int port, Security security, String username, Secret password, String from,
    String fromName, Duration timeout, TlsPolicy tls, Clock clock) {

  /** How the SMTP connection is protected. */
  public enum Security {
    /** Plain connection upgraded with STARTTLS, which must succeed (port 587). The default. */
    STARTTLS_REQUIRED,
    /** TLS from the first byte (port 465). */
    SMTPS,
    /** No encryption: allowed only where the TLS policy allows cleartext (by default, to loopback only). */
    NONE
  }

  public SmtpEmailConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(clock, "clock");
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<String> login() {
    return Optional.ofNullable(username);
  }

  /** The password stays out. */
  @Override
  public String toString() {
    return "SmtpEmailConfig[" + host + ":" + port + ", " + security + ", login=" + (username != null) + ", from="
        + from + "]";
  }

  /** Builds a {@link SmtpEmailConfig}; setters check their values, {@link #build()} the required ones. */
  public static final class Builder {
    private String host;
    private int port = -1;
    private Security security = Security.STARTTLS_REQUIRED;
    private String username;
    private Secret password;
    private String from;
    private String fromName;
    private Duration timeout = Duration.ofSeconds(15);
    private TlsPolicy tls = TlsPolicy.ofDefaults();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder host(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank() || host.contains("/") || host.contains(" ")) {
        throw new IllegalArgumentException("SMTP host '" + host + "' is not a host name");
      }
      this.host = host;
      return this;
    }

    /** The port (default: 587 for STARTTLS, 465 for SMTPS, 25 for none). */
    public Builder port(int port) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("SMTP port must be within [1, 65535] but was " + port);
      }
      this.port = port;
      return this;
    }

    public Builder security(Security security) {
      this.security = Objects.requireNonNull(security, "security");
      return this;
    }

    public Builder login(String username, Secret password) {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.isBlank()) {
        throw new IllegalArgumentException("SMTP user name is blank");
      }
      this.username = username;
      this.password = password;
      return this;
    }

    public Builder from(String address) {
      return from(address, null);
    }

    public Builder from(String address, String displayName) {
      Objects.requireNonNull(address, "address");
      if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw new IllegalArgumentException("Sender address '" + address + "' is not a valid email address");
      }
      this.from = address;
      this.fromName = displayName;
      return this;
    }

    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("SMTP timeout must be positive but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public Builder tls(TlsPolicy tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public SmtpEmailConfig build() {
      if (host == null) {
        throw new IllegalStateException("SMTP: the host is required; call host(...)");
      }
      if (from == null) {
        throw new IllegalStateException("SMTP: the sender address is required; call from(...)");
      }
      if (security == Security.NONE && (tls.cleartext() == TlsPolicy.Cleartext.REFUSED
          || (tls.cleartext() == TlsPolicy.Cleartext.LOOPBACK_ONLY && !TlsPolicy.isLoopback(host)))) {
        throw new IllegalStateException("SMTP: an unencrypted connection to " + host + " is refused by the TLS policy "
            + tls + "; use STARTTLS_REQUIRED or SMTPS");
      }
      int p = port > 0 ? port : switch (security) {
        case STARTTLS_REQUIRED -> 587;
        case SMTPS -> 465;
        case NONE -> 25;
      };
      return new SmtpEmailConfig(host, p, security, username, password, from, fromName, timeout, tls, clock);
    }
  }
}
