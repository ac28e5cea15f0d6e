package com.optimalworkforce.connectors.wellsky.internal;

import com.optimalworkforce.connectors.wellsky.WellSkyConnectorConfig;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import java.time.ZoneId;
import java.util.Optional;

/** Which zone a region gets: configured for it, declared by the source, or the default. Not API. */
public final class Zones {
  private Zones() {}

  /**
   * @param kind what the source calls a region, e.g. "Organization"
   * @throws ConnectorException (UNEXPECTED_RESPONSE) when no zone can be found, saying which setting to add
   */
  public static ZoneId resolve(WellSkyConnectorConfig config, String kind, String regionId, Optional<ZoneId> declared) {
    ZoneId configured = config.regionZones().get(regionId);
    if (configured != null) {
      return configured;
    }
    if (declared.isPresent()) {
      return declared.get();
    }
    return config.defaultZone().orElseThrow(() -> new ConnectorException(ConnectionFailure.UNEXPECTED_RESPONSE,
        kind + " '" + regionId + "' declares no time zone (no " + FhirExtensions.TIMEZONE + " extension). Set the"
            + " connector's 'zone' setting to the agency's IANA time zone (e.g. America/Toronto), or 'regionZones'"
            + " for branches in different zones."));
  }
}
