package com.optimalworkforce.core.sync;

import static com.optimalworkforce.core.sync.SyncFixtures.agency;
import static com.optimalworkforce.core.sync.SyncFixtures.content;
import static com.optimalworkforce.core.sync.SyncFixtures.region;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.aggregate.AggregateCounts;
import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.aggregate.Aggregator;
import com.optimalworkforce.core.aggregate.PrivacyPolicy;
import com.optimalworkforce.core.aggregate.Release;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.store.FileIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.IntegrationStore;
import com.optimalworkforce.testkit.InMemoryConnectorProvider;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregate series an integration publishes: release after release, and the rounding key it keeps. */
class IntegrationReleaseTest {
  static final CredentialVault VAULT = CredentialVault.create(KeyProvider.of("k1", new byte[32]));
  static final PrivacyPolicy ROUNDING = PrivacyPolicy.builder().randomRounding(5).build(); // no key given

  final SyntheticAgency agency = agency(9);
  final MutableClock clock = MutableClock.at(agency.now());
  final InMemoryScheduleStore schedule = InMemoryScheduleStore.create();

  @TempDir
  Path dir;

  Integration.Builder builder(IntegrationStore store, PrivacyPolicy policy) {
    return Integration.builder("acme", new InMemoryConnectorProvider(agency)).vault(VAULT).integrationStore(store)
        .scheduleStore(schedule).clock(clock).pageSize(40).privacyPolicy(policy);
  }

  Integration connected(IntegrationStore store, PrivacyPolicy policy) {
    Integration acme = builder(store, policy).config(ConnectorConfig.builder("in-memory")
        .secret("apiKey", agency.apiKey()).build()).build();
    assertThat(acme.testConnection().ok()).isTrue();
    acme.selectRegions(Set.of(region(agency, 0), region(agency, 1)));
    return acme;
  }

  @Test
  void twoIntegrationsOverTheSameDurableStoreRoundTheSameDataTheSameWay() throws IOException {
    Integration first = connected(FileIntegrationStore.open(dir, VAULT), ROUNDING);
    first.complete(SyncProgressListener.noop());
    AggregateSnapshot before = first.latestSnapshot().orElseThrow();
    AggregateSnapshot previewBefore = first.preview();
    first.close();

    // A restart: a new store instance over the same directory, a new integration, the same policy.
    IntegrationStore reopened = FileIntegrationStore.open(dir, VAULT);
    Integration second = builder(reopened, ROUNDING).build();
    assertThat(second.preview()).as("the same figures rounded the same way").isEqualTo(previewBefore);
    clock.advance(Duration.ofHours(1));
    second.syncNow();
    AggregateSnapshot after = second.latestSnapshot().orElseThrow();
    assertThat(after.asOf()).isAfter(before.asOf());
    assertThat(after.regions()).as("nothing changed in the source: the same published figures")
        .isEqualTo(before.regions());

    // The key is kept sealed: not in any file of the store.
    String key = VAULT.unseal(reopened.roundingKey("acme").orElseThrow(), "integration/acme/rounding-key").reveal();
    assertThat(key).hasSize(64);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(key);
      }
    }

    // Another integration, with no stored key, makes its own: its rounding differs (with 2^-n odds
    // of matching by chance over the n rounded figures that are not multiples of 5).
    Integration stranger = connected(FileIntegrationStore.open(dir.resolve("other"), VAULT), ROUNDING);
    assertThat(stranger.preview()).isNotEqualTo(previewBefore);
  }

  @Test
  void aPolicyWhoseKeyDiffersFromTheStoredOneIsRefusedAtBuild() {
    IntegrationStore store = FileIntegrationStore.open(dir, VAULT);
    connected(store, ROUNDING).complete(SyncProgressListener.noop());
    PrivacyPolicy other = ROUNDING.toBuilder().roundingKey(Secret.of("another-rounding-key-0001")).build();
    assertThatThrownBy(() -> builder(store, other).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Integration 'acme' rounds its snapshots with the rounding key kept in")
        .hasMessageContaining("without roundingKey(...)").hasMessageNotContaining("another-rounding-key-0001");

    // The stored key itself is accepted, and a key given to a new integration is the one stored.
    Secret stored = VAULT.unseal(store.roundingKey("acme").orElseThrow(), "integration/acme/rounding-key");
    assertThat(builder(store, ROUNDING.toBuilder().roundingKey(stored).build()).build().latestSnapshot()).isPresent();
    IntegrationStore fresh = FileIntegrationStore.open(dir.resolve("fresh"), VAULT);
    connected(fresh, other);
    assertThat(VAULT.unseal(fresh.roundingKey("acme").orElseThrow(), "integration/acme/rounding-key").reveal())
        .isEqualTo("another-rounding-key-0001");
  }

  @Test
  void eachSyncPublishesTheNextReleaseOfTheSeriesAcrossRestarts() {
    IntegrationStore store = FileIntegrationStore.open(dir, VAULT);
    Integration acme = connected(store, PrivacyPolicy.ofDefaults());
    acme.complete(SyncProgressListener.noop());
    Release first = storedRelease(store);
    assertThat(first.snapshot()).isEqualTo(acme.latestSnapshot().orElseThrow());
    assertThat(first.snapshot()).isEqualTo(counts().publish(PrivacyPolicy.ofDefaults(), clock.instant()));
    acme.close();

    // Some visits of the synced window go; the integration restarts and syncs.
    com.optimalworkforce.core.model.TimeWindow window = SyncWindow.DEFAULT.at(clock.instant());
    assertThat(agency.deleteVisits(v -> window.contains(v.start()), 6, 4)).hasSize(6);
    clock.advance(Duration.ofHours(6));
    Integration restarted = builder(FileIntegrationStore.open(dir, VAULT), PrivacyPolicy.ofDefaults()).build();
    assertThat(restarted.syncNow().completed()).isTrue();
    AggregateCounts now = counts();
    Release expected = now.release(PrivacyPolicy.ofDefaults(), clock.instant(), first);
    assertThat(expected.snapshot()).as("published on its own, this snapshot would hide other cells")
        .isNotEqualTo(now.publish(PrivacyPolicy.ofDefaults(), clock.instant()));
    assertThat(restarted.latestSnapshot()).contains(expected.snapshot());
    assertThat(storedRelease(store)).isEqualTo(Release.fromJson(expected.toJson()));
    assertThat(storedRelease(store).snapshot().regions()).isNotEqualTo(first.snapshot().regions());

    restarted.disconnect();
    restarted.deleteData();
    assertThat(store.releaseState("acme")).isEmpty();
    assertThat(store.roundingKey("acme")).isEmpty();
  }

  private static Release storedRelease(IntegrationStore store) {
    byte[] sealed = store.releaseState("acme").orElseThrow();
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("agency zone");
    return Release.fromJson(new String(VAULT.decrypt(sealed, "integration/acme/aggregate-release"),
        StandardCharsets.UTF_8));
  }

  /** The counts of what the schedule store holds, as the integration's aggregator keeps them. */
  private AggregateCounts counts() {
    Aggregator a = Aggregator.create();
    a.addAll(List.copyOf(content(schedule).values()));
    return a.counts();
  }
}
