package com.optimalworkforce.core.connector;

import java.util.List;

/**
 * Makes connectors for one kind of system. Implementations are listed by hand in
 * {@code META-INF/services/com.optimalworkforce.core.connector.ConnectorProvider} so
 * {@link ConnectorRegistry#load(ClassLoader)} finds them, and can also be wired explicitly.
 *
 * <pre>{@code
 * public final class AcmeConnectorProvider implements ConnectorProvider {
 *   public String id() { return "acme"; }
 *   public String displayName() { return "Acme Scheduling"; }
 *   public List<CredentialField> fields() { return List.of(CredentialField.secret("apiKey", "Acme API key")); }
 *   public Connector create(ConnectorConfig config) { return new AcmeConnector(config); }
 * }
 * }</pre>
 */
public interface ConnectorProvider {

  /** Stable lower-case id used in {@link ConnectorConfig#connectorId()}, e.g. {@code alayacare}. */
  String id();

  /** Name shown to people, e.g. "AlayaCare". */
  String displayName();

  /** The settings and credentials this connector reads from its {@link ConnectorConfig}. */
  List<CredentialField> fields();

  /**
   * Creates a connector. Fails fast with an {@link IllegalArgumentException} naming the bad or
   * missing value when the configuration cannot work; does not contact the source.
   */
  Connector create(ConnectorConfig config);
}
