package com.optimalworkforce.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.optimalworkforce.core.connector.Capabilities;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.security.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The kit must fail a broken connector: it is run here, through the JUnit Platform, against
 * deliberately broken connectors, and the right tests must fail.
 */
class ConnectorCompatibilityKitSelfTest {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(5).regions(2).clients(48).caregivers(24)
      .weeksOfHistory(2).weeksAhead(1).build();

  /** Repeats the last record of every page at the start of the next one. */
  static final class RepeatingConnector implements Connector {
    private final Connector delegate;
    private volatile SourceRecord carry;

    RepeatingConnector(Connector delegate) {
      this.delegate = delegate;
    }

    @Override
    public String providerId() {
      return "repeating";
    }

    @Override
    public ConnectionCheck testConnection() {
      return delegate.testConnection();
    }

    @Override
    public List<Region> listRegions() {
      return delegate.listRegions();
    }

    @Override
    public Page read(ReadRequest request) {
      // Read one record less, then put the previous page's last record first: same page size,
      // every record present, one repeated per page boundary.
      ReadRequest smaller = new ReadRequest(request.type(), request.regionIds(), request.window(), request.cursor(),
          Math.max(1, request.pageSize() - 1), request.changedSince());
      Page page = delegate.read(smaller);
      List<SourceRecord> records = new ArrayList<>(page.records());
      if (request.cursor() != null && carry != null && carry.type() == request.type()) {
        records.add(0, carry);
      }
      carry = page.records().isEmpty() ? null : page.records().get(page.records().size() - 1);
      return Page.of(records, page.rejected(), page.nextCursor(), page.totalRecords());
    }

    @Override
    public Capabilities capabilities() {
      return delegate.capabilities();
    }
  }

  /** Reports every failure as UNEXPECTED_RESPONSE. */
  static final class UnclassifiedConnector implements Connector {
    private final Connector delegate;

    UnclassifiedConnector(Connector delegate) {
      this.delegate = delegate;
    }

    @Override
    public String providerId() {
      return "unclassified";
    }

    @Override
    public ConnectionCheck testConnection() {
      ConnectionCheck c = delegate.testConnection();
      return c.ok() ? c : ConnectionCheck.failed(ConnectionFailure.UNEXPECTED_RESPONSE, "something went wrong", c.elapsed());
    }

    @Override
    public List<Region> listRegions() {
      return delegate.listRegions();
    }

    @Override
    public Page read(ReadRequest request) {
      return delegate.read(request);
    }

    @Override
    public Capabilities capabilities() {
      return delegate.capabilities();
    }
  }

  abstract static class BaseCase extends ConnectorCompatibilityKit {
    @Override
    protected SyntheticAgency agency() {
      return AGENCY;
    }

    Connector good() {
      return InMemoryConnector.builder(AGENCY).apiKey(AGENCY.apiKey()).build();
    }

    Connector wrap(Connector c) {
      return c;
    }

    @Override
    protected Connector newConnector() {
      return wrap(good());
    }

    @Override
    protected Connector newConnectorWithWrongCredentials() {
      return wrap(InMemoryConnector.builder(AGENCY).apiKey(Secret.of("wrong")).build());
    }

    @Override
    protected Connector newConnectorWithoutAccess() {
      return wrap(InMemoryConnector.builder(AGENCY).apiKey(AGENCY.apiKey()).accessDenied(true).build());
    }

    @Override
    protected Connector newConnectorThatTimesOut() {
      return wrap(InMemoryConnector.builder(AGENCY).apiKey(AGENCY.apiKey()).latency(Duration.ofSeconds(2))
          .timeout(Duration.ofMillis(50)).build());
    }
  }

  /** Not run by Surefire (nested); run below through the engine. */
  static class RepeatingCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new RepeatingConnector(c);
    }
  }

  static class UnclassifiedCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new UnclassifiedConnector(c);
    }
  }

  static class HealthyCase extends BaseCase {}

  private static Map<String, TestExecutionResult> results(Class<?> kitCase) {
    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(kitCase)).execute().testEvents().finished();
    return events.stream().collect(Collectors.toMap(
        e -> e.getTestDescriptor().getLegacyReportingName().replace("()", ""),
        (Event e) -> e.getPayload(TestExecutionResult.class).orElseThrow()));
  }

  private static Map<String, String> outcomes(Class<?> kitCase) {
    return results(kitCase).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getStatus().name()));
  }

  @Test
  void kitFailsAConnectorThatReturnsARecordTwiceAcrossPages() {
    Map<String, TestExecutionResult> results = results(RepeatingCase.class);
    assertThat(results.get("readingAllPagesReturnsEveryRecordExactlyOnce").getStatus()).isEqualTo(Status.FAILED);
    assertThat(results.get("readingAllPagesReturnsEveryRecordExactlyOnce").getThrowable().orElseThrow())
        .hasMessageContaining("returned more than once");
    assertThat(results.get("resumingFromACursorLosesAndRepeatsNothing").getStatus()).isEqualTo(Status.FAILED);
    assertThat(results.get("goodConnectionPasses").getStatus()).isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void kitFailsAConnectorThatDoesNotClassifyFailures() {
    Map<String, String> results = outcomes(UnclassifiedCase.class);
    assertThat(results).containsEntry("wrongCredentialsAreClassified", "FAILED");
    assertThat(results).containsEntry("deniedAccessIsClassified", "FAILED");
    assertThat(results).containsEntry("timeoutIsClassified", "FAILED");
    assertThat(results).containsEntry("readingAllPagesReturnsEveryRecordExactlyOnce", "SUCCESSFUL");
  }

  @Test
  void kitPassesTheHealthyConnectorThroughTheSameHarness() {
    Map<String, TestExecutionResult> results = results(HealthyCase.class);
    assertThat(results).hasSize(8).allSatisfy((name, result) -> assertThat(result.getStatus())
        .as("%s: %s", name, result.getThrowable().map(Throwable::getMessage).orElse("")).isEqualTo(Status.SUCCESSFUL));
  }
}
