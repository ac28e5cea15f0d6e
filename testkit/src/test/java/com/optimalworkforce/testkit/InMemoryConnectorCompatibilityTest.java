package com.optimalworkforce.testkit;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.security.Secret;
import java.time.Duration;

/** The reference connector passes the kit it is the reference for. */
class InMemoryConnectorCompatibilityTest extends ConnectorCompatibilityKit {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(3).regions(3).clients(72).caregivers(36)
      .weeksOfHistory(3).weeksAhead(1).build();

  @Override
  protected SyntheticAgency agency() {
    return AGENCY;
  }

  @Override
  protected Connector newConnector() {
    return InMemoryConnector.builder(AGENCY).apiKey(AGENCY.apiKey()).build();
  }

  @Override
  protected Connector newConnectorWithWrongCredentials() {
    return InMemoryConnector.builder(AGENCY).apiKey(Secret.of("not-the-key")).build();
  }

  @Override
  protected Connector newConnectorWithoutAccess() {
    return InMemoryConnector.builder(AGENCY).apiKey(AGENCY.apiKey()).accessDenied(true).build();
  }

  @Override
  protected Connector newConnectorThatTimesOut() {
    return InMemoryConnector.builder(AGENCY).apiKey(AGENCY.apiKey())
        .latency(Duration.ofSeconds(5)).timeout(Duration.ofMillis(100)).build();
  }
}
