package com.optimalworkforce.connectors.wellsky;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorRegistry;
import com.optimalworkforce.core.security.Secret;
import java.net.URI;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The code of the WellSky section of docs/connectors.md, compiled and checked. */
class WellSkyGuideExamplesTest {
  final Secret clientSecret = Secret.of("from-the-vault");

  @Test
  void configuresBothDialects() {
    // tag::configure[]
    // Home Connect: the base URL and the token endpoint have defaults.
    WellSkyConnectorConfig homeConnect = WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
        .clientId("agency-42-client")
        .clientSecret(clientSecret)
        .defaultZone(ZoneId.of("America/Toronto")) // for locations that declare no time zone
        .build();

    // FHIR R4: the server and its token endpoint.
    WellSkyConnectorConfig fhir = WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4)
        .baseUrl(URI.create("https://fhir.example.com/r4"))
        .tokenUrl(URI.create("https://auth.example.com/connect/token"))
        .clientId("fhir-client")
        .clientSecret(clientSecret)
        .scope("system/*.read system/Appointment.write")
        .build();
    // end::configure[]
    assertThat(homeConnect.tokenUrl()).hasToString("https://connect.clearcareonline.com/oauth/accesstoken");
    assertThat(fhir.scope()).contains("system/*.read system/Appointment.write");
  }

  @Test
  void configuresFromAGenericConfiguration() {
    // tag::generic[]
    ConnectorConfig config = ConnectorConfig.builder("wellsky")
        .setting("dialect", "home-connect")
        .setting("clientId", "agency-42-client")
        .secret("clientSecret", clientSecret)
        .setting("regionZones", "toronto-east=America/Toronto;vancouver=America/Vancouver")
        .build();
    Connector connector = ConnectorRegistry.loadDefault().create(config);
    // end::generic[]
    try (connector) {
      assertThat(connector).isInstanceOf(WellSkyConnector.class);
      assertThat(((WellSkyConnector) connector).config().regionZones()).hasSize(2);
    }
  }
}
