package com.optimalworkforce.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.alerts.engine.AlertEngine;
import com.optimalworkforce.alerts.rules.BackupFinder;
import com.optimalworkforce.alerts.rules.BuiltInRules;
import com.optimalworkforce.alerts.store.AlertQuery;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.connectors.alayacare.AlayaCareConnectorProvider;
import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.sync.Integration;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The code of docs/getting-started.md, run end to end against the AlayaCare simulator. */
class GettingStartedTest {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(5).regions(2).clients(80).caregivers(30)
      .weeksOfHistory(2).weeksAhead(1).build();
  static final AlayaCareSimulator ALAYACARE = AlayaCareSimulator.start(AGENCY);

  @AfterAll
  static void stop() {
    ALAYACARE.close();
  }

  @Test
  void connectorToIntegrationToSyncToSnapshotToAlerts() {
    Clock clock = AGENCY.clock();
    String publicKey = ALAYACARE.publicKey();
    Secret privateKey = ALAYACARE.privateKey();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Map<String, String> env = Map.of("OW_KEY_2026_01", Base64.getEncoder().encodeToString(key));
    List<String> inbox = new ArrayList<>();

    // tag::connector[]
    ConnectorConfig config = ConnectorConfig.builder("alayacare")
        .setting("baseUrl", ALAYACARE.baseUrl())     // a real agency: .setting("tenant", "example")
        .setting("rateLimit", "200")                  // requests a second (default 10)
        .secret("publicKey", Secret.of(publicKey))
        .secret("privateKey", privateKey)
        .build();
    // end::connector[]

    // tag::alerts[]
    ScheduleIndex schedule = ScheduleIndex.create(clock);   // what the rules read
    AlertEngine alerts = AlertEngine.builder(schedule, clock)
        .rules(BuiltInRules.all(BackupFinder.none()))       // the seven built-in rules
        .build();
    // end::alerts[]

    // tag::integration[]
    CredentialVault vault = CredentialVault.create(KeyProvider.ofBase64(Map.of("2026-01", env.get("OW_KEY_2026_01")),
        "2026-01"));                                         // your key, from your secret store
    Integration integration = Integration.builder("agency-1", new AlayaCareConnectorProvider())
        .config(config)
        .vault(vault)              // credentials are kept encrypted
        .listener(alerts)          // every change a sync applies goes to the alert engine
        .clock(clock)
        .build();
    ConnectionCheck check = integration.testConnection();     // "Connected to ..." or what to fix
    integration.selectRegions(Set.of(integration.availableRegions().get(0).id()));
    SyncReport report = integration.complete(progress -> { }); // the initial sync; later: syncNow()

    AggregateSnapshot snapshot = integration.latestSnapshot().orElseThrow();
    String json = snapshot.toJson();   // counts per postal area, small cells suppressed: what may leave

    for (AlertRecord r : alerts.feed(AlertQuery.builder().openOnly(true).build())) {
      inbox.add(r.alert().severity() + " " + r.alert().message());
    }
    // end::integration[]
    integration.close();
    alerts.close();
    assertThat(check.ok()).as(check.message()).isTrue();
    assertThat(report.completed()).as(report.failure().orElse("")).isTrue();
    assertThat(report.created()).isGreaterThan(100);
    assertThat(snapshot.regions()).hasSize(1);
    assertThat(json).contains("\"schemaVersion\"").doesNotContain(publicKey);
    assertThat(AGENCY.clients()).noneSatisfy(c -> assertThat(json).contains(c.id()));
    assertThat(inbox).isNotEmpty().anySatisfy(line -> assertThat(line).contains("unfilled"));
  }
}
