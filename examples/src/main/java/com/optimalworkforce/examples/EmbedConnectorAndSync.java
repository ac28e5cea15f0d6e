package com.optimalworkforce.examples;

import com.optimalworkforce.connectors.alayacare.AlayaCareConnectorProvider;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.sync.ChangeListener;
import com.optimalworkforce.core.sync.Integration;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.examples.embed.HostScheduleStore;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Embed the AlayaCare connector and sync an agency's schedule into the host's own store. An
 * {@link AlayaCareSimulator} on loopback plays the agency's AlayaCare tenant; the records land in
 * {@link HostScheduleStore} (the host's "database"); a {@link ChangeListener} hears every change;
 * after some edits in AlayaCare an incremental sync brings exactly those.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -pl examples -am package
 * examples/run EmbedConnectorAndSync
 * }</pre>
 */
public final class EmbedConnectorAndSync {
  private EmbedConnectorAndSync() {}

  /** What the run did, for its test. */
  public record Result(SyncReport initial, SyncReport incremental, List<Change> changesHeard,
      Set<RecordKey> visitsChangedAtSource, Set<RecordKey> visitsDeletedAtSource, HostScheduleStore store) {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}. */
  public static Result run(PrintStream out) {
    SyntheticAgency agency = SyntheticAgency.builder().seed(7).regions(2).clients(60).caregivers(24)
        .weeksOfHistory(2).weeksAhead(1).build();
    MutableClock clock = MutableClock.at(agency.now());
    try (AlayaCareSimulator alayacare = AlayaCareSimulator.start(agency)) {
      // tag::wire[]
      HostScheduleStore store = new HostScheduleStore();             // your database
      List<Change> heard = Collections.synchronizedList(new ArrayList<>());
      ChangeListener listener = heard::addAll;                       // e.g. update your caches, notify your UI

      ConnectorConfig config = ConnectorConfig.builder("alayacare")
          .setting("baseUrl", alayacare.baseUrl())                  // production: .setting("tenant", "example")
          .setting("rateLimit", "500")                              // the simulator is local; default 10/s
          .secret("publicKey", Secret.of(alayacare.publicKey()))
          .secret("privateKey", alayacare.privateKey())
          .build();
      CredentialVault vault = CredentialVault.create(KeyProvider.of("demo-key", randomKey())); // your KMS
      try (Integration integration = Integration.builder("alayacare-example", new AlayaCareConnectorProvider())
          .config(config)
          .vault(vault)                                             // credentials are sealed at rest
          .integrationStore(InMemoryIntegrationStore.create())      // or FileIntegrationStore, or your own
          .scheduleStore(store)
          .listener(listener)
          .clock(clock)
          .build()) {
        ConnectionCheck check = integration.testConnection();
        out.println("Connection: " + check.message());
        Set<String> regions = integration.availableRegions().stream().map(Region::id).collect(Collectors.toSet());
        integration.selectRegions(regions);
        SyncReport initial = integration.complete(progress -> { });
        // end::wire[]
        out.printf("Initial sync: %d records read, %d created, %d quarantined, %d pages%n",
            initial.recordsRead(), initial.created(), initial.quarantined(), initial.pages());
        out.println("Your store now holds " + store.size() + " rows:");
        store.countsByTypeAndRegion().forEach((type, perRegion) -> out.println("  " + type + " " + perRegion));
        out.println("The listener heard " + summary(heard));
        heard.clear();

        // Meanwhile, in AlayaCare: some visits move by a quarter of an hour, two are deleted.
        List<String> changed = agency.changeVisits(v -> v.start().isAfter(agency.now()), 0.02, 1);
        List<String> deleted = agency.deleteVisits(v -> !changed.contains(v.id()), 2, 2);
        clock.advance(Duration.ofHours(1));

        // tag::incremental[]
        SyncReport incremental = integration.syncNow();
        out.println("The listener heard:");
        for (Change c : heard) {
          String what = c.isCreate() ? "created" : c.isUpdate() ? "updated" : "deleted";
          String detail = c.after() instanceof Visit && c.before() instanceof Visit
              ? ": ends " + ((Visit) c.before()).localEnd().toLocalTime() + " -> " + ((Visit) c.after()).localEnd().toLocalTime()
              : "";
          out.println("  " + what + " " + c.key().type().displayName() + " " + c.key().sourceId() + detail);
        }
        // end::incremental[]
        out.printf("Incremental sync: %d records read, %d updated, %d deleted, %d unchanged%n",
            incremental.recordsRead(), incremental.updated(), incremental.deleted(), incremental.unchanged());
        // The connector's record ids are AlayaCare's own.
        Set<RecordKey> changedKeys = changed.stream().map(id -> alayacare.connectorKey(agency.visit(id).orElseThrow()))
            .collect(Collectors.toSet());
        Set<RecordKey> deletedKeys = deleted.stream()
            .map(id -> RecordKey.of(EntityType.VISIT, Long.toString(alayacare.visitId(id)))).collect(Collectors.toSet());
        return new Result(initial, incremental, List.copyOf(heard), changedKeys, deletedKeys, store);
      }
    }
  }

  /** E.g. "312 changes: Visit created 280, Client created 22, ...". */
  private static String summary(List<Change> changes) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Change c : changes) {
      counts.merge(c.key().type().displayName() + (c.isCreate() ? " created" : c.isUpdate() ? " updated" : " deleted"),
          1, Integer::sum);
    }
    return changes.size() + " changes: " + counts;
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
