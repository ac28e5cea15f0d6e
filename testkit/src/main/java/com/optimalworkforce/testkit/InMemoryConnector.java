package com.optimalworkforce.testkit;

import com.optimalworkforce.core.connector.Capabilities;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.RejectedRecord;
import com.optimalworkforce.core.connector.SyncCursor;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.security.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The reference connector: serves a {@link SyntheticAgency} from memory, with the failure modes a
 * real source has (wrong key, denied access, slowness, a crash between pages). It passes the
 * {@link ConnectorCompatibilityKit} and is what sync-engine tests and the examples run on.
 *
 * <pre>{@code
 * SyntheticAgency agency = SyntheticAgency.small();
 * Connector connector = InMemoryConnector.builder(agency).apiKey(agency.apiKey()).build();
 * Page first = connector.read(ReadRequest.builder(EntityType.VISIT)
 *     .regions(Set.of(agency.regions().get(0).id())).window(agency.window()).build());
 * }</pre>
 *
 * <p>Reads are window re-reads without server-side "changed since" (like AlayaCare), so the sync
 * engine diffs content hashes; with {@link Builder#changeTracking(ChangeJournal)} the connector
 * honours "changed since" instead (like FHIR's {@code _lastUpdated}). Cursors are positions in the
 * agency's streams and stay valid across connector instances. {@link Builder#reject} serves chosen
 * records as malformed, for quarantine tests.
 */
public final class InMemoryConnector implements Connector {
  /** The provider id. */
  public static final String PROVIDER_ID = "in-memory";
  private static final String HOST = "in-memory source";

  private final SyntheticAgency agency;
  private final Secret apiKey;
  private final boolean accessDenied;
  private final Duration latency;
  private final Duration timeout;
  private final int crashAfterPages;
  private final boolean totals;
  private final Predicate<SourceRecord> reject;
  private final String rejectReason;
  private final ChangeJournal journal;
  private final AtomicInteger pagesServed = new AtomicInteger();
  private final Map<String, Long> totalCache = new ConcurrentHashMap<>();

  private InMemoryConnector(Builder b) {
    this.agency = b.agency;
    this.apiKey = b.apiKey;
    this.accessDenied = b.accessDenied;
    this.latency = b.latency;
    this.timeout = b.timeout;
    this.crashAfterPages = b.crashAfterPages;
    this.totals = b.totals;
    this.reject = b.reject;
    this.rejectReason = b.rejectReason;
    this.journal = b.journal;
  }

  public static Builder builder(SyntheticAgency agency) {
    return new Builder(agency);
  }

  /** Thrown by a connector built with {@link Builder#crashAfterPages(int)}: a process dying mid-sync. */
  public static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(int pages) {
      super("Simulated crash after " + pages + " pages");
    }
  }

  @Override
  public String providerId() {
    return PROVIDER_ID;
  }

  @Override
  public ConnectionCheck testConnection() {
    long t0 = System.nanoTime();
    try {
      call();
      return ConnectionCheck.success("Connected to the " + HOST + " (" + agency.regions().size() + " regions visible)",
          Duration.ofNanos(System.nanoTime() - t0));
    } catch (ConnectorException e) {
      return e.toCheck(Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  @Override
  public List<Region> listRegions() {
    call();
    return agency.regions();
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.of(journal != null, false, EnumSet.allOf(EntityType.class));
  }

  @Override
  public Page read(ReadRequest request) {
    Objects.requireNonNull(request, "request");
    call();
    if (crashAfterPages >= 0 && pagesServed.get() >= crashAfterPages) {
      throw new SimulatedCrash(crashAfterPages);
    }
    for (String region : request.regionIds()) {
      agency.region(region); // unknown region: IllegalArgumentException naming it
    }
    EntityType type = request.type();
    long from = request.resumeFrom().map(c -> position(c, type)).orElse(0L);
    Predicate<SourceRecord> filter = agency.filter(type, request.regionIds(), request.window());
    if (journal != null && request.changedSince() != null) {
      Instant since = request.changedSince();
      filter = filter.and(r -> journal.modifiedAt(r).isAfter(since));
    }
    PrimitiveIterator.OfLong positions = agency.candidatePositions(type, request.window())
        .filter(p -> p >= from).iterator();
    List<SourceRecord> page = new ArrayList<>();
    Long next = null;
    while (positions.hasNext()) {
      long p = positions.nextLong();
      List<SourceRecord> here = agency.recordsAt(type, p).stream().filter(filter).toList();
      if (here.isEmpty()) {
        continue;
      }
      if (!page.isEmpty() && page.size() + here.size() > request.pageSize()) {
        next = p; // the next page starts at the first position with a matching record
        break;
      }
      page.addAll(here);
    }
    pagesServed.incrementAndGet();
    Long total = totals ? total(request, filter) : null;
    List<RejectedRecord> rejected = new ArrayList<>();
    if (reject != null) {
      List<SourceRecord> valid = new ArrayList<>(page.size());
      for (SourceRecord r : page) {
        if (reject.test(r)) {
          rejected.add(new RejectedRecord(r.type(), r.id(), r.type().displayName() + " '" + r.id() + "': " + rejectReason));
        } else {
          valid.add(r);
        }
      }
      page = valid;
    }
    return Page.of(page, rejected, next == null ? null : SyncCursor.of("mem:" + type + ":" + next), total);
  }

  private long total(ReadRequest request, Predicate<SourceRecord> filter) {
    String key = request.type() + "|" + new java.util.TreeSet<>(request.regionIds()) + "|" + request.window() + "|"
        + request.changedSince() + "|" + agency.version();
    return totalCache.computeIfAbsent(key, k -> agency.candidatePositions(request.type(), request.window())
        .mapToObj(p -> agency.recordsAt(request.type(), p)).flatMap(List::stream).filter(filter).count());
  }

  private static long position(SyncCursor cursor, EntityType type) {
    String prefix = "mem:" + type + ":";
    if (!cursor.token().startsWith(prefix)) {
      throw new IllegalArgumentException("Cursor '" + cursor.token() + "' was not issued by the in-memory connector for "
          + type + "; start the read again without a cursor");
    }
    try {
      return Long.parseLong(cursor.token().substring(prefix.length()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Cursor '" + cursor.token() + "' is malformed; start the read again without a cursor", e);
    }
  }

  /** Applies the simulated network: latency, timeout, credentials, permissions. */
  private void call() {
    if (!latency.isZero()) {
      Duration wait = latency.compareTo(timeout) < 0 ? latency : timeout;
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectorException(ConnectionFailure.TIMEOUT, "interrupted while waiting for the " + HOST, e);
      }
      if (latency.compareTo(timeout) >= 0) {
        throw new ConnectorException(ConnectionFailure.TIMEOUT, "the " + HOST + " did not answer within "
            + timeout.toMillis() + " ms. Check that it is running, or raise the timeout.");
      }
    }
    if (apiKey == null || !apiKey.equals(agency.apiKey())) {
      throw new ConnectorException(ConnectionFailure.INVALID_CREDENTIALS, "the API key was rejected by the " + HOST
          + " (401). Check the key, or copy it again from the agency's settings.");
    }
    if (accessDenied) {
      throw new ConnectorException(ConnectionFailure.ACCESS_DENIED, "the API key is valid but may not read schedules"
          + " from the " + HOST + " (403). Ask an administrator to grant the 'schedule:read' permission.");
    }
  }

  /** Builds an {@link InMemoryConnector}. */
  public static final class Builder {
    private final SyntheticAgency agency;
    private Secret apiKey;
    private boolean accessDenied;
    private Duration latency = Duration.ZERO;
    private Duration timeout = Duration.ofSeconds(30);
    private int crashAfterPages = -1;
    private boolean totals = true;
    private Predicate<SourceRecord> reject;
    private String rejectReason;
    private ChangeJournal journal;

    private Builder(SyntheticAgency agency) {
      this.agency = Objects.requireNonNull(agency, "agency");
    }

    /** The key the connector presents; must equal {@link SyntheticAgency#apiKey()} to connect. */
    public Builder apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** The key is valid but lacks permission: every call fails with ACCESS_DENIED. */
    public Builder accessDenied(boolean accessDenied) {
      this.accessDenied = accessDenied;
      return this;
    }

    /** Simulated time per call. */
    public Builder latency(Duration latency) {
      Objects.requireNonNull(latency, "latency");
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative but was " + latency);
      }
      this.latency = latency;
      return this;
    }

    /** A call whose latency reaches this fails with TIMEOUT after waiting this long. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** After serving this many pages, every read throws {@link SimulatedCrash}. */
    public Builder crashAfterPages(int pages) {
      if (pages < 0) {
        throw new IllegalArgumentException("crashAfterPages must not be negative but was " + pages);
      }
      this.crashAfterPages = pages;
      return this;
    }

    /** Whether pages report the read's total record count (default true; costs one extra pass). */
    public Builder totals(boolean totals) {
      this.totals = totals;
      return this;
    }

    /**
     * Serves the records that match as malformed: each comes as a {@link RejectedRecord} with its
     * id and "{@code <Type> '<id>': <reason>}", as a connector does with a record it cannot map.
     */
    public Builder reject(Predicate<SourceRecord> which, String reason) {
      this.reject = Objects.requireNonNull(which, "which");
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank but was '" + reason + "'");
      }
      this.rejectReason = reason;
      return this;
    }

    /**
     * Makes the connector honour {@link ReadRequest#changedSince()} (capabilities then say
     * {@code serverSideIncremental}), with modification times from the journal. Deletions are not
     * reported by such reads, as with most "changed since" APIs.
     */
    public Builder changeTracking(ChangeJournal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    public InMemoryConnector build() {
      return new InMemoryConnector(this);
    }
  }

  /** Regions this connector serves (all of the agency's). */
  public Set<String> regionIds() {
    Set<String> ids = new java.util.TreeSet<>();
    agency.regions().forEach(r -> ids.add(r.id()));
    return ids;
  }
}
