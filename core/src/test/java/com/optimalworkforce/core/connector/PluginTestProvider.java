package com.optimalworkforce.core.connector;

import java.util.List;

/**
 * A provider that only a test class loader lists in {@code META-INF/services}, as a connector jar
 * loaded as a plug-in would be. Public with a public constructor because {@link
 * java.util.ServiceLoader} instantiates it.
 */
public final class PluginTestProvider implements ConnectorProvider {

  @Override
  public String id() {
    return "plugin-test";
  }

  @Override
  public String displayName() {
    return "Plug-in test system";
  }

  @Override
  public List<CredentialField> fields() {
    return List.of(CredentialField.secret("apiKey", "Plug-in API key"));
  }

  @Override
  public Connector create(ConnectorConfig config) {
    config.requireSecret("apiKey");
    throw new UnsupportedOperationException("the plug-in test provider makes no connectors");
  }
}
