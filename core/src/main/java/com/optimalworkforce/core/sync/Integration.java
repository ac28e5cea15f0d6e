package com.optimalworkforce.core.sync;

import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorProvider;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.aggregate.Aggregator;
import com.optimalworkforce.core.aggregate.PrivacyPolicy;
import com.optimalworkforce.core.aggregate.Release;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.security.AuditLog;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.IntegrationRecord;
import com.optimalworkforce.core.store.IntegrationState;
import com.optimalworkforce.core.store.IntegrationStore;
import com.optimalworkforce.core.store.ScheduleStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to one source, driven the way a setup wizard drives it: test the connection, list
 * the regions, select some, preview, complete (the initial sync, with progress), then incremental
 * syncs; status, diagnostics, credential updates, region changes, disconnect and data deletion.
 * State lives in the {@link IntegrationStore} (credentials sealed with the {@link CredentialVault}),
 * so an integration survives restarts; every change is written to the {@link AuditLog}.
 *
 * <pre>{@code
 * Integration acme = Integration.builder("acme-east", alayaCareProvider).config(enteredConfig)
 *     .vault(vault).integrationStore(integrations).scheduleStore(schedule).auditLog(audit).build();
 * ConnectionCheck check = acme.testConnection();       // "Invalid credentials: ..." or saved
 * acme.selectRegions(Set.of(acme.availableRegions().get(0).id()));
 * SyncReport first = acme.complete(progress -> wizard.show(progress));
 * acme.syncNow();                                      // later, or on a SyncScheduler
 * }</pre>
 *
 * <p>After every completed sync the aggregate is published as the next {@link Release} of the
 * integration's series, consistent with the one before (kept sealed in the store), and saved:
 * {@link #latestSnapshot()} is what the host sends to its {@code AggregateSink}. With random
 * rounding and no rounding key in the policy, the integration generates a key once and keeps it
 * sealed in the store, so figures round the same way after restarts.
 *
 * <p>Messages are the connector's classified ones ("Invalid credentials: ...", "Access denied:
 * ...", "Connection timeout: ...") with the next step. Audit details never hold secrets or
 * names: ids, region ids, counts, credential field names.
 */
public final class Integration implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Integration.class);

  private final String id;
  private final ConnectorProvider provider;
  private final IntegrationStore integrationStore;
  private final ScheduleStore scheduleStore;
  private final CredentialVault vault;
  private final AuditLog audit;
  private final Clock clock;
  private final SyncEngine.Builder engineTemplate;
  private final SyncWindow window;
  private final int pageSize;
  private final PrivacyPolicy policy;
  private final Aggregator aggregator;

  private final Object lock = new Object();
  /** The latest release of the aggregate series, or null before the first; guarded by {@link #lock}. */
  private Release lastRelease;
  private ConnectorConfig config;
  private Connector connector;
  private SyncEngine engine;
  /** Regions chosen before the integration was saved. */
  private Set<String> pendingRegions = Set.of();
  /** The last failed connection test's message while nothing is saved yet, else null. */
  private volatile String unsavedFailure;

  private Integration(Builder b, ConnectorConfig config) {
    this.id = b.id;
    this.provider = b.provider;
    this.integrationStore = b.integrationStore;
    this.scheduleStore = b.scheduleStore;
    this.vault = b.vault;
    this.audit = b.audit;
    this.clock = b.clock;
    this.engineTemplate = b.engine;
    this.window = b.window;
    this.pageSize = b.pageSize;
    this.policy = b.policy;
    this.aggregator = b.aggregator;
    this.lastRelease = b.lastRelease;
    useConfig(config);
  }

  public static Builder builder(String id, ConnectorProvider provider) {
    return new Builder(id, provider);
  }

  private String credentialContext() {
    return "integration/" + id + "/credentials";
  }

  private static String releaseContext(String id) {
    return "integration/" + id + "/aggregate-release";
  }

  private static String roundingKeyContext(String id) {
    return "integration/" + id + "/rounding-key";
  }

  private void useConfig(ConnectorConfig newConfig) {
    Connector old = connector;
    config = newConfig;
    connector = provider.create(newConfig);
    engine = engineTemplate.connector(connector).build();
    if (old != null) {
      old.close();
    }
  }

  private Optional<IntegrationRecord> record() {
    return integrationStore.find(id);
  }

  private IntegrationRecord requireSaved(String action) {
    return record().orElseThrow(() -> new IllegalStateException("Integration '" + id + "' is not connected yet: test"
        + " the connection successfully before you " + action + "."));
  }

  private void requireNotDisconnected(IntegrationRecord r, String action) {
    if (r.state() == IntegrationState.DISCONNECTED) {
      throw new IllegalStateException("Integration '" + id + "' is disconnected: reconnect it before you " + action
          + ".");
    }
  }

  // ------------------------------------------------------------------ setup

  /**
   * Tests the connection with the current credentials. The first success saves the integration
   * (settings, sealed credentials). Never throws for a connection problem: the check says what
   * happened and what to do.
   */
  public ConnectionCheck testConnection() {
    synchronized (lock) {
      ConnectionCheck check = connector.testConnection();
      Optional<IntegrationRecord> saved = record();
      if (check.ok() && saved.isEmpty()) {
        integrationStore.saveCredentials(id, sealCredentials(config));
        saveNew(config);
      } else if (!check.ok()) {
        if (saved.isEmpty()) {
          unsavedFailure = check.message();
        }
        saved.ifPresent(r -> integrationStore.save(r.withError(check.message())));
        audit.append("integration.connection-test-failed", Map.of("integration", id, "connector", provider.id(),
            "failure", check.failureKind().map(Enum::name).orElse("")));
      } else if (saved.get().state() == IntegrationState.ERROR) {
        integrationStore.save(saved.get().withState(IntegrationState.CONNECTED));
      }
      return check;
    }
  }

  /** Saves the record of a new integration, with the regions chosen before (audited too). */
  private void saveNew(ConnectorConfig c) {
    integrationStore.save(IntegrationRecord.create(id, provider.id(), c.settings()).withSelectedRegions(pendingRegions));
    unsavedFailure = null;
    audit.append("integration.connected", Map.of("integration", id, "connector", provider.id()));
    if (!pendingRegions.isEmpty()) {
      audit.append("regions.selected", Map.of("integration", id, "regions", join(pendingRegions)));
    }
  }

  private byte[] sealCredentials(ConnectorConfig c) {
    Map<String, Secret> secrets = new LinkedHashMap<>();
    for (String name : new TreeSet<>(c.secretNames())) {
      secrets.put(name, c.requireSecret(name));
    }
    return vault.sealAll(secrets, credentialContext());
  }

  /**
   * The regions the credentials can see.
   *
   * @throws com.optimalworkforce.core.connector.ConnectorException classified, e.g. "Access denied: ..."
   */
  public List<Region> availableRegions() {
    return connector.listRegions();
  }

  /**
   * Sets the regions to sync, before the initial sync (start with one; add more later with
   * {@link #addRegion}). Unknown ids fail with the ids that are available.
   */
  public void selectRegions(Set<String> regionIds) {
    Objects.requireNonNull(regionIds, "regionIds");
    synchronized (lock) {
      checkKnown(regionIds);
      Optional<IntegrationRecord> saved = record();
      if (saved.isPresent() && saved.get().initialSyncCompleted()) {
        throw new IllegalStateException("Integration '" + id + "' has completed its initial sync: use addRegion or"
            + " removeRegion to change its regions, so their data is synced or removed.");
      }
      if (saved.isEmpty()) {
        pendingRegions = Set.copyOf(regionIds);
        return;
      }
      integrationStore.save(saved.get().withSelectedRegions(regionIds));
      audit.append("regions.selected", Map.of("integration", id, "regions", join(regionIds)));
    }
  }

  private void checkKnown(Set<String> regionIds) {
    Set<String> known = availableRegions().stream().map(Region::id).collect(Collectors.toCollection(TreeSet::new));
    for (String r : regionIds) {
      if (!known.contains(r)) {
        throw new IllegalArgumentException("Region '" + r + "' is not available to integration '" + id
            + "'. Available regions: " + known);
      }
    }
  }

  /**
   * Aggregated summary counts per region of what a sync would bring, read from the source without
   * writing anything: clients, caregivers and visits of the selected regions in the sync window,
   * published under the privacy policy (small cells suppressed).
   *
   * @throws IllegalStateException when no region is selected
   * @throws com.optimalworkforce.core.connector.ConnectorException classified, when the source fails
   */
  public AggregateSnapshot preview() {
    Set<String> regions = record().map(IntegrationRecord::selectedRegions).orElse(pendingRegions);
    if (regions.isEmpty()) {
      throw new IllegalStateException("No region selected for integration '" + id + "': select at least one region"
          + " to preview.");
    }
    return preview(regions);
  }

  /** The preview of these regions (they need not be selected). */
  public AggregateSnapshot preview(Set<String> regionIds) {
    Objects.requireNonNull(regionIds, "regionIds");
    checkKnown(regionIds);
    Aggregator preview = Aggregator.builder().clock(clock).build();
    com.optimalworkforce.core.model.TimeWindow w = window.at(clock.instant());
    Connector c;
    synchronized (lock) {
      c = connector;
    }
    for (EntityType type : List.of(EntityType.CLIENT, EntityType.CAREGIVER, EntityType.VISIT)) {
      if (!c.capabilities().supports(type)) {
        continue;
      }
      for (String region : new TreeSet<>(regionIds)) {
        ReadRequest request = ReadRequest.builder(type).regions(Set.of(region)).window(w).pageSize(pageSize).build();
        while (request != null) {
          Page page = c.read(request);
          preview.addAll(page.records());
          request = page.next().map(request::withCursor).orElse(null);
        }
      }
    }
    return preview.snapshot(policy);
  }

  /**
   * The aggregate of what this integration synced, as saved after its last completed sync: the
   * latest release of its series, each consistent with the one before (see {@link Release}).
   * Publish every one of them, or the series' guarantee covers only the releases an analyst
   * holds in a row.
   */
  public Optional<AggregateSnapshot> latestSnapshot() {
    return integrationStore.snapshot(id);
  }

  private static String join(Set<String> ids) {
    return String.join(",", new TreeSet<>(ids));
  }

  /**
   * Completes the setup: the initial sync of the selected regions, reporting progress. Can be
   * called again after a failure: it resumes from the checkpoint.
   *
   * @throws IllegalStateException when the connection was not tested or no region is selected
   * @throws SyncAlreadyRunningException when a sync is running
   */
  public SyncReport complete(SyncProgressListener progress) {
    IntegrationRecord r = requireSaved("complete the setup");
    if (r.selectedRegions().isEmpty()) {
      throw new IllegalStateException("No region selected for integration '" + id + "': select at least one region"
          + " before completing the setup.");
    }
    return runSync(r.selectedRegions(), SyncMode.AUTO, progress, "initial");
  }

  // ------------------------------------------------------------------ syncing

  /** An incremental sync now (the initial one if it has not completed). */
  public SyncReport syncNow() {
    return syncNow(SyncProgressListener.noop());
  }

  public SyncReport syncNow(SyncProgressListener progress) {
    return sync(SyncMode.AUTO, progress);
  }

  /**
   * A sync now in the given mode.
   *
   * @throws IllegalStateException when not connected, disconnected or no region is selected
   * @throws SyncAlreadyRunningException when a sync is running
   */
  public SyncReport sync(SyncMode mode, SyncProgressListener progress) {
    IntegrationRecord r = requireSaved("sync");
    if (r.selectedRegions().isEmpty()) {
      throw new IllegalStateException("No region selected for integration '" + id + "': select a region first.");
    }
    return runSync(r.selectedRegions(), mode, progress, r.initialSyncCompleted() ? "incremental" : "initial");
  }

  private SyncReport runSync(Set<String> regions, SyncMode mode, SyncProgressListener progress, String kind) {
    Objects.requireNonNull(progress, "progress");
    SyncEngine e;
    synchronized (lock) {
      IntegrationRecord r = requireSaved("sync");
      requireNotDisconnected(r, "sync");
      if (engine.isSyncing()) {
        throw new SyncAlreadyRunningException(id, "Integration '" + id + "' is already syncing; this request was not"
            + " started. Wait for the running sync to finish, then try again.");
      }
      integrationStore.save(r.withState(IntegrationState.SYNCING));
      e = engine;
    }
    SyncReport report;
    try {
      report = e.sync(regions, mode, progress);
    } catch (SyncAlreadyRunningException already) {
      restoreStateAfterRefusal();
      throw already;
    }
    synchronized (lock) {
      IntegrationRecord r = record().orElse(null);
      if (r != null) {
        IntegrationRecord after = r.withLastSyncFinished(report.finishedAt());
        if (report.completed()) {
          Release next = lastRelease == null ? aggregator.release(policy) : aggregator.release(policy, lastRelease);
          // The state first: should the process die between the two writes, the next release is
          // consistent with this one, whether or not its snapshot was saved.
          integrationStore.saveReleaseState(id, vault.encrypt(next.toJson().getBytes(StandardCharsets.UTF_8),
              releaseContext(id)));
          integrationStore.saveSnapshot(id, next.snapshot());
          lastRelease = next;
        }
        if (r.state() == IntegrationState.DISCONNECTED) {
          after = after.withState(IntegrationState.DISCONNECTED);
        } else if (report.completed()) {
          after = after.withState(IntegrationState.CONNECTED)
              .withInitialSyncCompleted(r.initialSyncCompleted() || kind.equals("initial"));
        } else {
          after = after.withError(report.failure().orElse("Sync failed"));
        }
        integrationStore.save(after);
      }
      Map<String, String> details = new LinkedHashMap<>();
      details.put("integration", id);
      details.put("kind", kind);
      details.put("regions", join(regions));
      details.put("run", String.valueOf(report.runId()));
      details.put("created", String.valueOf(report.created()));
      details.put("updated", String.valueOf(report.updated()));
      details.put("deleted", String.valueOf(report.deleted()));
      details.put("quarantined", String.valueOf(report.quarantined()));
      if (!report.completed()) {
        details.put("error", report.failure().orElse(""));
      }
      audit.append(report.completed() ? "sync.completed" : "sync.failed", details);
    }
    return report;
  }

  private void restoreStateAfterRefusal() {
    synchronized (lock) {
      record().filter(r -> r.state() == IntegrationState.SYNCING && !engine.isSyncing())
          .ifPresent(r -> integrationStore.save(r.withState(IntegrationState.CONNECTED)));
    }
  }

  // ------------------------------------------------------------------ status

  public IntegrationStatus status() {
    Optional<IntegrationRecord> saved = record();
    if (saved.isEmpty()) {
      String failure = unsavedFailure;
      // Being set up: ERROR with the message while the last connection test failed.
      return new IntegrationStatus(id, provider.id(), failure == null ? IntegrationState.CONNECTED
          : IntegrationState.ERROR, failure, pendingRegions, false, null, 0, false);
    }
    IntegrationRecord r = saved.get();
    IntegrationState state = r.state();
    String error = r.lastError();
    if (state == IntegrationState.SYNCING && !engine.isSyncing()) {
      // Saved as syncing, but no sync runs here: the process died mid-sync.
      state = IntegrationState.ERROR;
      error = "The last sync was interrupted; the next sync resumes from its last checkpoint.";
    } else if (engine.isSyncing() && state != IntegrationState.DISCONNECTED) {
      state = IntegrationState.SYNCING;
    }
    return new IntegrationStatus(id, r.connectorId(), state, error, r.selectedRegions(), r.initialSyncCompleted(),
        r.lastSyncFinished(), integrationStore.quarantineCount(id), true);
  }

  /** What needs attention, each with the next step; empty when all is well. */
  public List<Diagnostic> diagnose() {
    List<Diagnostic> out = new ArrayList<>();
    IntegrationStatus s = status();
    if (!s.saved()) {
      out.add(new Diagnostic(Diagnostic.Code.NOT_CONNECTED, "Not connected: test the connection to '"
          + provider.displayName() + "' with valid credentials to save the integration."
          + s.lastError().map(e -> " The last test failed: " + e).orElse("")));
    }
    if (s.selectedRegions().isEmpty()) {
      out.add(new Diagnostic(Diagnostic.Code.NO_REGION_SELECTED, "No region selected: choose at least one of the"
          + " available regions to sync."));
    }
    if (s.saved() && !s.initialSyncCompleted()) {
      out.add(new Diagnostic(Diagnostic.Code.INITIAL_SYNC_NOT_FINISHED, "Initial sync not finished: complete the"
          + " setup (run the initial sync); an interrupted one resumes from its checkpoint."));
    }
    if (s.saved() && s.state() == IntegrationState.ERROR) {
      out.add(new Diagnostic(Diagnostic.Code.LAST_SYNC_FAILED, "Last sync failed: " + s.lastError().orElse("unknown")));
    }
    if (s.quarantined() > 0) {
      out.add(new Diagnostic(Diagnostic.Code.RECORDS_QUARANTINED, s.quarantined() + " record(s) quarantined: they"
          + " failed validation and were not applied; fix them in the source (see the quarantine for each reason)"
          + " and they are applied on the next sync."));
    }
    if (s.state() == IntegrationState.DISCONNECTED) {
      out.add(new Diagnostic(Diagnostic.Code.DISCONNECTED, "Disconnected: no syncs run; the data already synced is"
          + " kept. Reconnect to resume syncing, or delete the data."));
    }
    return out;
  }

  // ------------------------------------------------------------------ changes

  /**
   * Replaces credentials after testing them: saved (sealed) only when the connection test passes
   * (which also saves a new integration); otherwise the old ones stay and the failed check is
   * returned.
   *
   * @param secrets credential name to value; names not given keep their current value
   */
  public ConnectionCheck updateCredentials(Map<String, Secret> secrets) {
    Objects.requireNonNull(secrets, "secrets");
    synchronized (lock) {
      ConnectorConfig.Builder b = config.toBuilder();
      secrets.forEach((name, value) -> b.secret(name, Objects.requireNonNull(value, () -> "secret '" + name + "'")));
      ConnectorConfig candidate = b.build();
      ConnectionCheck check;
      try (Connector test = provider.create(candidate)) {
        check = test.testConnection();
      }
      Map<String, String> details = new LinkedHashMap<>();
      details.put("integration", id);
      details.put("fields", join(secrets.keySet()));
      if (!check.ok()) {
        details.put("failure", check.failureKind().map(Enum::name).orElse(""));
        audit.append("credentials.rejected", details);
        if (record().isEmpty()) {
          unsavedFailure = check.message();
        }
        return check;
      }
      useConfig(candidate);
      integrationStore.saveCredentials(id, sealCredentials(candidate));
      Optional<IntegrationRecord> saved = record();
      if (saved.isEmpty()) {
        saveNew(candidate);
      } else if (saved.get().state() == IntegrationState.ERROR) {
        integrationStore.save(saved.get().withState(IntegrationState.CONNECTED));
      }
      audit.append("credentials.updated", details);
      return check;
    }
  }

  /**
   * Key rotation: re-encrypts the saved credentials under the vault's current key when they are
   * still sealed with an older one (audited as {@code credentials.reencrypted} with the key ids).
   * Build the integration with a vault holding both keys, the new one current; afterwards the
   * older key is no longer needed for this integration's credentials.
   *
   * @return true when the credentials were re-encrypted, false when they already used the current key
   * @throws IllegalStateException when the integration is not saved
   * @throws com.optimalworkforce.core.security.CredentialVaultException when they do not open
   */
  public boolean reencryptCredentials() {
    synchronized (lock) {
      requireSaved("re-encrypt its credentials");
      byte[] sealed = integrationStore.credentials(id).orElseThrow(() -> new IllegalStateException("Integration '"
          + id + "' has no saved credentials; update its credentials to save them"));
      if (!vault.needsReencryption(sealed)) {
        return false;
      }
      String from = CredentialVault.keyIdOf(sealed);
      byte[] resealed = vault.reencrypt(sealed, credentialContext());
      integrationStore.saveCredentials(id, resealed);
      audit.append("credentials.reencrypted", Map.of("integration", id, "fromKey", from,
          "toKey", CredentialVault.keyIdOf(resealed)));
      return true;
    }
  }

  /**
   * Adds a region. After the initial sync, the region is synced now and its report returned;
   * before it, the region is only selected.
   */
  public Optional<SyncReport> addRegion(String regionId, SyncProgressListener progress) {
    Objects.requireNonNull(regionId, "regionId");
    Objects.requireNonNull(progress, "progress");
    IntegrationRecord r;
    synchronized (lock) {
      checkKnown(Set.of(regionId));
      Optional<IntegrationRecord> saved = record();
      if (saved.isEmpty()) {
        Set<String> regions = new TreeSet<>(pendingRegions);
        regions.add(regionId);
        pendingRegions = Set.copyOf(regions);
        return Optional.empty();
      }
      r = saved.get();
      Set<String> regions = new TreeSet<>(r.selectedRegions());
      regions.add(regionId);
      integrationStore.save(r.withSelectedRegions(regions));
      audit.append("regions.added", Map.of("integration", id, "region", regionId));
      if (!r.initialSyncCompleted()) {
        return Optional.empty();
      }
    }
    return Optional.of(runSync(Set.of(regionId), SyncMode.AUTO, progress, "region-added"));
  }

  /** Removes a region from the selection and its data from the schedule store; returns the records removed. */
  public long removeRegion(String regionId) {
    Objects.requireNonNull(regionId, "regionId");
    synchronized (lock) {
      Optional<IntegrationRecord> saved = record();
      if (saved.isEmpty()) {
        Set<String> regions = new TreeSet<>(pendingRegions);
        regions.remove(regionId);
        pendingRegions = Set.copyOf(regions);
        return 0;
      }
      IntegrationRecord r = saved.get();
      Set<String> regions = new TreeSet<>(r.selectedRegions());
      if (!regions.remove(regionId)) {
        throw new IllegalArgumentException("Region '" + regionId + "' is not selected for integration '" + id
            + "'; selected: " + new TreeSet<>(r.selectedRegions()));
      }
      long removed = engine.removeRegion(regionId);
      integrationStore.save(r.withSelectedRegions(regions));
      audit.append("regions.removed", Map.of("integration", id, "region", regionId, "records", String.valueOf(removed)));
      return removed;
    }
  }

  /** Stops syncing (a running sync stops after its current page); the data already synced is kept. */
  public void disconnect() {
    synchronized (lock) {
      IntegrationRecord r = requireSaved("disconnect");
      integrationStore.save(r.withState(IntegrationState.DISCONNECTED));
      engine.requestStop();
      audit.append("integration.disconnected", Map.of("integration", id));
    }
  }

  /** Resumes syncing after {@link #disconnect()}, once the connection test passes. */
  public ConnectionCheck reconnect() {
    synchronized (lock) {
      IntegrationRecord r = requireSaved("reconnect");
      ConnectionCheck check = connector.testConnection();
      if (check.ok()) {
        integrationStore.save(r.withState(IntegrationState.CONNECTED));
        audit.append("integration.reconnected", Map.of("integration", id));
      }
      return check;
    }
  }

  /**
   * Deletes everything this integration synced or stored: its records in the schedule store
   * (listeners are told each deletion), its checkpoint, quarantine, credentials, record, saved
   * snapshot, release state and rounding key. Set up again, it starts a new series of snapshots.
   * Disconnect first.
   *
   * @return the records removed from the schedule store
   */
  public long deleteData() {
    synchronized (lock) {
      IntegrationRecord r = requireSaved("delete its data");
      if (r.state() != IntegrationState.DISCONNECTED) {
        throw new IllegalStateException("Integration '" + id + "' is " + r.state() + ": disconnect it before deleting"
            + " its data.");
      }
      long removed = 0;
      for (String region : new TreeSet<>(r.selectedRegions())) {
        removed += engine.removeRegion(region);
      }
      integrationStore.delete(id);
      lastRelease = null;
      audit.append("integration.data-deleted", Map.of("integration", id, "regions", join(r.selectedRegions()),
          "records", String.valueOf(removed)));
      LOG.info("Integration '{}': data deleted ({} records)", id, removed);
      return removed;
    }
  }

  public String id() {
    return id;
  }

  /** The engine syncing this integration (it changes when credentials change). */
  public SyncEngine engine() {
    synchronized (lock) {
      return engine;
    }
  }

  public ScheduleStore scheduleStore() {
    return scheduleStore;
  }

  @Override
  public void close() {
    synchronized (lock) {
      connector.close();
    }
  }

  @Override
  public String toString() {
    return "Integration[id=" + id + ", connector=" + provider.id() + "]";
  }

  /** Builds an {@link Integration}: a new one from a config, or a saved one from its store. */
  public static final class Builder {
    private final String id;
    private final ConnectorProvider provider;
    private ConnectorConfig config;
    private IntegrationStore integrationStore;
    private ScheduleStore scheduleStore;
    private CredentialVault vault;
    private AuditLog audit;
    private Clock clock = Clock.systemUTC();
    private SyncWindow window = SyncWindow.DEFAULT;
    private int pageSize = SyncEngine.DEFAULT_PAGE_SIZE;
    private final List<ChangeListener> listeners = new ArrayList<>();
    private RecordValidator validator = RecordValidator.none();
    private Duration timeout = ConnectorConfig.DEFAULT_TIMEOUT;
    private SyncEngine.Builder engine;
    private PrivacyPolicy policy = PrivacyPolicy.ofDefaults();
    private Aggregator aggregator;
    private Release lastRelease;

    private Builder(String id, ConnectorProvider provider) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("Integration id must not be blank but was '" + id + "'");
      }
      this.id = id;
      this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** Settings and credentials of a new integration (as entered in the wizard). Not for a saved one. */
    public Builder config(ConnectorConfig config) {
      Objects.requireNonNull(config, "config");
      if (!config.connectorId().equals(provider.id())) {
        throw new IllegalArgumentException("config is for connector '" + config.connectorId() + "' but the provider is '"
            + provider.id() + "'");
      }
      this.config = config;
      return this;
    }

    public Builder integrationStore(IntegrationStore store) {
      this.integrationStore = Objects.requireNonNull(store, "store");
      return this;
    }

    public Builder scheduleStore(ScheduleStore store) {
      this.scheduleStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Seals the credentials at rest (required). */
    public Builder vault(CredentialVault vault) {
      this.vault = Objects.requireNonNull(vault, "vault");
      return this;
    }

    /** Where syncs and changes are audited (default: an in-memory log). */
    public Builder auditLog(AuditLog audit) {
      this.audit = Objects.requireNonNull(audit, "audit");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder window(SyncWindow window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > com.optimalworkforce.core.connector.ReadRequest.MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("pageSize must be between 1 and "
            + com.optimalworkforce.core.connector.ReadRequest.MAX_PAGE_SIZE + " but was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    public Builder listener(ChangeListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * The policy of previews and saved snapshots (default {@link PrivacyPolicy#ofDefaults()}). With
     * random rounding, leave the rounding key out: the integration generates one on its first build
     * and keeps it sealed in its store. A policy with a key must keep that key for the life of the
     * integration: {@link #build()} refuses another than the one it stored.
     */
    public Builder privacyPolicy(PrivacyPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    public Builder validator(RecordValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /** Connector timeout of a saved integration (a new one takes its config's). */
    public Builder connectorTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("connectorTimeout must be positive but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * A new integration when {@link #config} is given and nothing is saved under the id; the
     * saved one (credentials unsealed with the vault) when no config is given.
     *
     * @throws IllegalStateException when both or neither exist, or the saved one is of another connector
     */
    public Integration build() {
      if (vault == null) {
        throw new IllegalStateException("Integration '" + id + "': a CredentialVault is required to keep credentials"
            + " encrypted; set vault(...)");
      }
      if (integrationStore == null) {
        integrationStore = InMemoryIntegrationStore.create();
      }
      if (scheduleStore == null) {
        scheduleStore = InMemoryScheduleStore.create();
      }
      if (audit == null) {
        audit = AuditLog.inMemory(clock);
      }
      Optional<IntegrationRecord> saved = integrationStore.find(id);
      ConnectorConfig effective;
      if (saved.isPresent()) {
        if (config != null) {
          throw new IllegalStateException("Integration '" + id + "' is already saved: build it without config(...),"
              + " and change credentials with updateCredentials(...)");
        }
        IntegrationRecord r = saved.get();
        if (!r.connectorId().equals(provider.id())) {
          throw new IllegalStateException("Integration '" + id + "' was saved for connector '" + r.connectorId()
              + "' but the provider given is '" + provider.id() + "'");
        }
        ConnectorConfig.Builder b = ConnectorConfig.builder(r.connectorId()).clock(clock).timeout(timeout);
        r.settings().forEach(b::setting);
        byte[] sealed = integrationStore.credentials(id).orElseThrow(() -> new IllegalStateException("Integration '"
            + id + "' has no saved credentials; delete it and set it up again"));
        Map<String, Secret> secrets = new HashMap<>(vault.unsealAll(sealed, "integration/" + id + "/credentials"));
        secrets.forEach(b::secret);
        effective = b.build();
      } else {
        if (config == null) {
          throw new IllegalStateException("Integration '" + id + "' is not saved in " + integrationStore
              + ": give the connector settings and credentials with config(...) to set it up");
        }
        effective = config.toBuilder().clock(clock).build();
      }
      policy = withRoundingKey(policy);
      lastRelease = integrationStore.releaseState(id).map(this::openRelease).orElse(null);
      engine = SyncEngine.builder(id, new PlaceholderConnector(provider.id())).integrationStore(integrationStore)
          .scheduleStore(scheduleStore).clock(clock).window(window).pageSize(pageSize).validator(validator);
      aggregator = Aggregator.builder().clock(clock).build();
      Set<String> synced = saved.map(IntegrationRecord::selectedRegions).orElse(Set.of());
      if (!synced.isEmpty()) {
        // The aggregate of what is already synced; kept current by the change events from here on.
        try (java.util.stream.Stream<com.optimalworkforce.core.store.StoredRecord> records =
            scheduleStore.query(com.optimalworkforce.core.store.ScheduleQuery.builder().regions(synced).build())) {
          aggregator.addAll(records.map(com.optimalworkforce.core.store.StoredRecord::record));
        }
      }
      engine.listener(aggregator::applyAll);
      listeners.forEach(engine::listener);
      return new Integration(this, effective);
    }

    /**
     * The policy with the integration's rounding key when it rounds: the stored key, else the
     * policy's (then stored), else a new random one (then stored), sealed with the vault.
     */
    private PrivacyPolicy withRoundingKey(PrivacyPolicy p) {
      if (p.randomRoundingBase() == 0) {
        return p;
      }
      String context = roundingKeyContext(id);
      Optional<Secret> stored = integrationStore.roundingKey(id).map(sealed -> vault.unseal(sealed, context));
      Optional<Secret> given = p.roundingKey();
      if (stored.isPresent() && given.isPresent() && !MessageDigest.isEqual(
          stored.get().reveal().getBytes(StandardCharsets.UTF_8), given.get().reveal().getBytes(StandardCharsets.UTF_8))) {
        throw new IllegalStateException("Integration '" + id + "' rounds its snapshots with the rounding key kept in "
            + integrationStore + ", and the privacy policy given has a different roundingKey(...). Figures rounded"
            + " under two keys can be averaged back towards the true counts: build the integration with a policy"
            + " without roundingKey(...) to keep using the stored key.");
      }
      Secret key = stored.or(() -> given).orElseGet(() -> {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Secret.of(HexFormat.of().formatHex(random));
      });
      if (stored.isEmpty()) {
        integrationStore.saveRoundingKey(id, vault.seal(key, context));
        LOG.info("Integration '{}': rounding key {} and stored sealed", id, given.isPresent() ? "taken from the policy"
            : "generated");
      }
      return p.toBuilder().roundingKey(key).build();
    }

    private Release openRelease(byte[] sealed) {
      try {
        return Release.fromJson(new String(vault.decrypt(sealed, releaseContext(id)), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("Integration '" + id + "': the aggregate release saved in " + integrationStore
            + " is unreadable (" + e.getMessage() + "). It is what the next snapshot must stay consistent with;"
            + " restore it from a backup of the store, or delete the integration's data and set it up again.", e);
      }
    }
  }

  /** Stands in the engine template until the real connector is made; never called. */
  private record PlaceholderConnector(String providerId) implements Connector {
    @Override
    public ConnectionCheck testConnection() {
      throw new IllegalStateException("placeholder");
    }

    @Override
    public List<Region> listRegions() {
      throw new IllegalStateException("placeholder");
    }

    @Override
    public com.optimalworkforce.core.connector.Page read(com.optimalworkforce.core.connector.ReadRequest request) {
      throw new IllegalStateException("placeholder");
    }

    @Override
    public com.optimalworkforce.core.connector.Capabilities capabilities() {
      throw new IllegalStateException("placeholder");
    }
  }
}
