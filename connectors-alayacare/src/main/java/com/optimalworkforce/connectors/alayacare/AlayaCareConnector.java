package com.optimalworkforce.connectors.alayacare;

import com.optimalworkforce.connectors.alayacare.internal.AlayaCareWriteBack;
import com.optimalworkforce.connectors.alayacare.internal.Directory;
import com.optimalworkforce.connectors.alayacare.internal.Failures;
import com.optimalworkforce.connectors.alayacare.internal.Http;
import com.optimalworkforce.connectors.alayacare.internal.ListReader;
import com.optimalworkforce.connectors.alayacare.internal.Parallel;
import com.optimalworkforce.connectors.alayacare.internal.UnavailabilityReader;
import com.optimalworkforce.connectors.alayacare.internal.VisitReader;
import com.optimalworkforce.core.connector.Capabilities;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.WriteBack;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.security.Redactor;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Connector} over AlayaCare's External API. Branches are the regions; clients, employees
 * (caregivers), visits, employee unavailabilities and call-outs (visits cancelled with an
 * employee-side cancel code) are read per selected branch. AlayaCare has no "changed since" query,
 * so {@link #capabilities()} declares none and the sync engine re-reads the window and compares
 * content hashes; the reads are built so that a re-read returns each record exactly once.
 *
 * <pre>{@code
 * AlayaCareConnectorConfig config = AlayaCareConnectorConfig.builder().tenant("example")
 *     .publicKey(Secret.of(publicKey)).privateKey(Secret.of(privateKey)).build();
 * try (AlayaCareConnector connector = AlayaCareConnector.create(config)) {
 *   ConnectionCheck check = connector.testConnection();
 *   List<Region> branches = connector.listRegions();
 * }
 * }</pre>
 *
 * <p>Record ids are AlayaCare's own ids: a branch, client, employee or visit id as text; an
 * unavailability occurrence {@code <unavailability id>@<start instant>}; a call-out carries its
 * visit's id. Failures are {@link ConnectorException}s whose message names the tenant host and
 * the next step.
 */
public final class AlayaCareConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(AlayaCareConnector.class);
  private static final Set<EntityType> STREAMS = EnumSet.of(EntityType.CLIENT, EntityType.CAREGIVER, EntityType.VISIT,
      EntityType.UNAVAILABILITY, EntityType.CALL_OUT);

  private final AlayaCareConnectorConfig config;
  private final Http http;
  private final Parallel parallel;
  private final Directory directory;
  private final ListReader lists;
  private final VisitReader visits;
  private final UnavailabilityReader unavailabilities;
  private final AlayaCareWriteBack writeBack;

  private AlayaCareConnector(AlayaCareConnectorConfig config) {
    this.config = config;
    String hint = config.tenant().map(t -> "tenant '" + t + "' (" + config.baseUrl() + ")")
        .orElse("base URL " + config.baseUrl());
    this.http = new Http(config, new Failures(config.host(), hint, config.timeout(), config.rateLimit(),
        Redactor.standard().with(config.publicKey(), config.privateKey())));
    this.parallel = new Parallel(config.concurrency());
    this.directory = new Directory(http, config.defaultZone(), config.pageSize());
    this.lists = new ListReader(http, directory, parallel, config.pageSize());
    this.visits = new VisitReader(http, directory, parallel, config.pageSize(), config.concurrency(),
        config::isCallOutCode);
    this.unavailabilities = new UnavailabilityReader(http, directory, parallel, config.pageSize(), config.concurrency());
    this.writeBack = new AlayaCareWriteBack(http);
  }

  /** A connector for the configuration; does not contact AlayaCare. */
  public static AlayaCareConnector create(AlayaCareConnectorConfig config) {
    return new AlayaCareConnector(Objects.requireNonNull(config, "config"));
  }

  public AlayaCareConnectorConfig config() {
    return config;
  }

  @Override
  public String providerId() {
    return AlayaCareConnectorProvider.ID;
  }

  /** {@code GET patients/clients?page=1&count=1}, AlayaCare's documented smoke test, then the branches. */
  @Override
  public ConnectionCheck testConnection() {
    long t0 = System.nanoTime();
    try {
      http.execute(http.api().clients(null, 1, 1));
      int branches = http.execute(http.api().branches(1, config.pageSize())).itemsOrEmpty().size();
      return ConnectionCheck.success("Connected to " + config.host() + " (" + branches + " branch"
          + (branches == 1 ? "" : "es") + " visible)", Duration.ofNanos(System.nanoTime() - t0));
    } catch (ConnectorException e) {
      LOG.debug("AlayaCare connection test against {} failed: {}", config.host(), e.getMessage());
      return e.toCheck(Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  /** The branches, each with its time zone. */
  @Override
  public List<Region> listRegions() {
    return directory.regions();
  }

  @Override
  public Page read(ReadRequest request) {
    Objects.requireNonNull(request, "request");
    List<Long> branches = request.regionIds().stream().map(AlayaCareConnector::branchId).sorted().toList();
    return switch (request.type()) {
      case CLIENT, CAREGIVER -> lists.read(request, branches);
      case VISIT, CALL_OUT -> visits.read(request, branches);
      case UNAVAILABILITY -> unavailabilities.read(request, branches);
      case SHIFT_OFFER -> throw new IllegalArgumentException("AlayaCare's External API publishes no shift offers;"
          + " read one of " + STREAMS);
    };
  }

  private static long branchId(String regionId) {
    try {
      return Long.parseLong(regionId.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Region '" + regionId + "' is not an AlayaCare branch id (a number, as"
          + " listRegions() returns)", e);
    }
  }

  /** Window re-read (no server-side "changed since"), write-back, and every stream but shift offers. */
  @Override
  public Capabilities capabilities() {
    return Capabilities.of(false, true, STREAMS);
  }

  @Override
  public Optional<WriteBack> writeBack() {
    return Optional.of(writeBack);
  }

  @Override
  public void close() {
    parallel.close();
    http.close();
  }

  @Override
  public String toString() {
    return "AlayaCareConnector[" + config.host() + "]";
  }
}
