package com.optimalworkforce.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.SyncCursor;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every connector must meet, as a JUnit 5 suite a connector's test extends. A vendor
 * test supplies the agency its source serves and four connectors (good, wrong credentials, no
 * access, too slow); the kit does the rest.
 *
 * <pre>{@code
 * class AcmeConnectorCompatibilityTest extends ConnectorCompatibilityKit {
 *   static final SyntheticAgency AGENCY = SyntheticAgency.small();
 *   static final AcmeSimulator SIM = AcmeSimulator.start(AGENCY);
 *
 *   protected SyntheticAgency agency() { return AGENCY; }
 *   protected Connector newConnector() { return acme(SIM.url(), AGENCY.apiKey().reveal()); }
 *   protected Connector newConnectorWithWrongCredentials() { return acme(SIM.url(), "wrong"); }
 *   protected Connector newConnectorWithoutAccess() { return acme(SIM.url(), SIM.readOnlyKey()); }
 *   protected Connector newConnectorThatTimesOut() { return acmeWithTimeout(SIM.slowUrl(), Duration.ofMillis(200)); }
 * }
 * }</pre>
 *
 * <p>It checks that: a good connection passes; wrong credentials, denied access and a timeout are
 * each classified correctly with an actionable message; regions are listed; reading every page
 * of every stream the connector declares returns each expected record exactly once; stopping
 * mid-way and resuming from the cursor with a new connector instance loses and repeats nothing;
 * the records are consistent with the request (region, window, references); and reading the same
 * data again gives the same content hashes (the sync engine detects changes by them).
 *
 * <p>The data and the failures are set up by the subclass: {@link #agency()} is what the source
 * serves, and each {@code newConnector...()} method returns a connector pointed at a source that
 * behaves that way (a simulator with a wrong key, a key without permission, a slow endpoint).
 * Override {@link #connectorRegionId}, {@link #connectorKey} or {@link #expectedKeys} where the
 * source names things its own way.
 */
public abstract class ConnectorCompatibilityKit {
  private final List<Connector> opened = new ArrayList<>();

  /** The agency the connector's source serves. */
  protected abstract SyntheticAgency agency();

  /** A connector with valid credentials. A new instance per call. */
  protected abstract Connector newConnector();

  /** A connector whose credentials the source rejects. */
  protected abstract Connector newConnectorWithWrongCredentials();

  /** A connector whose credentials are valid but lack permission. */
  protected abstract Connector newConnectorWithoutAccess();

  /** A connector whose source answers more slowly than its timeout. */
  protected abstract Connector newConnectorThatTimesOut();

  /** The window the read tests use; default: two weeks before the agency's now to one week after. */
  protected TimeWindow window() {
    return TimeWindow.around(agency().now(), Duration.ofDays(14), Duration.ofDays(7));
  }

  /** The regions the read tests select (connector ids); default: all but the last, when there are several. */
  protected Set<String> regions() {
    List<Region> all = agency().regions();
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < Math.max(1, all.size() - 1); i++) {
      ids.add(connectorRegionId(all.get(i)));
    }
    return ids;
  }

  /**
   * The id the connector gives an agency region; default: the same id. Override for sources that
   * number regions themselves (AlayaCare's integer branch ids).
   */
  protected String connectorRegionId(Region agencyRegion) {
    return agencyRegion.id();
  }

  /**
   * The key the connector gives an agency record; default: the same key. Override for sources
   * that give records ids of their own.
   */
  protected RecordKey connectorKey(SourceRecord agencyRecord) {
    return agencyRecord.key();
  }

  /** The agency region a connector region id stands for. */
  private Region agencyRegion(String connectorRegionId) {
    for (Region r : agency().regions()) {
      if (connectorRegionId(r).equals(connectorRegionId)) {
        return r;
      }
    }
    throw new AssertionError("Region '" + connectorRegionId + "' is not one of the agency's regions");
  }

  /** Small pages, so every read spans several. */
  protected int pageSize() {
    return 7;
  }

  /** The streams to check; default: every stream the connector declares. */
  protected Set<EntityType> streams() {
    Set<EntityType> declared = newConnectorTracked().capabilities().entityTypes();
    return declared.isEmpty() ? Set.of() : EnumSet.copyOf(declared); // a stable order, so failures repeat
  }

  /** The keys a read of the stream should return; default: the agency's own selection, as the connector keys it. */
  protected Set<RecordKey> expectedKeys(EntityType type, Set<String> regionIds, TimeWindow window) {
    Set<String> agencyRegions = regionIds.stream().map(id -> agencyRegion(id).id()).collect(Collectors.toSet());
    return agency().select(type, agencyRegions, window).map(this::connectorKey).collect(Collectors.toSet());
  }

  /** The longest a connection test that times out may take before it answers. */
  protected Duration timeoutBudget() {
    return Duration.ofSeconds(20);
  }

  private Connector newConnectorTracked() {
    Connector c = newConnector();
    opened.add(c);
    return c;
  }

  private Connector track(Connector c) {
    opened.add(c);
    return c;
  }

  @AfterEach
  void closeConnectors() {
    for (Connector c : opened) {
      c.close();
    }
    opened.clear();
  }

  @Test
  @DisplayName("a good connection passes the connection test")
  void goodConnectionPasses() {
    ConnectionCheck check = newConnectorTracked().testConnection();
    assertThat(check.ok()).as("connection check with valid credentials: %s", check.message()).isTrue();
    assertThat(check.failure()).isNull();
  }

  @Test
  @DisplayName("wrong credentials are classified INVALID_CREDENTIALS with an actionable message")
  void wrongCredentialsAreClassified() {
    ConnectionCheck check = track(newConnectorWithWrongCredentials()).testConnection();
    assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
    assertThat(check.message()).startsWith("Invalid credentials: ");
    assertActionable(check);
  }

  @Test
  @DisplayName("denied access is classified ACCESS_DENIED with an actionable message")
  void deniedAccessIsClassified() {
    ConnectionCheck check = track(newConnectorWithoutAccess()).testConnection();
    assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.ACCESS_DENIED);
    assertThat(check.message()).startsWith("Access denied: ");
    assertActionable(check);
  }

  @Test
  @DisplayName("a slow source is classified TIMEOUT, in bounded time")
  void timeoutIsClassified() {
    long t0 = System.nanoTime();
    ConnectionCheck check = track(newConnectorThatTimesOut()).testConnection();
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.TIMEOUT);
    assertThat(check.message()).startsWith("Connection timeout: ");
    assertThat(took).as("time the connection test took").isLessThan(timeoutBudget());
    assertActionable(check);
  }

  @Test
  @DisplayName("regions are listed")
  void regionsAreListed() {
    List<Region> regions = newConnectorTracked().listRegions();
    Set<String> ids = regions.stream().map(Region::id).collect(Collectors.toSet());
    Set<String> expected = agency().regions().stream().map(this::connectorRegionId).collect(Collectors.toSet());
    assertThat(ids).isEqualTo(expected);
    assertThat(regions).allSatisfy(r -> assertThat(r.zone()).isEqualTo(agencyRegion(r.id()).zone()));
  }

  @Test
  @DisplayName("reading all pages returns every record exactly once")
  void readingAllPagesReturnsEveryRecordExactlyOnce() {
    Connector connector = newConnectorTracked();
    for (EntityType type : checkedStreams()) {
      List<SourceRecord> records = readAll(connector, request(type), Integer.MAX_VALUE).records;
      assertNoDuplicates(type, records);
      assertSameKeys(type + " records read", keys(records), expectedKeys(type, regions(), window()));
    }
  }

  @Test
  @DisplayName("stopping mid-way and resuming from the cursor loses and repeats nothing")
  void resumingFromACursorLosesAndRepeatsNothing() {
    int resumed = 0;
    for (EntityType type : checkedStreams()) {
      Set<RecordKey> expected = expectedKeys(type, regions(), window());
      if (expected.size() <= pageSize()) {
        continue; // a single page has no middle to stop in
      }
      // Stop after two pages when there are more than two, else after one.
      int stopAfter = expected.size() > 2 * pageSize() ? 2 : 1;
      Read first = readAll(newConnectorTracked(), request(type), stopAfter);
      assertThat(first.cursor).as("%s: cursor after %d of several pages", type, stopAfter).isNotNull();
      // A fresh connector, as after a restart, resumes from the stored cursor.
      Read rest = readAll(newConnectorTracked(), request(type).withCursor(first.cursor), Integer.MAX_VALUE);
      List<SourceRecord> all = new ArrayList<>(first.records);
      all.addAll(rest.records);
      assertNoDuplicates(type, all);
      assertSameKeys(type + " records read in two halves", keys(all), expected);
      resumed++;
    }
    assertThat(resumed).as("streams with more than one page of %d records to stop in (make the agency or the "
        + "window larger, or pageSize() smaller)", pageSize()).isPositive();
  }

  @Test
  @DisplayName("records are consistent with the request: region, window and references")
  void recordsAreValid() {
    Connector connector = newConnectorTracked();
    Set<String> regions = regions();
    TimeWindow window = window();
    Set<String> clientIds = new HashSet<>();
    agency().clients().forEach(c -> clientIds.add(connectorKey(c).sourceId()));
    Set<String> caregiverIds = new HashSet<>();
    agency().caregivers().forEach(c -> caregiverIds.add(connectorKey(c).sourceId()));
    for (EntityType type : checkedStreams()) {
      for (SourceRecord r : readAll(connector, request(type), Integer.MAX_VALUE).records) {
        assertThat(r.type()).as("type of %s in the %s stream", r.key(), type).isEqualTo(type);
        assertThat(r.contentHash()).hasSize(32);
        if (r instanceof Client c) {
          assertThat(regions).as("region of %s", r.key()).contains(c.regionId());
        } else if (r instanceof Caregiver c) {
          assertThat(regions).as("region of %s", r.key()).contains(c.regionId());
        } else if (r instanceof Visit v) {
          assertThat(regions).as("region of %s", r.key()).contains(v.regionId());
          assertThat(window.contains(v.start())).as("start of %s in %s", r.key(), window).isTrue();
          assertThat(clientIds).as("client of %s", r.key()).contains(v.clientId());
          if (v.caregiverId() != null) {
            assertThat(caregiverIds).as("caregiver of %s", r.key()).contains(v.caregiverId());
          }
          assertThat(v.zone()).as("zone of %s", r.key()).isEqualTo(agencyRegion(v.regionId()).zone());
        } else if (r instanceof Unavailability u) {
          assertThat(caregiverIds).as("caregiver of %s", r.key()).contains(u.caregiverId());
          assertThat(window.overlaps(u.start(), u.end())).as("%s overlaps %s", r.key(), window).isTrue();
        } else if (r instanceof ShiftOffer o) {
          assertThat(caregiverIds).as("caregiver of %s", r.key()).contains(o.caregiverId());
          assertThat(window.contains(o.shiftStart())).as("shift of %s in %s", r.key(), window).isTrue();
        } else if (r instanceof CallOut c) {
          assertThat(caregiverIds).as("caregiver of %s", r.key()).contains(c.caregiverId());
          assertThat(window.contains(c.shiftStart())).as("shift of %s in %s", r.key(), window).isTrue();
        }
      }
    }
  }

  @Test
  @DisplayName("reading the same data again gives the same content hashes")
  void contentHashesAreStableAcrossReads() {
    for (EntityType type : checkedStreams()) {
      // The first pages of each stream, twice, by two instances: enough to catch a hash that
      // covers something other than the record's content (a fetch time, a session, an order).
      Map<RecordKey, String> first = hashes(readAll(newConnectorTracked(), request(type), 3).records);
      Map<RecordKey, String> second = hashes(readAll(newConnectorTracked(), request(type), 3).records);
      assertThat(second.keySet()).as("%s records on the first pages of two reads", type).isEqualTo(first.keySet());
      Set<RecordKey> differing = new TreeSet<>();
      first.forEach((key, hash) -> {
        if (!hash.equals(second.get(key))) {
          differing.add(key);
        }
      });
      assertThat(differing).as("%s records whose content hash changed between two reads of unchanged data", type)
          .isEmpty();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static Map<RecordKey, String> hashes(List<SourceRecord> records) {
    Map<RecordKey, String> out = new HashMap<>();
    records.forEach(r -> out.put(r.key(), r.contentHash()));
    return out;
  }

  private Set<EntityType> checkedStreams() {
    Set<EntityType> streams = streams();
    assertThat(streams).as("streams to check (Capabilities.entityTypes() of the connector, or streams())").isNotEmpty();
    return streams;
  }

  private ReadRequest request(EntityType type) {
    return ReadRequest.builder(type).regions(regions()).window(window()).pageSize(pageSize()).build();
  }

  private record Read(List<SourceRecord> records, SyncCursor cursor) {}

  /** Reads up to {@code maxPages} pages; guards against a cursor that never ends. */
  private Read readAll(Connector connector, ReadRequest request, int maxPages) {
    Set<RecordKey> expected = expectedKeys(request.type(), request.regionIds(), request.window());
    int guard = expected.size() / Math.max(1, pageSize() / 2) + 20;
    List<SourceRecord> out = new ArrayList<>();
    ReadRequest next = request;
    int pages = 0;
    while (next != null && pages < maxPages) {
      if (pages++ > guard) {
        fail("%s read did not end after %d pages (expected about %d records, page size %d): the cursor never runs out",
            request.type(), pages, expected.size(), pageSize());
      }
      Page page = connector.read(next);
      assertThat(page.records().size()).as("%s page %d size (page size %d)", request.type(), pages, pageSize())
          .isLessThanOrEqualTo(pageSize());
      out.addAll(page.records());
      next = page.next().map(next::withCursor).orElse(null);
    }
    return new Read(out, next == null ? null : next.cursor());
  }

  private static void assertNoDuplicates(EntityType type, List<SourceRecord> records) {
    Set<RecordKey> seen = new HashSet<>();
    Set<RecordKey> repeated = new TreeSet<>();
    for (SourceRecord r : records) {
      if (!seen.add(r.key())) {
        repeated.add(r.key());
      }
    }
    assertThat(repeated).as("%s records returned more than once", type).isEmpty();
  }

  /** Fails listing what is missing and what is unexpected (a few of each), not two whole sets. */
  private static void assertSameKeys(String what, Set<RecordKey> actual, Set<RecordKey> expected) {
    Set<RecordKey> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<RecordKey> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      fail("%s: %d of %d expected records missing %s; %d unexpected records %s", what, missing.size(), expected.size(),
          first(missing), unexpected.size(), first(unexpected));
    }
  }

  private static String first(Set<RecordKey> keys) {
    return keys.stream().limit(10).map(RecordKey::toString)
        .collect(Collectors.joining(", ", "[", keys.size() > 10 ? ", ...]" : "]"));
  }

  private static Set<RecordKey> keys(List<SourceRecord> records) {
    return records.stream().map(SourceRecord::key).collect(Collectors.toSet());
  }

  private static void assertActionable(ConnectionCheck check) {
    String detail = check.message().substring(check.message().indexOf(':') + 1).strip();
    assertThat(detail).as("message after the category label").hasSizeGreaterThan(20);
  }
}
