package com.optimalworkforce.core.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.connector.ConnectorProvider;
import com.optimalworkforce.core.connector.CredentialField;
import com.optimalworkforce.core.http.ClientCredentialsTokenProvider;
import com.optimalworkforce.core.http.ConnectorIOException;
import com.optimalworkforce.core.http.FailureClassifier;
import com.optimalworkforce.core.http.HttpResilience;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.RetryEvent;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.http.TokenProvider;
import com.optimalworkforce.core.http.faults.AgencyApi;
import com.optimalworkforce.core.http.faults.JsonHttpConnector;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.store.FileIntegrationStore;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.sync.Integration;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.core.sync.SyncWindow;
import com.optimalworkforce.testkit.CanaryScan;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passes canary secrets through every public entry point that handles credentials (connector
 * configuration, vault, audit log, token provider, HTTP layer, a connector synced by the
 * SyncEngine, the Integration lifecycle with its encrypted store, and their failure paths). A
 * {@link CanaryScan} captures the SDK's log output at TRACE (see {@code simplelogger.properties}),
 * every exception's full stack trace and the {@code toString()} of every object involved, and fails
 * if a canary appears in any form it looks for (as is, URL-encoded, Base64, or cut short).
 */
class CanarySecretTest {
  /** The client secret / API key / private key. */
  private static final String CANARY = "CANARY-8d41f0c2-client-secret";
  /** Access tokens the API issues (a token is a secret too). */
  private static final String TOKEN_CANARY = "CANARYTOKEN-55e1b7-";

