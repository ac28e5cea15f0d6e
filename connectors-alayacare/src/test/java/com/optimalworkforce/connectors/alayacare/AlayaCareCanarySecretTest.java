package com.optimalworkforce.connectors.alayacare;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.WriteBack;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.sync.Integration;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.core.sync.SyncWindow;
import com.optimalworkforce.testkit.CanaryScan;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import com.optimalworkforce.testkit.alayacare.SimulatedFault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Passes a canary key pair through every public entry point of the AlayaCare connector (its
 * configuration and provider, connection tests with wrong and right keys, listing branches,
 * reads, syncs through the SyncEngine and an Integration, write-back) and through the
 * simulator's failures, including 401, 403, 500, 503 and HTML bodies that echo the
 * {@code Authorization} header or the private key. A {@link CanaryScan} captures the SDK's log
 * output at TRACE, every exception's whole stack trace and the {@code toString()} of every object
 * touched, and fails if either key shows, as is, URL-encoded, in Base64 (a Basic header) or cut
 * short.
 */
class AlayaCareCanarySecretTest {
  private static final String PUBLIC_CANARY = "CANARYPUB-4be9d07c13";
  private static final String PRIVATE_CANARY = "CANARYPRIV-e27a6f05b8";

  private static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(73).regions(2).clients(24)
      .caregivers(22).weeksOfHistory(1).weeksAhead(1).apiKey(PRIVATE_CANARY).build();
  private static final AlayaCareSimulator SIM = AlayaCareSimulator.builder(AGENCY).publicKey(PUBLIC_CANARY).start();
  private static final TimeWindow WINDOW = TimeWindow.around(AGENCY.now(), Duration.ofDays(7), Duration.ofDays(7));

  private CanaryScan scan;

  @BeforeEach
  void startScan() {
    SIM.reset();
    scan = CanaryScan.start(PUBLIC_CANARY, PRIVATE_CANARY);
  }

  @AfterEach
  void stopScan() {
    scan.close();
  }

  @AfterAll
  static void stop() {
    SIM.close();
  }

  private static AlayaCareConnectorConfig.Builder config(String privateKey) {
    return Simulators.config(SIM).privateKey(Secret.of(privateKey));
  }

