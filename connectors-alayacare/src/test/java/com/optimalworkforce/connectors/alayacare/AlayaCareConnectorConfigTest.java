package com.optimalworkforce.connectors.alayacare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorRegistry;
import com.optimalworkforce.core.connector.CredentialField;
import com.optimalworkforce.core.security.Secret;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AlayaCareConnectorConfigTest {
  static final Secret PUB = Secret.of("public-key");
  static final Secret PRIV = Secret.of("private-key");

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {
      "example, -, -, https://example.alayacare.ca/ext/api/v2/",
      "Example, uat, ca, https://example.uat.alayacare.ca/ext/api/v2/",
      "acme-care, staging, com, https://acme-care.staging.alayacare.com/ext/api/v2/",
      "acme, -, .com, https://acme.alayacare.com/ext/api/v2/"})
  void theBaseUrlFollowsTenantEnvironmentAndDomain(String tenant, String env, String domain, String url) {
    AlayaCareConnectorConfig.Builder b = AlayaCareConnectorConfig.builder().tenant(tenant).publicKey(PUB).privateKey(PRIV);
    if (env != null) {
      b.environment(env);
    }
    if (domain != null) {
      b.domain(domain);
    }
    AlayaCareConnectorConfig config = b.build();
    assertThat(config.baseUrl()).hasToString(url);
    assertThat(config.host()).isEqualTo(config.baseUrl().getHost());
  }

  @ParameterizedTest
  @CsvSource({"https://example.alayacare.ca, https://example.alayacare.ca/ext/api/v2/",
      "https://example.alayacare.ca/ext/api/v2, https://example.alayacare.ca/ext/api/v2/",
      "http://127.0.0.1:8089, http://127.0.0.1:8089/ext/api/v2/"})
  void aFullBaseUrlGetsTheApiPath(String given, String expected) {
    assertThat(AlayaCareConnectorConfig.builder().baseUrl(given).publicKey(PUB).privateKey(PRIV).build().baseUrl())
        .hasToString(expected);
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.tenant("example.alayacare.ca"), "example.alayacare.ca"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.environment("prod"), "'prod'"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.domain("org"), "'org'"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.baseUrl("ftp://example.alayacare.ca"), "ftp://"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.baseUrl("https://pub:priv@example.alayacare.ca"),
            "https://***@example.alayacare.ca"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.baseUrl("https://example.alayacare.ca/?tenant=x"),
            "?tenant=x"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.pageSize(0), "was 0"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.pageSize(5000), "was 5000"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.concurrency(64), "was 64"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.rateLimit(-1), "was -1"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.timeout(Duration.ZERO), "PT0S"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.defaultZone("Mars/Olympus"), "Mars/Olympus"),
        Arguments.of((Consumer<AlayaCareConnectorConfig.Builder>) b -> b.callOutCodes(List.of("E*MP")), "E*MP"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void aBadValueFailsInItsSetterNamingIt(Consumer<AlayaCareConnectorConfig.Builder> setter, String named) {
    assertThatThrownBy(() -> setter.accept(AlayaCareConnectorConfig.builder()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
  }

  @Test
  void buildChecksWhatIsMissing() {
    assertThatThrownBy(() -> AlayaCareConnectorConfig.builder().publicKey(PUB).privateKey(PRIV).build())
        .hasMessageContaining("set the tenant");
    assertThatThrownBy(() -> AlayaCareConnectorConfig.builder().tenant("example").publicKey(PUB).build())
        .hasMessageContaining("private key");
    assertThatThrownBy(() -> AlayaCareConnectorConfig.builder().tenant("example").baseUrl("https://x.alayacare.ca")
        .publicKey(PUB).privateKey(PRIV).build()).hasMessageContaining("not both");
    assertThatThrownBy(() -> AlayaCareConnectorConfig.builder().baseUrl("http://example.alayacare.ca")
        .publicKey(PUB).privateKey(PRIV).build()).hasMessageContaining("must use https")
        .hasMessageContaining("http://example.alayacare.ca");
    assertThatThrownBy(() -> AlayaCareConnectorConfig.builder().baseUrl("https://x.alayacare.ca").environment("uat")
        .publicKey(PUB).privateKey(PRIV).build()).hasMessageContaining("environment 'uat'")
        .hasMessageContaining("https://x.alayacare.ca/ext/api/v2/");
    assertThatThrownBy(() -> AlayaCareConnectorConfig.builder().baseUrl("https://x.alayacare.ca").domain("com")
        .publicKey(PUB).privateKey(PRIV).build()).hasMessageContaining("domain 'com'");
  }

  @Test
  void toBuilderRebuildsTheSameConfiguration() {
    AlayaCareConnectorConfig byTenant = AlayaCareConnectorConfig.builder().tenant("acme").environment("uat").domain("com")
        .publicKey(PUB).privateKey(PRIV).pageSize(250).build();
    AlayaCareConnectorConfig again = byTenant.toBuilder().build();
    assertThat(again.baseUrl()).isEqualTo(byTenant.baseUrl());
    assertThat(again.tenant()).hasValue("acme");
    assertThat(again.pageSize()).isEqualTo(250);
    assertThat(byTenant.toBuilder().environment("staging").build().baseUrl())
        .hasToString("https://acme.staging.alayacare.com/ext/api/v2/");
    AlayaCareConnectorConfig byUrl = AlayaCareConnectorConfig.builder().baseUrl("https://acme.alayacare.ca")
        .publicKey(PUB).privateKey(PRIV).build();
    assertThat(byUrl.toBuilder().timeout(Duration.ofSeconds(5)).build().baseUrl()).isEqualTo(byUrl.baseUrl());
    assertThat(byUrl.toBuilder().build().tenant()).isEmpty();
  }

  @Test
  void callOutCodesMatchCodesAndPrefixes() {
    AlayaCareConnectorConfig config = AlayaCareConnectorConfig.builder().tenant("x").publicKey(PUB).privateKey(PRIV)
        .callOutCodes(List.of("EMP*", "CG_SICK")).build();
    assertThat(config.isCallOutCode("EMP_SICK")).isTrue();
    assertThat(config.isCallOutCode("emp_car")).isTrue();
    assertThat(config.isCallOutCode("CG_SICK")).isTrue();
    assertThat(config.isCallOutCode("CG_SICKNESS")).isFalse();
    assertThat(config.isCallOutCode("CLNT_HOSPITAL")).isFalse();
    assertThat(config.isCallOutCode(null)).isFalse();
  }

  @Test
  void secretsNeverPrint() {
    AlayaCareConnectorConfig config = AlayaCareConnectorConfig.builder().tenant("x").publicKey(PUB).privateKey(PRIV).build();
    assertThat(config.toString()).doesNotContain("public-key").doesNotContain("private-key").contains("x.alayacare.ca");
  }

  @Test
  void theProviderIsDiscoveredAndReadsAGenericConfig() {
    ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader());
    assertThat(registry.ids()).contains("alayacare");
    List<CredentialField> fields = registry.get("alayacare").fields();
    assertThat(fields).filteredOn(CredentialField::secret).extracting(CredentialField::name)
        .containsExactlyInAnyOrder("publicKey", "privateKey");
    ConnectorConfig generic = ConnectorConfig.builder("alayacare").setting("tenant", "example")
        .setting("environment", "uat").setting("pageSize", "250").setting("concurrency", "6")
        .setting("rateLimit", "12.5").setting("defaultZone", "America/Vancouver").setting("callOutCodes", "EMP*, CG_SICK")
        .secret("publicKey", PUB).secret("privateKey", PRIV).timeout(Duration.ofSeconds(12)).build();
    AlayaCareConnectorConfig config = AlayaCareConnectorConfig.from(generic);
    assertThat(config.baseUrl()).hasToString("https://example.uat.alayacare.ca/ext/api/v2/");
    assertThat(config.pageSize()).isEqualTo(250);
    assertThat(config.concurrency()).isEqualTo(6);
    assertThat(config.rateLimit()).isEqualTo(12.5);
    assertThat(config.defaultZone()).isEqualTo(ZoneId.of("America/Vancouver"));
    assertThat(config.callOutCodes()).containsExactly("EMP*", "CG_SICK");
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(12));
    try (Connector connector = registry.create(generic)) {
      assertThat(connector.providerId()).isEqualTo("alayacare");
    }
    assertThatThrownBy(() -> AlayaCareConnectorConfig.from(generic.toBuilder().setting("pageSize", "lots").build()))
        .hasMessageContaining("pageSize").hasMessageContaining("'lots'");
    assertThatThrownBy(() -> registry.create(ConnectorConfig.builder("alayacare").setting("tenant", "x")
        .secret("publicKey", PUB).build())).hasMessageContaining("privateKey");
  }
}
