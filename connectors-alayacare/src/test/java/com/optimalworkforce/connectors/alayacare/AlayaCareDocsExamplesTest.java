package com.optimalworkforce.connectors.alayacare;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.connector.Capabilities;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorRegistry;
import com.optimalworkforce.core.security.Secret;
import org.junit.jupiter.api.Test;

/** The configuration examples of docs/connectors.md, compiled and checked (they contact no server). */
class AlayaCareDocsExamplesTest {
  final String publicKey = "public-key-from-alayacare";
  final String privateKey = "private-key-from-alayacare";

  @Test
  void typedConfiguration() {
    // tag::alayacare-config[]
    AlayaCareConnectorConfig config = AlayaCareConnectorConfig.builder()
        .tenant("example")                 // https://example.alayacare.ca
        .environment("uat")                // leave out for production
        .publicKey(Secret.of(publicKey))   // the Basic user name
        .privateKey(Secret.of(privateKey)) // the Basic password
        .rateLimit(10)                     // requests a second, all calls included
        .build();
    try (AlayaCareConnector connector = AlayaCareConnector.create(config)) {
      Capabilities what = connector.capabilities(); // nothing is sent before testConnection()
    }
    // end::alayacare-config[]
    assertThat(config.baseUrl()).hasToString("https://example.uat.alayacare.ca/ext/api/v2/");
  }

  @Test
  void genericConfiguration() {
    // tag::alayacare-generic[]
    ConnectorConfig config = ConnectorConfig.builder("alayacare")
        .setting("tenant", "example")
        .setting("domain", "com")          // https://example.alayacare.com
        .secret("publicKey", Secret.of(publicKey))
        .secret("privateKey", Secret.of(privateKey))
        .build();
    try (Connector connector = ConnectorRegistry.loadDefault().create(config)) {
      String id = connector.providerId(); // "alayacare": made from settings a setup form collected
    }
    // end::alayacare-generic[]
    assertThat(AlayaCareConnectorConfig.from(config).baseUrl()).hasToString("https://example.alayacare.com/ext/api/v2/");
  }
}