  /** What a misbehaving server or gateway might answer: the request's credentials echoed back. */
  private static String echoingBodies(String kind) {
    String basic = "Basic " + Base64.getEncoder().encodeToString((PUBLIC_CANARY + ":" + PRIVATE_CANARY)
        .getBytes(StandardCharsets.UTF_8));
    return switch (kind) {
      case "json" -> "{\"code\": 401, \"message\": \"Authorization: " + basic + " is not valid\"}";
      case "error+message" -> "{\"error\": \"forbidden\", \"message\": \"key " + PUBLIC_CANARY + " / " + PRIVATE_CANARY
          + " may not read this\"}";
      case "html" -> "<html><head><title>500</title></head><body><h1>Internal error for " + basic
          + "</h1></body></html>";
      case "text" -> "upstream said: private_key=" + PRIVATE_CANARY + "&public_key=" + PUBLIC_CANARY;
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @Test
  void noKeyLeaksThroughConfigurationConnectionTestsReadsAndFailures() {
    Set<String> branches;

    // Configuration: the builder, toBuilder, the generic config and the provider's fields.
    AlayaCareConnectorConfig config = config(PRIVATE_CANARY).build();
    ConnectorConfig generic = ConnectorConfig.builder(AlayaCareConnectorProvider.ID)
        .setting(AlayaCareConnectorProvider.BASE_URL, SIM.baseUrl())
        .setting(AlayaCareConnectorProvider.RATE_LIMIT, "2000")
        .secret(AlayaCareConnectorProvider.PUBLIC_KEY, Secret.of(PUBLIC_CANARY))
        .secret(AlayaCareConnectorProvider.PRIVATE_KEY, Secret.of(PRIVATE_CANARY))
        .clock(AGENCY.clock()).build();
    scan.seen(config, config.toBuilder().build(), config.publicKey(), config.privateKey(), generic,
        AlayaCareConnectorConfig.from(generic), new AlayaCareConnectorProvider().fields());
    scan.thrown(() -> AlayaCareConnectorConfig.from(ConnectorConfig.builder(AlayaCareConnectorProvider.ID)
        .setting(AlayaCareConnectorProvider.BASE_URL, SIM.baseUrl())
        .secret(AlayaCareConnectorProvider.PUBLIC_KEY, Secret.of(PUBLIC_CANARY)).build()));
    scan.thrown(() -> AlayaCareConnectorConfig.builder().publicKey(Secret.of(PUBLIC_CANARY))
        .privateKey(Secret.of(PRIVATE_CANARY)).build());

    // Wrong private key (the 401 path), and the read-only key pair (the 403 path, its private key
    // holds the canary too).
    try (AlayaCareConnector wrong = AlayaCareConnector.create(config(PRIVATE_CANARY + "-old").build())) {
      ConnectionCheck check = wrong.testConnection();
      assertThat(check.failure()).isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
      scan.seen(wrong, check, check.message());
      scan.thrown(wrong::listRegions);
      SyncReport failed = SyncEngine.builder("canary-wrong", wrong).clock(AGENCY.clock()).build().sync(Set.of("101"));
      assertThat(failed.completed()).isFalse();
      scan.seen(failed, failed.failure());
    }
    try (AlayaCareConnector readOnly = AlayaCareConnector.create(Simulators.config(SIM)
        .publicKey(Secret.of(SIM.forbiddenPublicKey())).privateKey(SIM.forbiddenPrivateKey()).build())) {
      ConnectionCheck check = readOnly.testConnection();
      assertThat(check.failure()).isEqualTo(ConnectionFailure.ACCESS_DENIED);
      scan.seen(readOnly, check);
    }

    // Right keys: test, branches, every stream read page by page, a sync by the engine.
    try (AlayaCareConnector connector = AlayaCareConnector.create(config)) {
      ConnectionCheck ok = connector.testConnection();
      assertThat(ok.ok()).as(ok.message()).isTrue();
      branches = connector.listRegions().stream().map(Region::id).collect(Collectors.toSet());
      scan.seen(connector, ok, connector.listRegions(), connector.capabilities());
      for (EntityType type : connector.capabilities().entityTypes()) {
        Page page = connector.read(ReadRequest.builder(type).regions(branches).window(WINDOW).pageSize(5).build());
        scan.seen(page, page.nextCursor());
      }
      scan.thrown(() -> connector.read(ReadRequest.builder(EntityType.SHIFT_OFFER).regions(branches).window(WINDOW)
          .build()));
      InMemoryIntegrationStore integrations = InMemoryIntegrationStore.create();
      SyncEngine engine = SyncEngine.builder("canary", connector).scheduleStore(InMemoryScheduleStore.create())
          .integrationStore(integrations).clock(AGENCY.clock()).pageSize(20).build();
      SyncReport report = engine.sync(branches);
      assertThat(report.completed()).as(report.toString()).isTrue();
      scan.seen(engine, report, integrations.quarantined("canary"));

      // Failures whose bodies echo the credentials, on the connection test, reads and the engine.
      SIM.inject(SimulatedFault.status(401, echoingBodies("json"), "application/json").onPath("patients/clients"));
      assertThat(scan.failedQuotingMasked(connector.testConnection()).failure()).isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
      SIM.inject(SimulatedFault.status(403, echoingBodies("error+message"), "application/json").onPath("branches"));
      assertThat(scan.failedQuotingMasked(connector.testConnection()).failure()).isEqualTo(ConnectionFailure.ACCESS_DENIED);
      SIM.inject(SimulatedFault.status(500, echoingBodies("html"), "text/html").onPath("patients/clients"));
      scan.failedQuotingMasked(connector.testConnection());
      SIM.inject(SimulatedFault.status(400, echoingBodies("text"), "text/plain").onPath("patients/clients"));
      scan.failedQuotingMasked(connector.testConnection());
      // 503s are retried (logged at DEBUG) until the retries run out.
      SIM.inject(SimulatedFault.status(503, echoingBodies("json"), "application/json").times(5)
          .onPath("employees/employees"));
      scan.thrownQuotingMasked(() -> connector.read(ReadRequest.builder(EntityType.CAREGIVER).regions(branches).window(WINDOW)
          .pageSize(5).build()));
      SIM.inject(SimulatedFault.status(500, echoingBodies("error+message"), "application/json")
          .onPath("scheduler/visits"));
      SyncReport failed = engine.sync(branches);
      assertThat(failed.completed()).isFalse();
      assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f.toString()).contains("[redacted]"));
      scan.seen(failed, failed.failure());
    }

    scan.assertNoCanary("AlayaCare connection test against", "retrying in", "sync run");
    assertThat(scan.recorded()).isGreaterThan(30);
  }

