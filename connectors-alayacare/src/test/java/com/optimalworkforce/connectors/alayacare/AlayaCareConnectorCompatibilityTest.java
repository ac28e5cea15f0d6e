package com.optimalworkforce.connectors.alayacare;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.ConnectorCompatibilityKit;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;

/** The AlayaCare connector meets the connector contract against the simulator. */
class AlayaCareConnectorCompatibilityTest extends ConnectorCompatibilityKit {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(5).regions(3).clients(72).caregivers(36)
      .weeksOfHistory(3).weeksAhead(1).build();
  static final AlayaCareSimulator SIM = AlayaCareSimulator.builder(AGENCY).slowDelay(Duration.ofSeconds(3)).start();

  @AfterAll
  static void stop() {
    SIM.close();
  }

  @Override
  protected SyntheticAgency agency() {
    return AGENCY;
  }

  @Override
  protected Connector newConnector() {
    return Simulators.connector(SIM);
  }

  @Override
  protected Connector newConnectorWithWrongCredentials() {
    return AlayaCareConnector.create(Simulators.config(SIM).privateKey(Secret.of("not-the-private-key")).build());
  }

  @Override
  protected Connector newConnectorWithoutAccess() {
    return AlayaCareConnector.create(Simulators.config(SIM).publicKey(Secret.of(SIM.forbiddenPublicKey()))
        .privateKey(SIM.forbiddenPrivateKey()).build());
  }

  @Override
  protected Connector newConnectorThatTimesOut() {
    return AlayaCareConnector.create(Simulators.config(SIM).baseUrl(SIM.slowBaseUrl()).timeout(Duration.ofMillis(300))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(50)).build()).build());
  }

  @Override
  protected String connectorRegionId(Region agencyRegion) {
    return Long.toString(SIM.branchId(agencyRegion.id()));
  }

  @Override
  protected RecordKey connectorKey(SourceRecord agencyRecord) {
    return SIM.connectorKey(agencyRecord);
  }

  /**
   * AlayaCare shows a call-out only as a visit cancelled with an employee-side code; a call-out
   * after which the visit was re-opened (vacant again) leaves no trace in the published API.
   */
  @Override
  protected Set<RecordKey> expectedKeys(EntityType type, Set<String> regionIds, TimeWindow window) {
    if (type != EntityType.CALL_OUT) {
      return super.expectedKeys(type, regionIds, window);
    }
    Set<String> agencyRegions = AGENCY.regions().stream()
        .filter(r -> regionIds.contains(connectorRegionId(r))).map(Region::id).collect(Collectors.toSet());
    return AGENCY.select(EntityType.CALL_OUT, agencyRegions, window).map(CallOut.class::cast)
        .filter(c -> AGENCY.visit(c.visitId()).map(Visit::isCancelled).orElse(false))
        .map(SIM::connectorKey).collect(Collectors.toSet());
  }
}
