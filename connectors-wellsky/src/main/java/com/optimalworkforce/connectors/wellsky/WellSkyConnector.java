package com.optimalworkforce.connectors.wellsky;

import com.optimalworkforce.connectors.wellsky.internal.FhirR4Transport;
import com.optimalworkforce.connectors.wellsky.internal.HomeConnectTransport;
import com.optimalworkforce.connectors.wellsky.internal.RegionDirectory;
import com.optimalworkforce.connectors.wellsky.internal.WellSkyTransport;
import com.optimalworkforce.core.connector.Capabilities;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.WriteBack;
import com.optimalworkforce.core.model.Region;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The WellSky connector: standard FHIR R4, or WellSky Personal Care's Home Connect API, by
 * {@link WellSkyDialect}. Both map through HAPI FHIR's R4 model into the core model.
 *
 * <pre>{@code
 * try (Connector wellsky = WellSkyConnector.create(WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4)
 *     .baseUrl(URI.create("https://fhir.example.com/r4")).tokenUrl(URI.create("https://auth.example.com/connect/token"))
 *     .clientId(clientId).clientSecret(secret).build())) {
 *   ConnectionCheck check = wellsky.testConnection();
 *   Page visits = wellsky.read(ReadRequest.builder(EntityType.VISIT).regions(regionIds).window(window).build());
 * }
 * }</pre>
 *
 * <p>Streams: FHIR R4 reads clients, caregivers, visits and unavailability and honours
 * {@link ReadRequest#changedSince()} ({@code _lastUpdated}); Home Connect reads clients,
 * caregivers and visits, and re-reads windows (shifts have no "changed since" query). Neither
 * offers shift offers or call-outs (see {@code docs/connectors.md}). Both can assign a caregiver to
 * a visit. Thread-safe; close it to release connections.
 */
public final class WellSkyConnector implements Connector {
  /** The provider id. */
  public static final String PROVIDER_ID = "wellsky";

  private final WellSkyConnectorConfig config;
  private final WellSkyTransport transport;
  private final RegionDirectory regions;

  private WellSkyConnector(WellSkyConnectorConfig config, WellSkyTransport transport) {
    this.config = config;
    this.transport = transport;
    this.regions = new RegionDirectory(transport::regions);
  }

  /** A connector for the configuration; does not contact WellSky yet. */
  public static WellSkyConnector create(WellSkyConnectorConfig config) {
    Objects.requireNonNull(config, "config");
    WellSkyTransport transport = config.dialect() == WellSkyDialect.FHIR_R4
        ? new FhirR4Transport(config) : new HomeConnectTransport(config);
    return new WellSkyConnector(config, transport);
  }

  public WellSkyConnectorConfig config() {
    return config;
  }

  @Override
  public String providerId() {
    return PROVIDER_ID;
  }

  @Override
  public ConnectionCheck testConnection() {
    long t0 = System.nanoTime();
    try {
      List<Region> found = regions.reload();
      return ConnectionCheck.success("Connected to WellSky " + config.dialect().displayName() + " at " + transport.host()
          + ": " + found.size() + (found.size() == 1 ? " region" : " regions") + " visible.", elapsed(t0));
    } catch (ConnectorException e) {
      return e.toCheck(elapsed(t0));
    } catch (RuntimeException e) {
      return ConnectionCheck.failed(ConnectionFailure.UNEXPECTED_RESPONSE, "the connection test to " + transport.host()
          + " failed (" + e.getClass().getSimpleName() + "). " + ConnectionFailure.UNEXPECTED_RESPONSE.advice(),
          elapsed(t0));
    }
  }

  @Override
  public List<Region> listRegions() {
    return regions.reload();
  }

  @Override
  public Page read(ReadRequest request) {
    Objects.requireNonNull(request, "request");
    if (!transport.streams().contains(request.type())) {
      throw new IllegalArgumentException("WellSky " + config.dialect().displayName() + " does not offer the "
          + request.type().displayName() + " stream; read only " + transport.streams());
    }
    for (String id : request.regionIds()) {
      if (regions.get(id) == null) {
        throw new IllegalArgumentException("No region '" + id + "' at " + transport.host()
            + "; list the regions again and select among them");
      }
    }
    return transport.read(request, regions);
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.of(transport.serverSideIncremental(), true, transport.streams());
  }

  @Override
  public Optional<WriteBack> writeBack() {
    return Optional.of((visitId, caregiverId) -> {
      Objects.requireNonNull(visitId, "visitId");
      Objects.requireNonNull(caregiverId, "caregiverId");
      transport.assignCaregiver(visitId, caregiverId);
    });
  }

  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "WellSkyConnector[" + config.dialect().setting() + ", " + transport.host() + "]";
  }

  private static Duration elapsed(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
