package com.optimalworkforce.connectors.wellsky;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.ConnectorCompatibilityKit;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.wellsky.WellSkyHomeConnectSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;

/** The home-connect dialect passes the compatibility kit against the Home Connect simulator. */
class WellSkyHomeConnectCompatibilityTest extends ConnectorCompatibilityKit {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(3).regions(3).clients(72).caregivers(36)
      .weeksOfHistory(3).weeksAhead(1).build();
  static final WellSkyHomeConnectSimulator SIM = WellSkyHomeConnectSimulator.start(AGENCY);
  static final WellSkyHomeConnectSimulator SLOW = WellSkyHomeConnectSimulator.start(AGENCY)
      .slowResponses(Duration.ofSeconds(3));

  @AfterAll
  static void stop() {
    SIM.close();
    SLOW.close();
  }

  static WellSkyConnectorConfig.Builder config(WellSkyHomeConnectSimulator sim, String clientId, Secret secret) {
    return WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
        .baseUrl(URI.create(sim.baseUrl()))
        .clientId(clientId)
        .clientSecret(secret)
        .clock(AGENCY.clock())
        .rateLimit(RateLimitPolicy.unlimited());
  }

  /** Home Connect visits are named {@code <shift id>@<local date>}: recurring shifts share an id. */
  @Override
  protected Set<RecordKey> expectedKeys(EntityType type, Set<String> regionIds, TimeWindow window) {
    if (type != EntityType.VISIT) {
      return super.expectedKeys(type, regionIds, window);
    }
    return AGENCY.select(type, regionIds, window).map(r -> (Visit) r)
        .map(v -> RecordKey.of(EntityType.VISIT, v.id() + "@" + v.localStart().toLocalDate()))
        .collect(Collectors.toSet());
  }

  @Override
  protected SyntheticAgency agency() {
    return AGENCY;
  }

  @Override
  protected Connector newConnector() {
    return WellSkyConnector.create(config(SIM, SIM.clientId(), SIM.clientSecret()).build());
  }

  @Override
  protected Connector newConnectorWithWrongCredentials() {
    return WellSkyConnector.create(config(SIM, SIM.clientId(), Secret.of("not-the-secret")).build());
  }

  @Override
  protected Connector newConnectorWithoutAccess() {
    return WellSkyConnector.create(config(SIM, SIM.unlicensedClientId(), SIM.clientSecret()).build());
  }

  @Override
  protected Connector newConnectorThatTimesOut() {
    return WellSkyConnector.create(config(SLOW, SLOW.clientId(), SLOW.clientSecret())
        .timeout(Duration.ofMillis(300))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(50)).build())
        .build());
  }
}