  @Test
  void noKeyLeaksThroughWriteBackOrAnIntegration() {
    Visit open = AGENCY.visits().filter(Visit::isUnfilled).filter(v -> v.start().isAfter(AGENCY.now())).findFirst()
        .orElseThrow();
    String caregiver = Long.toString(SIM.employeeId(AGENCY.caregivers().stream()
        .filter(c -> c.regionId().equals(open.regionId())).findFirst().orElseThrow().id()));
    String visitId = Long.toString(SIM.visitId(open.id()));
    try (AlayaCareConnector connector = AlayaCareConnector.create(config(PRIVATE_CANARY).build())) {
      WriteBack writeBack = connector.writeBack().orElseThrow();
      scan.seen(writeBack);
      // Refusals whose bodies echo the credentials, then the assignment, then a conflict.
      SIM.inject(SimulatedFault.status(400, echoingBodies("error+message"), "application/json").onPath("scheduler/visits"));
      scan.thrownQuotingMasked(() -> writeBack.assignCaregiver(visitId, caregiver));
      SIM.inject(SimulatedFault.status(403, echoingBodies("json"), "application/json").onPath("scheduler/visits"));
      scan.thrownQuotingMasked(() -> writeBack.assignCaregiver(visitId, caregiver));
      writeBack.assignCaregiver(visitId, caregiver);
      scan.thrown(() -> writeBack.assignCaregiver(visitId, Long.toString(Long.parseLong(caregiver) + 1)));
      scan.thrown(() -> writeBack.assignCaregiver("999999999", caregiver));
      scan.thrown(() -> writeBack.assignCaregiver("V-1", caregiver));
    } finally {
      AGENCY.put(open);
    }

    // The provider wired into an Integration: wrong keys first, then corrected, then a sync.
    ConnectorConfig wrongKeys = ConnectorConfig.builder(AlayaCareConnectorProvider.ID)
        .setting(AlayaCareConnectorProvider.BASE_URL, SIM.baseUrl())
        .setting(AlayaCareConnectorProvider.RATE_LIMIT, "2000")
        .secret(AlayaCareConnectorProvider.PUBLIC_KEY, Secret.of(PUBLIC_CANARY))
        .secret(AlayaCareConnectorProvider.PRIVATE_KEY, Secret.of(PRIVATE_CANARY + "-typo"))
        .clock(AGENCY.clock()).build();
    try (Integration integration = Integration.builder("canary-alayacare", new AlayaCareConnectorProvider())
        .config(wrongKeys).vault(CredentialVault.create(KeyProvider.of("k1", new byte[32]))).clock(AGENCY.clock()).window(SyncWindow.of(Duration.ofDays(7), Duration.ofDays(7)))
        .pageSize(20).build()) {
      ConnectionCheck failed = integration.testConnection();
      assertThat(failed.failure()).isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
      ConnectionCheck fixed = integration.updateCredentials(Map.of(AlayaCareConnectorProvider.PRIVATE_KEY,
          Secret.of(PRIVATE_CANARY)));
      assertThat(fixed.ok()).as(fixed.message()).isTrue();
      integration.selectRegions(integration.availableRegions().stream().map(Region::id).collect(Collectors.toSet()));
      SyncReport first = integration.complete(progress -> scan.seen(progress));
      assertThat(first.completed()).as(first.toString()).isTrue();
      scan.seen(failed, fixed, first, integration, integration.status(), integration.diagnose());
    }

    scan.assertNoCanary("AlayaCare connection test against", "sync run");
  }
}
