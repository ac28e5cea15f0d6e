package com.optimalworkforce.examples.connector;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorProvider;
import com.optimalworkforce.core.connector.CredentialField;
import java.util.List;
import java.util.Objects;

/**
 * Makes {@link AcmeConnector}s. Wired explicitly here because it needs the Acme client instance;
 * a real provider would build its client from the configuration and be listed in
 * {@code META-INF/services/com.optimalworkforce.core.connector.ConnectorProvider}.
 *
 * <pre>{@code
 * ConnectorRegistry registry = ConnectorRegistry.of(new AcmeConnectorProvider(api));
 * Connector acme = registry.create(ConnectorConfig.builder("acme").secret("apiKey", key).build());
 * }</pre>
 */
public final class AcmeConnectorProvider implements ConnectorProvider {
  public static final String ID = "acme";

  private final AcmeApi api;

  public AcmeConnectorProvider(AcmeApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Acme Scheduling";
  }

  @Override
  public List<CredentialField> fields() {
    return List.of(CredentialField.secret("apiKey", "Acme API key (Settings > API in Acme)"));
  }

  @Override
  public Connector create(ConnectorConfig config) {
    return new AcmeConnector(api, config.requireSecret("apiKey"), config.timeout());
  }
}
