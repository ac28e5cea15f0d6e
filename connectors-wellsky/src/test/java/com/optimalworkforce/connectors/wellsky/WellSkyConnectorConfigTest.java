package com.optimalworkforce.connectors.wellsky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorRegistry;
import com.optimalworkforce.core.connector.CredentialField;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.security.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WellSkyConnectorConfigTest {

  @Test
  void homeConnectNeedsOnlyTheClientCredentials() {
    WellSkyConnectorConfig c = WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
        .clientId("agency-42").clientSecret(Secret.of("top-secret")).build();
    assertThat(c.baseUrl()).isEqualTo(URI.create("https://connect.clearcareonline.com/v1/"));
    assertThat(c.tokenUrl()).isEqualTo(URI.create("https://connect.clearcareonline.com/oauth/accesstoken"));
    assertThat(c.pageSize()).isEqualTo(100);
    assertThat(c.rateLimit().limitForPeriod()).isEqualTo(80);
    assertThat(c.rateLimit().period()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.toString()).doesNotContain("top-secret").contains("home-connect");
  }

  @Test
  void aHomeConnectBaseWithoutTheTrailingSlashGetsIt() {
    WellSkyConnectorConfig c = WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
        .baseUrl(URI.create("https://connect.example.com/v1")).clientId("a").clientSecret(Secret.of("b")).build();
    assertThat(c.baseUrl()).hasToString("https://connect.example.com/v1/");
    assertThat(c.tokenUrl()).hasToString("https://connect.example.com/oauth/accesstoken");
  }

  @Test
  void readsAGenericConfiguration() {
    ConnectorConfig generic = ConnectorConfig.builder("wellsky")
        .setting("dialect", "fhir-r4")
        .setting("baseUrl", "https://fhir.example.com/r4/")
        .setting("tokenUrl", "https://auth.example.com/connect/token")
        .setting("clientId", "fhir-client")
        .setting("scope", "system/*.read")
        .setting("zone", "America/Toronto")
        .setting("regionZones", "vancouver=America/Vancouver; calgary=America/Edmonton")
        .setting("pageSize", "250")
        .setting("requestsPerSecond", "20")
        .setting("tls", "tls1.3")
        .setting("branchType", "branch")
        .setting("unavailabilityLookbackDays", "14")
        .setting("validateServer", "true")
        .secret("clientSecret", Secret.of("s"))
        .timeout(Duration.ofSeconds(12))
        .build();
    WellSkyConnectorConfig c = WellSkyConnectorConfig.from(generic);
    assertThat(c.dialect()).isEqualTo(WellSkyDialect.FHIR_R4);
    assertThat(c.baseUrl()).hasToString("https://fhir.example.com/r4");
    assertThat(c.tokenUrl()).hasToString("https://auth.example.com/connect/token");
    assertThat(c.scope()).contains("system/*.read");
    assertThat(c.defaultZone()).contains(ZoneId.of("America/Toronto"));
    assertThat(c.regionZones()).containsEntry("vancouver", ZoneId.of("America/Vancouver"))
        .containsEntry("calgary", ZoneId.of("America/Edmonton"));
    assertThat(c.pageSize()).isEqualTo(250);
    assertThat(c.rateLimit().limitForPeriod()).isEqualTo(20);
    assertThat(c.tlsPolicy()).isEqualTo(TlsPolicy.tls13Only());
    assertThat(c.branchType()).isEqualTo("branch");
    assertThat(c.unavailabilityLookback()).isEqualTo(Duration.ofDays(14));
    assertThat(c.validateServer()).isTrue();
    assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(12));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "dialect | soap | setting 'dialect' must be 'fhir-r4' or 'home-connect' but was 'soap'",
      "pageSize | 101 | pageSize must be between 1 and 100 for Home Connect but was 101",
      "pageSize | many | setting 'pageSize' must be a whole number but was 'many'",
      "zone | Mars/Base | setting 'zone' must be an IANA time zone such as America/Toronto but was 'Mars/Base'",
      "regionZones | toronto | must look like 'toronto-east=America/Toronto;vancouver=America/Vancouver' but has 'toronto'",
      "tls | ssl3 | setting 'tls' must be 'default' or 'tls1.3' but was 'ssl3'",
      "baseUrl | ftp://example.com/v1/ | baseUrl must be an absolute https:// URL but was 'ftp://example.com/v1/'",
      "baseUrl | https://user:pa55@example.com/v1/ | baseUrl must not carry a user name or password (set clientId and clientSecret instead) but was 'https://[user info hidden]@example.com/v1/'",
      "tokenUrl | https://example.com/token?client_secret=pa55 | tokenUrl must not have a query or fragment but was 'https://example.com/token?[query hidden]'",
      "validateServer | yes | setting 'validateServer' must be true or false but was 'yes'",
  })
  void aBadSettingIsNamedWithItsValue(String name, String value, String message) {
    ConnectorConfig.Builder b = ConnectorConfig.builder("wellsky").setting("dialect", "home-connect")
        .setting("clientId", "c").secret("clientSecret", Secret.of("s"));
    ConnectorConfig generic = b.setting(name, value).build();
    assertThatThrownBy(() -> WellSkyConnectorConfig.from(generic)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void missingRequiredValuesAreNamed() {
    assertThatThrownBy(() -> WellSkyConnectorConfig.from(ConnectorConfig.builder("wellsky")
        .setting("dialect", "home-connect").setting("clientId", "c").build()))
        .hasMessageContaining("credential 'clientSecret' is required");
    assertThatThrownBy(() -> WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4).clientId("c")
        .clientSecret(Secret.of("s")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseUrl is required");
    assertThatThrownBy(() -> WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4)
        .baseUrl(URI.create("https://fhir.example.com/r4")).clientId("c").clientSecret(Secret.of("s")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("tokenUrl is required");
    assertThatThrownBy(() -> WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT).clientSecret(Secret.of("s")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientId is required");
  }

  @Test
  void theTlsPolicyRefusesPlainHttpToARemoteHost() {
    assertThatThrownBy(() -> WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
        .baseUrl(URI.create("http://connect.example.com/v1/")).clientId("c").clientSecret(Secret.of("s")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("refuses http://connect.example.com");
  }

  @Test
  void theProviderIsDiscoveredAndDescribesItsFields() {
    ConnectorRegistry registry = ConnectorRegistry.loadDefault();
    assertThat(registry.ids()).contains("wellsky");
    assertThat(registry.get("wellsky").fields()).extracting(CredentialField::name)
        .contains("dialect", "clientId", "clientSecret", "baseUrl", "tokenUrl", "zone");
    assertThat(registry.get("wellsky").fields()).filteredOn(CredentialField::secret).extracting(CredentialField::name)
        .containsExactly("clientSecret");
    try (Connector c = registry.create(ConnectorConfig.builder("wellsky").setting("dialect", "home-connect")
        .setting("clientId", "c").secret("clientSecret", Secret.of("s")).build())) {
      assertThat(c).isInstanceOf(WellSkyConnector.class);
      assertThat(c.providerId()).isEqualTo("wellsky");
      assertThat(c.capabilities().serverSideIncremental()).isFalse();
      assertThat(c.capabilities().entityTypes()).containsExactlyInAnyOrder(EntityType.CLIENT, EntityType.CAREGIVER,
          EntityType.VISIT);
      assertThat(c.capabilities().writeBack()).isTrue();
    }
  }
}
