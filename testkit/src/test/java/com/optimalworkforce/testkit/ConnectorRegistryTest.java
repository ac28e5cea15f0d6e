package com.optimalworkforce.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorProvider;
import com.optimalworkforce.core.connector.ConnectorRegistry;
import com.optimalworkforce.core.connector.CredentialField;
import com.optimalworkforce.core.security.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry finds providers through META-INF/services and by explicit wiring. */
class ConnectorRegistryTest {

  @Test
  void serviceLoaderFindsTheInMemoryProvider() {
    ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader());
    assertThat(registry.ids()).contains("in-memory");
    try (Connector c = registry.create(ConnectorConfig.builder("in-memory").setting("seed", "9")
        .secret("apiKey", Secret.of("synthetic-key-9")).build())) {
      assertThat(c.testConnection().ok()).isTrue();
    }
  }

  @Test
  void theDiscoveredProviderIsListedByIdAndDescribesItsFields() {
    ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader());
    ConnectorProvider provider = registry.get("in-memory");
    assertThat(provider).isInstanceOf(InMemoryConnectorProvider.class);
    assertThat(registry.providers()).extracting(ConnectorProvider::id).contains("in-memory").isSorted();
    assertThat(provider.fields()).filteredOn(CredentialField::secret).extracting(CredentialField::name)
        .containsExactly("apiKey");
  }

  @Test
  void aDeniedKeyIsReportedThroughTheRegistryToo() {
    ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader());
    try (Connector c = registry.create(ConnectorConfig.builder("in-memory").setting("seed", "9")
        .setting("accessDenied", "TRUE").secret("apiKey", Secret.of("synthetic-key-9")).build())) {
      assertThat(c.testConnection().failure()).isEqualTo(com.optimalworkforce.core.connector.ConnectionFailure.ACCESS_DENIED);
    }
  }

  @Test
  void aClassLoaderThatSeesNoProvidersGivesAnEmptyRegistryWithAHelpfulError() {
    ClassLoader empty = new ClassLoader(null) {};
    ConnectorRegistry registry = ConnectorRegistry.load(empty);
    assertThat(registry.ids()).isEmpty();
    assertThatThrownBy(() -> registry.get("alayacare"))
        .hasMessageContaining("'alayacare'").hasMessageContaining("class path");
  }

  @Test
  void explicitWiringServesTheGivenAgency() {
    SyntheticAgency agency = SyntheticAgency.small();
    ConnectorRegistry registry = ConnectorRegistry.of(new InMemoryConnectorProvider(agency));
    try (Connector c = registry.create(ConnectorConfig.builder("in-memory").secret("apiKey", agency.apiKey()).build())) {
      assertThat(c.listRegions()).isEqualTo(agency.regions());
    }
  }

  @Test
  void unknownIdListsTheAvailableOnes() {
    ConnectorRegistry registry = ConnectorRegistry.of(new InMemoryConnectorProvider());
    assertThatThrownBy(() -> registry.create(ConnectorConfig.builder("wellsky").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'wellsky'").hasMessageContaining("in-memory");
  }

  @Test
  void twoDifferentProvidersClaimingOneIdAreRejected() {
    ConnectorProvider impostor = new ConnectorProvider() {
      @Override
      public String id() {
        return "in-memory";
      }

      @Override
      public String displayName() {
        return "impostor";
      }

      @Override
      public List<CredentialField> fields() {
        return List.of();
      }

      @Override
      public Connector create(ConnectorConfig config) {
        throw new UnsupportedOperationException();
      }
    };
    assertThatThrownBy(() -> ConnectorRegistry.of(new InMemoryConnectorProvider(), impostor))
        .hasMessageContaining("Two connector providers claim id 'in-memory'");
  }

  @Test
  void badSettingFailsWithTheValue() {
    ConnectorRegistry registry = ConnectorRegistry.of(new InMemoryConnectorProvider());
    assertThatThrownBy(() -> registry.create(ConnectorConfig.builder("in-memory").setting("clients", "many")
        .secret("apiKey", Secret.of("k")).build()))
        .hasMessageContaining("'clients'").hasMessageContaining("'many'");
    assertThatThrownBy(() -> registry.create(ConnectorConfig.builder("in-memory").build()))
        .hasMessageContaining("credential 'apiKey' is required");
    assertThatThrownBy(() -> registry.create(ConnectorConfig.builder("in-memory").setting("accessDenied", "yes")
        .secret("apiKey", Secret.of("k")).build()))
        .hasMessage("Connector 'in-memory': setting 'accessDenied' must be true or false but was 'yes'");
    ConnectorRegistry discovered = ConnectorRegistry.load(getClass().getClassLoader());
    assertThatThrownBy(() -> discovered.create(ConnectorConfig.builder("in-memory").setting("clients", "99999999999")
        .secret("apiKey", Secret.of("synthetic-key-1")).build()))
        .hasMessageContaining("'clients'").hasMessageContaining("'99999999999'");
  }
}
