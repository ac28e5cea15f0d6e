package com.optimalworkforce.core.connector;

import com.optimalworkforce.core.security.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable settings and credentials for one connector instance. Credentials are {@link Secret}s;
 * {@link #toString()} lists their names only.
 *
 * <pre>{@code
 * ConnectorConfig config = ConnectorConfig.builder("alayacare")
 *     .setting("tenant", "example")
 *     .secret("publicKey", Secret.of(publicKey))
 *     .secret("privateKey", Secret.of(privateKey))
 *     .timeout(Duration.ofSeconds(20))
 *     .build();
 * Connector connector = ConnectorRegistry.loadDefault().create(config);
 * }</pre>
 */
public final class ConnectorConfig {
  /** Default time to wait for a source's answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final String connectorId;
  private final Map<String, String> settings;
  private final Map<String, Secret> secrets;
  private final Duration timeout;
  private final Clock clock;

  private ConnectorConfig(Builder b) {
    this.connectorId = b.connectorId;
    this.settings = Map.copyOf(b.settings);
    this.secrets = Map.copyOf(b.secrets);
    this.timeout = b.timeout;
    this.clock = b.clock;
  }

  public static Builder builder(String connectorId) {
    return new Builder(connectorId);
  }

  public Builder toBuilder() {
    Builder b = new Builder(connectorId);
    b.settings.putAll(settings);
    b.secrets.putAll(secrets);
    b.timeout = timeout;
    b.clock = clock;
    return b;
  }

  /** The provider id this configuration is for, e.g. {@code alayacare}. */
  public String connectorId() {
    return connectorId;
  }

  public Optional<String> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }

  /** The setting's value, or an {@link IllegalArgumentException} naming the missing setting. */
  public String requireSetting(String name) {
    String v = settings.get(name);
    if (v == null) {
      throw new IllegalArgumentException("Connector '" + connectorId + "': setting '" + name
          + "' is required but was not set");
    }
    return v;
  }

  public Optional<Secret> secret(String name) {
    return Optional.ofNullable(secrets.get(name));
  }

  /** The secret, or an {@link IllegalArgumentException} naming the missing credential. */
  public Secret requireSecret(String name) {
    Secret s = secrets.get(name);
    if (s == null) {
      throw new IllegalArgumentException("Connector '" + connectorId + "': credential '" + name
          + "' is required but was not set");
    }
    return s;
  }

  public Map<String, String> settings() {
    return settings;
  }

  /** Names of the credentials held (never their values). */
  public java.util.Set<String> secretNames() {
    return secrets.keySet();
  }

  public Duration timeout() {
    return timeout;
  }

  /** The clock connectors use for token expiry and default windows. */
  public Clock clock() {
    return clock;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectorConfig c && connectorId.equals(c.connectorId) && settings.equals(c.settings)
        && secrets.equals(c.secrets) && timeout.equals(c.timeout) && clock.equals(c.clock);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectorId, settings, secrets.keySet(), timeout);
  }

  @Override
  public String toString() {
    return "ConnectorConfig[connectorId=" + connectorId + ", settings=" + new TreeMap<>(settings)
        + ", secrets=" + new java.util.TreeSet<>(secrets.keySet()) + " (redacted), timeout=" + timeout + "]";
  }

  /** Builds a {@link ConnectorConfig}; each setter checks its value. */
  public static final class Builder {
    private final String connectorId;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private Clock clock = Clock.systemUTC();

    private Builder(String connectorId) {
      if (connectorId == null || connectorId.isBlank()) {
        throw new IllegalArgumentException("connectorId must not be blank but was '" + connectorId + "'");
      }
      this.connectorId = connectorId;
    }

    public Builder setting(String name, String value) {
      checkName(name);
      Objects.requireNonNull(value, () -> "value of setting '" + name + "'");
      settings.put(name, value);
      return this;
    }

    public Builder secret(String name, Secret value) {
      checkName(name);
      Objects.requireNonNull(value, () -> "value of credential '" + name + "'");
      secrets.put(name, value);
      return this;
    }

    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    private static void checkName(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("setting name must not be blank but was '" + name + "'");
      }
    }

    public ConnectorConfig build() {
      return new ConnectorConfig(this);
    }
  }
}
