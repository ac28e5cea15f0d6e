package com.optimalworkforce.examples;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorRegistry;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.examples.connector.AcmeApi;
import com.optimalworkforce.examples.connector.AcmeConnector;
import com.optimalworkforce.examples.connector.AcmeConnectorProvider;
import com.optimalworkforce.testkit.ConnectorCompatibilityKit;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Write your own connector and prove it with the compatibility kit. The connector is
 * {@link AcmeConnector} (for a fictional vendor whose client library is {@link AcmeApi}); this
 * {@code main()} wires it through a registry, reads a page, then runs {@link ConnectorCompatibilityKit}
 * on it with the JUnit Platform launcher and prints the result. In your own project the kit runs
 * as an ordinary test class: {@code class AcmeConnectorTest extends ConnectorCompatibilityKit}.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -pl examples -am package
 * examples/run WriteYourOwnConnector
 * }</pre>
 */
public final class WriteYourOwnConnector {
  private WriteYourOwnConnector() {}

  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(11).regions(2).clients(48).caregivers(24)
      .weeksOfHistory(2).weeksAhead(1).build();
  static final AcmeApi API = AcmeApi.serving(AGENCY);

  // tag::kit[]
  /** The whole vendor test: four connectors and the agency behind them. */
  public static class AcmeCompatibilityTest extends ConnectorCompatibilityKit {
    @Override
    protected SyntheticAgency agency() {
      return AGENCY;
    }

    @Override
    protected Connector newConnector() {
      return new AcmeConnector(API, AGENCY.apiKey(), Duration.ofSeconds(5));
    }

    @Override
    protected Connector newConnectorWithWrongCredentials() {
      return new AcmeConnector(API, Secret.of("wrong-key"), Duration.ofSeconds(5));
    }

    @Override
    protected Connector newConnectorWithoutAccess() {
      return new AcmeConnector(API, Secret.of(AcmeApi.READ_ONLY_KEY), Duration.ofSeconds(5));
    }

    @Override
    protected Connector newConnectorThatTimesOut() {
      return new AcmeConnector(API.withLatency(Duration.ofSeconds(3)), AGENCY.apiKey(), Duration.ofMillis(200));
    }
  }
  // end::kit[]

  public static void main(String[] args) {
    TestExecutionSummary summary = run(System.out);
    System.exit(summary.getTotalFailureCount() == 0 ? 0 : 1);
  }

  /** Runs the example, printing to {@code out}; returns the kit's summary. */
  public static TestExecutionSummary run(PrintStream out) {
    // tag::wire[]
    ConnectorRegistry registry = ConnectorRegistry.of(new AcmeConnectorProvider(API));
    ConnectorConfig config = ConnectorConfig.builder("acme").secret("apiKey", AGENCY.apiKey()).build();
    try (Connector acme = registry.create(config)) {
      out.println(acme.testConnection().message());
      Page page = acme.read(ReadRequest.builder(EntityType.VISIT).regions(Set.of(AGENCY.regions().get(0).id()))
          .window(AGENCY.window()).pageSize(50).build());
      out.println("First page: " + page.records().size() + " visits, more: " + page.hasNext());
    }
    // end::wire[]
    out.println("Running the connector compatibility kit on AcmeConnector ...");
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(AcmeCompatibilityTest.class)).build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    out.printf("Kit: %d tests, %d passed, %d failed%n", summary.getTestsFoundCount(), summary.getTestsSucceededCount(),
        summary.getTotalFailureCount());
    summary.printFailuresTo(new PrintWriter(out, true), 5);
    return summary;
  }
}
