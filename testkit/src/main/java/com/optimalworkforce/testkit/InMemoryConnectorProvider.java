package com.optimalworkforce.testkit;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorProvider;
import com.optimalworkforce.core.connector.CredentialField;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider of the {@link InMemoryConnector}, id {@code in-memory}. Wired explicitly it serves the
 * agency it is given; found through {@link java.util.ServiceLoader} it builds a
 * {@link SyntheticAgency} from the configuration's settings ({@code seed}, {@code regions},
 * {@code clients}, {@code caregivers}, {@code weeksOfHistory}, {@code weeksAhead}).
 *
 * <pre>{@code
 * ConnectorConfig config = ConnectorConfig.builder("in-memory")
 *     .setting("seed", "42").setting("clients", "200").setting("caregivers", "60")
 *     .secret("apiKey", Secret.of("synthetic-key-42"))
 *     .build();
 * Connector connector = ConnectorRegistry.loadDefault().create(config);
 * }</pre>
 */
public final class InMemoryConnectorProvider implements ConnectorProvider {
  private static final Map<String, SyntheticAgency> AGENCIES = new ConcurrentHashMap<>();

  private final SyntheticAgency agency;

  /** For {@link java.util.ServiceLoader}: the agency comes from the configuration. */
  public InMemoryConnectorProvider() {
    this.agency = null;
  }

  /** Serves exactly this agency. */
  public InMemoryConnectorProvider(SyntheticAgency agency) {
    this.agency = Objects.requireNonNull(agency, "agency");
  }

  @Override
  public String id() {
    return InMemoryConnector.PROVIDER_ID;
  }

  @Override
  public String displayName() {
    return "In-memory synthetic agency";
  }

  @Override
  public List<CredentialField> fields() {
    return List.of(
        CredentialField.secret("apiKey", "The synthetic agency's key: synthetic-key-<seed> unless set otherwise"),
        CredentialField.setting("seed", "Seed of the synthetic agency (default 1)", false),
        CredentialField.setting("regions", "Number of regions (default 2)", false),
        CredentialField.setting("clients", "Number of clients (default 60)", false),
        CredentialField.setting("caregivers", "Number of caregivers (default 30)", false),
        CredentialField.setting("weeksOfHistory", "Weeks of history (default 4)", false),
        CredentialField.setting("weeksAhead", "Weeks of future schedule (default 2)", false),
        CredentialField.setting("accessDenied", "true to simulate a key without permission (default false)", false),
        CredentialField.setting("latencyMillis", "Simulated time per call, to test timeouts (default 0)", false));
  }

  @Override
  public Connector create(ConnectorConfig config) {
    Objects.requireNonNull(config, "config");
    SyntheticAgency source = agency != null ? agency : AGENCIES.computeIfAbsent(key(config), k -> fromSettings(config));
    return InMemoryConnector.builder(source).apiKey(config.requireSecret("apiKey")).timeout(config.timeout())
        .accessDenied(flag(config, "accessDenied"))
        .latency(java.time.Duration.ofMillis(number(config, "latencyMillis", 0)))
        .build();
  }

  private static String key(ConnectorConfig config) {
    return new java.util.TreeMap<>(config.settings()).toString();
  }

  private static SyntheticAgency fromSettings(ConnectorConfig config) {
    return SyntheticAgency.builder()
        .seed(number(config, "seed", 1))
        .regions(whole(config, "regions", 2))
        .clients(whole(config, "clients", 60))
        .caregivers(whole(config, "caregivers", 30))
        .weeksOfHistory(whole(config, "weeksOfHistory", 4))
        .weeksAhead(whole(config, "weeksAhead", 2))
        .build();
  }

  /** "true" or "false" (any case); anything else fails naming the value, rather than reading as false. */
  private static boolean flag(ConnectorConfig config, String name) {
    String raw = config.setting(name).map(String::strip).orElse("false");
    if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(raw);
    }
    throw new IllegalArgumentException("Connector 'in-memory': setting '" + name + "' must be true or false but was '"
        + raw + "'");
  }

  private static int whole(ConnectorConfig config, String name, int fallback) {
    long value = number(config, name, fallback);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Connector 'in-memory': setting '" + name + "' is out of range: '"
          + config.setting(name).orElse("") + "'");
    }
    return (int) value;
  }

  private static long number(ConnectorConfig config, String name, long fallback) {
    String raw = config.setting(name).orElse(null);
    if (raw == null) {
      return fallback;
    }
    try {
      return Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Connector 'in-memory': setting '" + name + "' must be a whole number but was '"
          + raw + "'", e);
    }
  }
}
