package com.optimalworkforce.examples.connector;

import com.optimalworkforce.core.connector.Capabilities;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.RejectedRecord;
import com.optimalworkforce.core.connector.SyncCursor;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.InvalidRecordException;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.examples.connector.AcmeApi.AcmePage;
import com.optimalworkforce.examples.connector.AcmeApi.AcmeShift;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An example connector for the fictional "Acme Scheduling" system: the shape every connector has.
 * It maps the vendor's records into the core model (quarantining what does not validate),
 * classifies every failure, and pages with a cursor that resumes after a restart.
 *
 * <pre>{@code
 * Connector acme = new AcmeConnector(api, Secret.of(apiKey), Duration.ofSeconds(10));
 * ConnectionCheck check = acme.testConnection();
 * }</pre>
 */
public final class AcmeConnector implements Connector {
  private final AcmeApi api;
  private final Secret apiKey;
  private final Duration timeout;
  private volatile Map<String, ZoneId> zones;
  private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "acme-call");
    t.setDaemon(true);
    return t;
  });

  public AcmeConnector(AcmeApi api, Secret apiKey, Duration timeout) {
    this.api = Objects.requireNonNull(api, "api");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public String providerId() {
    return AcmeConnectorProvider.ID;
  }

  // tag::testConnection[]
  @Override
  public ConnectionCheck testConnection() {
    long t0 = System.nanoTime();
    try {
      int branches = call(() -> api.branches(apiKey.reveal())).size();
      return ConnectionCheck.success("Connected to Acme Scheduling (" + branches + " branches visible)",
          Duration.ofNanos(System.nanoTime() - t0));
    } catch (ConnectorException e) {
      return e.toCheck(Duration.ofNanos(System.nanoTime() - t0));
    }
  }
  // end::testConnection[]

  @Override
  public List<Region> listRegions() {
    return call(() -> api.branches(apiKey.reveal())).stream()
        .map(b -> Region.of(b.code(), b.label(), ZoneId.of(b.timeZone()))).toList();
  }

  @Override
  public Capabilities capabilities() {
    // Acme has no "changed since" query: the sync engine re-reads the window and diffs hashes.
    return Capabilities.of(false, false, EnumSet.of(EntityType.CLIENT, EntityType.CAREGIVER, EntityType.VISIT));
  }

  // tag::read[]
  @Override
  public Page read(ReadRequest request) {
    // The cursor is "<branch>|<offset>": branches are read one after the other, in a fixed order.
    List<String> branches = new ArrayList<>(new java.util.TreeSet<>(request.regionIds()));
    int branchIndex = 0;
    int offset = 0;
    if (request.cursor() != null) {
      String[] parts = request.cursor().token().split("\\|");
      branchIndex = branches.indexOf(parts[0]);
      offset = Integer.parseInt(parts[1]);
      if (branchIndex < 0) {
        throw new IllegalArgumentException("Cursor " + request.cursor() + " names a branch that is not selected");
      }
    }
    String branch = branches.get(branchIndex);
    List<SourceRecord> records = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    int total;
    int returned;
    int at = offset;
    switch (request.type()) {
      case CLIENT -> {
        AcmePage<AcmeApi.AcmeMember> page = call(() -> api.members(apiKey.reveal(), branch, at, request.pageSize()));
        page.items().forEach(m -> map(() -> client(m), EntityType.CLIENT, m.memberNo(), records, rejected));
        total = page.total();
        returned = page.items().size();
      }
      case CAREGIVER -> {
        AcmePage<AcmeApi.AcmeWorker> page = call(() -> api.workers(apiKey.reveal(), branch, at, request.pageSize()));
        page.items().forEach(w -> map(() -> caregiver(w), EntityType.CAREGIVER, w.workerNo(), records, rejected));
        total = page.total();
        returned = page.items().size();
      }
      case VISIT -> {
        ZoneId zone = zoneOf(branch);
        AcmePage<AcmeShift> page = call(() -> api.shifts(apiKey.reveal(), branch, request.window().from(),
            request.window().to(), at, request.pageSize()));
        page.items().forEach(s -> map(() -> visit(s, zone), EntityType.VISIT, s.shiftNo(), records, rejected));
        total = page.total();
        returned = page.items().size();
      }
      default -> throw new IllegalArgumentException("Acme does not provide " + request.type() + " records");
    }
    SyncCursor next = null;
    if (offset + returned < total) {
      next = SyncCursor.of(branch + "|" + (offset + returned));
    } else if (branchIndex + 1 < branches.size()) {
      next = SyncCursor.of(branches.get(branchIndex + 1) + "|0");
    }
    return Page.of(records, rejected, next, null);
  }
  // end::read[]

  private ZoneId zoneOf(String branch) {
    Map<String, ZoneId> known = zones;
    if (known == null) {
      known = new TreeMap<>();
      for (Region r : listRegions()) {
        known.put(r.id(), r.zone());
      }
      zones = known;
    }
    ZoneId zone = known.get(branch);
    if (zone == null) {
      throw new IllegalArgumentException("Unknown Acme branch '" + branch + "'");
    }
    return zone;
  }

  // tag::map[]
  /** Maps one vendor record; a record that fails validation is quarantined, never dropped. */
  private static void map(Supplier<SourceRecord> mapping, EntityType type, String sourceId,
      List<SourceRecord> records, List<RejectedRecord> rejected) {
    try {
      records.add(mapping.get());
    } catch (InvalidRecordException e) {
      rejected.add(RejectedRecord.of(e));
    } catch (DateTimeParseException e) {
      rejected.add(new RejectedRecord(type, sourceId, type.displayName() + " '" + sourceId
          + "': unreadable date '" + e.getParsedString() + "'"));
    }
  }

  private static Visit visit(AcmeShift s, ZoneId zone) {
    return Visit.builder().id(s.shiftNo()).clientId(s.memberNo()).caregiverId(s.workerNo()).regionId(s.branch())
        .zone(zone).start(Instant.parse(s.startsAt())).end(Instant.parse(s.endsAt())).status(status(s.state()))
        .serviceCode(s.service()).postalCode(s.zip()).build();
  }
  // end::map[]

  private static final Map<String, VisitStatus> STATUSES = new TreeMap<>(Map.of(
      "BOOKED", VisitStatus.SCHEDULED, "UNASSIGNED", VisitStatus.OPEN, "HOLD", VisitStatus.ON_HOLD,
      "STARTED", VisitStatus.IN_PROGRESS, "DONE", VisitStatus.COMPLETED, "CANCELLED", VisitStatus.CANCELLED,
      "NO_SHOW", VisitStatus.MISSED));

  private static VisitStatus status(String state) {
    VisitStatus s = STATUSES.get(state);
    if (s == null) {
      throw new IllegalArgumentException("Unknown Acme shift state '" + state + "'");
    }
    return s;
  }

  private static Client client(AcmeApi.AcmeMember m) {
    return Client.builder().id(m.memberNo()).regionId(m.branch()).name(PersonName.of(m.firstName(), m.lastName()))
        .postalCode(m.zip()).active(m.active()).build();
  }

  private static Caregiver caregiver(AcmeApi.AcmeWorker w) {
    return Caregiver.builder().id(w.workerNo()).regionId(w.branch()).name(PersonName.of(w.firstName(), w.lastName()))
        .active(w.active()).build();
  }

  // tag::classify[]
  /** Runs a vendor call with the configured timeout and classifies every way it can fail. */
  private <T> T call(Supplier<T> vendorCall) {
    CompletableFuture<T> future = CompletableFuture.supplyAsync(vendorCall, calls);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ConnectorException(ConnectionFailure.TIMEOUT, "Acme Scheduling did not answer within "
          + timeout.toMillis() + " ms. Check Acme's status page, or raise the timeout.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(ConnectionFailure.TIMEOUT, "interrupted while waiting for Acme Scheduling.", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AcmeApi.AcmeApiException acme) {
        switch (acme.status()) {
          case 401 -> throw new ConnectorException(ConnectionFailure.INVALID_CREDENTIALS,
              "Acme rejected the API key (401). Create a new key under Settings > API in Acme and paste it again.");
          case 403 -> throw new ConnectorException(ConnectionFailure.ACCESS_DENIED,
              "the API key lacks the schedule.read scope (403). Ask the agency's Acme administrator to add it.");
          default -> throw new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE,
              "Acme answered " + acme.status() + ". Try again later.");
        }
      }
      throw new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE, "Acme call failed: " + e.getCause(), e);
    }
  }
  // end::classify[]

  @Override
  public void close() {
    calls.shutdownNow();
  }
}
