package com.optimalworkforce.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry lists providers by id, wired explicitly or found by {@link java.util.ServiceLoader}
 * through the class loader it is given. (The built-in providers' own service files are checked in
 * their modules, e.g. testkit's {@code ConnectorRegistryTest}.)
 */
class ConnectorRegistryTest {
  static final String SERVICE_FILE = "META-INF/services/" + ConnectorProvider.class.getName();

  @TempDir
  Path plugin;

  /** A class loader over a directory whose service file lists the given provider classes. */
  private URLClassLoader pluginLoader(String... providerClasses) throws IOException {
    Path services = plugin.resolve(SERVICE_FILE);
    Files.createDirectories(services.getParent());
    Files.writeString(services, "# providers of the plug-in\n" + String.join("\n", providerClasses) + "\n");
    return new URLClassLoader(new URL[] {plugin.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void loadUsesTheClassLoaderItIsGiven() throws IOException {
    // core's own class path lists no provider: only the plug-in loader sees one.
    assertThat(ConnectorRegistry.load(getClass().getClassLoader()).ids()).isEmpty();
    assertThat(ConnectorRegistry.loadDefault().ids()).isEmpty();
    try (URLClassLoader loader = pluginLoader(PluginTestProvider.class.getName())) {
      ConnectorRegistry registry = ConnectorRegistry.load(loader);
      assertThat(registry.ids()).containsExactly("plugin-test");
      assertThat(registry.get("plugin-test")).isInstanceOf(PluginTestProvider.class);
      assertThat(registry.providers()).extracting(ConnectorProvider::displayName).containsExactly("Plug-in test system");
    }
  }

  @Test
  void aProviderListedTwiceCountsOnce() throws IOException {
    try (URLClassLoader loader = pluginLoader(PluginTestProvider.class.getName(), PluginTestProvider.class.getName())) {
      assertThat(ConnectorRegistry.load(loader).providers()).hasSize(1);
    }
  }

  @Test
  void aServiceFileNamingAMissingClassFailsNamingIt() throws IOException {
    try (URLClassLoader loader = pluginLoader("com.example.NoSuchProvider")) {
      assertThatThrownBy(() -> ConnectorRegistry.load(loader)).hasMessageContaining("com.example.NoSuchProvider");
    }
  }

  @Test
  void explicitWiringListsProvidersSortedById() {
    ConnectorRegistry registry = ConnectorRegistry.of(named("wellsky"), named("alayacare"), new PluginTestProvider());
    assertThat(registry.ids()).containsExactly("alayacare", "plugin-test", "wellsky");
    assertThat(registry.providers()).extracting(ConnectorProvider::id).containsExactly("alayacare", "plugin-test", "wellsky");
    assertThat(registry.find("alayacare")).isPresent();
    assertThat(registry.find("acme")).isEmpty();
    assertThat(ConnectorRegistry.of(List.of(named("x"))).ids()).containsExactly("x");
  }

  @Test
  void anUnknownIdFailsListingTheKnownOnes() {
    ConnectorRegistry registry = ConnectorRegistry.of(named("alayacare"), named("wellsky"));
    assertThatThrownBy(() -> registry.create(ConnectorConfig.builder("acme").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No connector provider with id 'acme'. Available: alayacare, wellsky");
    assertThatThrownBy(() -> ConnectorRegistry.of().get("acme"))
        .hasMessageContaining("none (is the connector's jar on the class path?)");
  }

  @Test
  void createPassesTheConfigToTheProviderNamedInIt() {
    ConnectorRegistry registry = ConnectorRegistry.of(new PluginTestProvider());
    assertThatThrownBy(() -> registry.create(ConnectorConfig.builder("plugin-test").build()))
        .hasMessage("Connector 'plugin-test': credential 'apiKey' is required but was not set");
  }

  @Test
  void twoClassesClaimingOneIdAreRejectedNamingBoth() {
    assertThatThrownBy(() -> ConnectorRegistry.of(named("plugin-test"), new PluginTestProvider()))
        .hasMessageContaining("Two connector providers claim id 'plugin-test'")
        .hasMessageContaining(PluginTestProvider.class.getName());
  }

  private static ConnectorProvider named(String id) {
    return new ConnectorProvider() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String displayName() {
        return id;
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
  }
}