  private static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(5).regions(2).clients(24)
      .caregivers(22).weeksOfHistory(1).weeksAhead(1).build();
  private static final AgencyApi API = new AgencyApi(AGENCY, CANARY);

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(API)).build();

  @TempDir
  Path dir;

  private CanaryScan scan;

  @BeforeEach
  void captureLogs() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(AgencyApi.NAME)));
    API.tokenPrefix(TOKEN_CANARY);
    scan = CanaryScan.start(CANARY, TOKEN_CANARY);
  }

  @AfterEach
  void restore() {
    scan.close();
    API.reset();
  }

  /** Records the text a person or a log could see. */
  private void seen(Object... objects) {
    scan.seen(objects);
  }

  private Throwable thrown(Executable code) {
    return scan.thrown(code);
  }

  private static ConnectorConfig config(String secret, Duration timeout) {
    return ConnectorConfig.builder("json-http-test")
        .setting("baseUrl", server.baseUrl())
        .secret("clientSecret", Secret.of(secret))
        .timeout(timeout)
        .clock(AGENCY.clock())
        .build();
  }

  private static RetryPolicy fastRetries() {
    return RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).build();
  }

  @Test
  void noCanaryLeaksThroughAnyEntryPoint() throws Exception {
    List<RetryEvent> retries = new ArrayList<>();

    // Secrets and connector configuration.
    Secret secret = Secret.of(CANARY);
    ConnectorConfig config = config(CANARY, Duration.ofSeconds(5));
    seen(secret, config, config.toBuilder().build(), config.secretNames());
    seen(thrown(() -> config.requireSetting("missing")), thrown(() -> config.requireSecret("missing")));
    seen(thrown(() -> Secret.of(" ")));

    // Vault: the canary as plaintext, as key material (bad Base64, wrong length), and failures.
    byte[] keyBytes = new byte[32];
    new SecureRandom().nextBytes(keyBytes);
    CredentialVault vault = CredentialVault.create(KeyProvider.of("k1", keyBytes));
    byte[] sealed = vault.seal(secret, "integration/canary");
    byte[] sealedAll = vault.sealAll(Map.of("clientSecret", secret), "integration/canary");
    seen(vault, vault.unseal(sealed, "integration/canary"), vault.unsealAll(sealedAll, "integration/canary"));
    seen(new String(sealed, StandardCharsets.ISO_8859_1), new String(sealedAll, StandardCharsets.ISO_8859_1));
    seen(thrown(() -> vault.unseal(sealed, "integration/other")));
    byte[] tampered = sealed.clone();
    tampered[tampered.length - 3] ^= 1;
    seen(thrown(() -> vault.unseal(tampered, "integration/canary")));
    seen(thrown(() -> CredentialVault.create(KeyProvider.of("k2", new byte[32])).unseal(sealed, "integration/canary")));
    seen(thrown(() -> KeyProvider.ofBase64(Map.of("k1", CANARY), "k1")));
    seen(thrown(() -> KeyProvider.of("k1", CANARY.getBytes(StandardCharsets.UTF_8))));
    seen(KeyProvider.ofBase64(Map.of("k1", Base64.getEncoder().encodeToString(keyBytes)), "k1"));

    // Audit log: details that carry a credential by mistake are stored masked.
    FileAuditLog audit = AuditLog.file(dir.resolve("audit.jsonl"), AGENCY.clock());
    AuditEntry entry = audit.append("credentials.updated", Map.of("header", "Authorization: Bearer " + CANARY,
        "form", "client_secret=" + CANARY));
    seen(entry, audit, audit.entries(), audit.verify(), Files.readString(dir.resolve("audit.jsonl")));

    // Redactor.
    Redactor redactor = Redactor.standard().with(secret);
    seen(redactor, redactor.redact("value " + CANARY + " and " + URLEncoder.encode(CANARY, StandardCharsets.UTF_8)));

    // Token provider: success (tokens are canaries), rejection echoing the secret, toString.
    ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.builder()
        .tokenEndpoint(URI.create(server.baseUrl() + "/oauth/token")).clientId(AgencyApi.CLIENT_ID)
        .clientSecret(secret).clock(AGENCY.clock()).build();
    Secret token = tokens.token();
    assertThat(token.reveal()).startsWith(TOKEN_CANARY);
    seen(tokens, token, tokens.refresh(token), TokenProvider.fixed(token));
    ClientCredentialsTokenProvider wrongSecret = ClientCredentialsTokenProvider.builder()
        .tokenEndpoint(URI.create(server.baseUrl() + "/oauth/token")).clientId(AgencyApi.CLIENT_ID)
        .clientSecret(Secret.of(CANARY + "-old")).clock(AGENCY.clock()).build();
    Throwable rejected = thrown(wrongSecret::token);
    assertThat(((ConnectorException) rejected).failure()).isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
    seen(wrongSecret);
    seen(thrown(() -> ClientCredentialsTokenProvider.builder().tokenEndpoint(URI.create("http://remote.example/"
        + "token?client_secret=" + CANARY)).clientId("x").clientSecret(secret).build()));

    // HTTP layer: retries logged at DEBUG for a request whose query carries the canary.
    HttpResilience resilience = HttpResilience.builder().retryPolicy(fastRetries())
        .rateLimitPolicy(RateLimitPolicy.perSecond(100)).redactor(redactor).listener(e -> {
          retries.add(e);
          seen(e);
        }).build();
    API.inject(r -> r.getUrl().startsWith("/api/regions"), AgencyApi.json(503, "{}"));
    HttpClient jdk = TlsPolicy.ofDefaults().applyTo(HttpClient.newBuilder()).build();
    HttpRequest regions = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/regions?api_key=" + CANARY))
        .header("Authorization", "Bearer " + token.reveal()).build();
    HttpResponse<String> answer = resilience.send(jdk, regions, HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    seen(resilience, RetryPolicy.ofDefaults(), TlsPolicy.ofDefaults());
    FailureClassifier failures = FailureClassifier.forHost("localhost").redactor(redactor);
    seen(failures, failures.classify(new IOException("POST failed: client_secret=" + CANARY)),
        failures.classify(new IOException("bad answer " + CANARY)),
        failures.fromStatus(401, "{\"detail\":\"Authorization: Bearer " + token.reveal() + "\"}"),
        new ConnectorIOException(failures.fromStatus(400, "secret was " + CANARY)));

    // A connector over the shared OkHttp stack, synced by the SyncEngine: with a 503, a 401 mid-sync
    // (one refresh), then with a wrong secret (the token endpoint echoes it).
    API.inject(AgencyApi.laterPageOf(EntityType.VISIT), AgencyApi.json(503, "{}"));
    API.revokeTokensAfterPages(4);
    Set<String> regionIds = AGENCY.regions().stream().map(Region::id).collect(Collectors.toSet());
    InMemoryScheduleStore schedule = InMemoryScheduleStore.create();
    InMemoryIntegrationStore integrations = InMemoryIntegrationStore.create();
    try (JsonHttpConnector connector = new JsonHttpConnector(config, fastRetries(), retries::add)) {
      ConnectionCheck check = connector.testConnection();
      SyncEngine engine = SyncEngine.builder("canary", connector).integrationStore(integrations).scheduleStore(schedule)
          .clock(AGENCY.clock()).window(SyncWindow.of(Duration.ofDays(7), Duration.ofDays(7))).pageSize(20).build();
      SyncReport report = engine.sync(regionIds);
      assertThat(report.completed()).as(report.toString()).isTrue();
      seen(connector, check, engine, report);
    }
    try (JsonHttpConnector connector = new JsonHttpConnector(config(CANARY + "-old", Duration.ofSeconds(5)), fastRetries(),
        retries::add)) {
      ConnectionCheck check = connector.testConnection();
      assertThat(check.failure()).isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
      SyncReport failed = SyncEngine.builder("canary-2", connector).clock(AGENCY.clock()).build().sync(regionIds);
      assertThat(failed.completed()).isFalse();
      seen(check, check.message(), failed, failed.failure());
    }
    assertThat(retries).as("the retry paths ran").isNotEmpty();

    // The capture works and saw the SDK's DEBUG-level lines (so the scan means something).
    assertNoCanarySeen("retrying in", "fetched an access token", "sync run");
  }

  @Test
  void noCanaryLeaksThroughTheIntegrationLifecycle() throws Exception {
    byte[] keyBytes = new byte[32];
    new SecureRandom().nextBytes(keyBytes);
    CredentialVault vault = CredentialVault.create(KeyProvider.of("k1", keyBytes));
    Path storeDir = dir.resolve("integrations");
    Path auditFile = dir.resolve("integration-audit.jsonl");
    ConnectorProvider provider = new ConnectorProvider() {
      @Override
      public String id() {
        return "json-http-test";
      }

      @Override
      public String displayName() {
        return "JSON over HTTP (test)";
      }

      @Override
      public List<CredentialField> fields() {
        return List.of(CredentialField.setting("baseUrl", "API base URL", true),
            CredentialField.secret("clientSecret", "OAuth client secret"));
      }

      @Override
      public com.optimalworkforce.core.connector.Connector create(ConnectorConfig config) {
        return new JsonHttpConnector(config, fastRetries(), e -> seen(e));
      }
    };
    API.revokeTokensAfterPages(3);
    Set<String> regionIds = AGENCY.regions().stream().map(Region::id).collect(Collectors.toSet());

    // Set up with a wrong secret first (the token endpoint echoes it), then fix it.
    try (Integration integration = Integration.builder("canary-integration", provider)
        .config(config(CANARY + "-typo", Duration.ofSeconds(5)))
        .vault(vault).integrationStore(FileIntegrationStore.open(storeDir, vault))
        .scheduleStore(InMemoryScheduleStore.create()).auditLog(AuditLog.file(auditFile, AGENCY.clock()))
        .clock(AGENCY.clock()).window(SyncWindow.of(Duration.ofDays(7), Duration.ofDays(7))).pageSize(20).build()) {
      ConnectionCheck failed = integration.testConnection();
      assertThat(failed.failure()).isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
      ConnectionCheck fixed = integration.updateCredentials(Map.of("clientSecret", Secret.of(CANARY)));
      assertThat(fixed.ok()).as(fixed.message()).isTrue();
      ConnectionCheck rejected = integration.updateCredentials(Map.of("clientSecret", Secret.of(CANARY + "-wrong")));
      assertThat(rejected.ok()).isFalse();
      integration.selectRegions(regionIds);
      SyncReport first = integration.complete(progress -> seen(progress));
      assertThat(first.completed()).as(first.toString()).isTrue();
      seen(failed, fixed, rejected, first, integration, integration.status(), integration.diagnose(),
          integration.availableRegions(), integration.syncNow());
      integration.disconnect();
      seen(integration.status(), integration.reconnect());
    }
    // Reopened from the store: the credentials come back through the vault.
    try (Integration reopened = Integration.builder("canary-integration", provider).vault(vault)
        .integrationStore(FileIntegrationStore.open(storeDir, vault)).clock(AGENCY.clock()).build()) {
      seen(reopened, reopened.status(), reopened.testConnection(), reopened.syncNow());
    }

    // Key rotation: the store's files and the credentials are re-encrypted under a new key; a store
    // opened without the key that sealed it fails.
    byte[] newKey = new byte[32];
    new SecureRandom().nextBytes(newKey);
    CredentialVault rotating = CredentialVault.create(KeyProvider.of(Map.of("k1", keyBytes, "k2", newKey), "k2"));
    FileIntegrationStore rotatingStore = FileIntegrationStore.open(storeDir, rotating);
    seen(rotatingStore.reencrypt(), rotatingStore);
    try (Integration rotated = Integration.builder("canary-integration", provider).vault(rotating)
        .integrationStore(rotatingStore).auditLog(AuditLog.file(auditFile, AGENCY.clock())).clock(AGENCY.clock())
        .build()) {
      assertThat(rotated.reencryptCredentials()).isTrue();
      seen(rotated, rotated.status());
    }
    CredentialVault oldKeyOnly = CredentialVault.create(KeyProvider.of("k1", keyBytes));
    seen(thrown(() -> Integration.builder("canary-integration", provider).vault(oldKeyOnly)
        .integrationStore(FileIntegrationStore.open(storeDir, oldKeyOnly)).build()));

    // Encrypted at rest: no store file and no audit line holds the secret.
    try (java.util.stream.Stream<Path> files = Files.walk(storeDir)) {
      List<Path> stored = files.filter(Files::isRegularFile).collect(Collectors.toList());
      assertThat(stored).as("the store wrote files").isNotEmpty();
      for (Path f : stored) {
        seen(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    String auditText = Files.readString(auditFile);
    assertThat(auditText).contains("credentials.updated").contains("credentials.rejected")
        .contains("credentials.reencrypted");
    seen(auditText);

    assertNoCanarySeen("fetched an access token", "sync run");
  }

  private void assertNoCanarySeen(String... expectedInLogs) {
    scan.assertNoCanary(expectedInLogs);
  }
}
