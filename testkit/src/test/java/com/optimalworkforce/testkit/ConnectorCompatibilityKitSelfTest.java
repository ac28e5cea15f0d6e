package com.optimalworkforce.testkit;

import static com.optimalworkforce.testkit.KitRuns.outcomes;
import static com.optimalworkforce.testkit.KitRuns.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.connector.Capabilities;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.SyncCursor;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * The kit must fail a broken connector: it is run here, through the JUnit Platform, against
 * deliberately broken connectors, and the right tests must fail with the right message while the
 * rest pass.
 */
class ConnectorCompatibilityKitSelfTest {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(5).regions(2).clients(48).caregivers(24)
      .weeksOfHistory(2).weeksAhead(1).build();

  /** Forwards everything to a working connector; each breakage overrides one thing. */
  abstract static class Forwarding implements Connector {
    final Connector delegate;

    Forwarding(Connector delegate) {
      this.delegate = delegate;
    }

    @Override
    public String providerId() {
      return "broken";
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
      return delegate.read(request);
    }

    @Override
    public Capabilities capabilities() {
      return delegate.capabilities();
    }
  }

  /** Repeats the last record of every page at the start of the next one. */
  static final class RepeatingConnector extends Forwarding {
    private volatile SourceRecord carry;

    RepeatingConnector(Connector delegate) {
      super(delegate);
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
  }

  /** Loses the first record of every page but the first (an off-by-one in the paging). */
  static final class DroppingConnector extends Forwarding {
    DroppingConnector(Connector delegate) {
      super(delegate);
    }

    @Override
    public Page read(ReadRequest request) {
      Page page = delegate.read(request);
      if (request.cursor() == null || page.records().isEmpty()) {
        return page;
      }
      return Page.of(page.records().subList(1, page.records().size()), page.rejected(), page.nextCursor(),
          page.totalRecords());
    }
  }

  /**
   * Hands out cursors that only mean something to the instance that issued them (a session id);
   * a new instance, as after a restart, does not know them and starts over.
   */
  static final class SessionCursorConnector extends Forwarding {
    private final Map<String, SyncCursor> issued = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    SessionCursorConnector(Connector delegate) {
      super(delegate);
    }

    @Override
    public Page read(ReadRequest request) {
      SyncCursor real = request.resumeFrom().map(c -> issued.get(c.token())).orElse(null);
      Page page = delegate.read(request.withCursor(real));
      if (!page.hasNext()) {
        return page;
      }
      String token = "session-" + sequence.incrementAndGet();
      issued.put(token, page.nextCursor());
      return Page.of(page.records(), page.rejected(), SyncCursor.of(token), page.totalRecords());
    }
  }

  /** Ignores the requested window: returns the whole schedule of the regions. */
  static final class WindowIgnoringConnector extends Forwarding {
    WindowIgnoringConnector(Connector delegate) {
      super(delegate);
    }

    @Override
    public Page read(ReadRequest request) {
      return delegate.read(new ReadRequest(request.type(), request.regionIds(), AGENCY.window(), request.cursor(),
          request.pageSize(), request.changedSince()));
    }
  }

  /** Never runs out of pages: the last page points back at itself. */
  static final class EndlessConnector extends Forwarding {
    EndlessConnector(Connector delegate) {
      super(delegate);
    }

    @Override
    public Page read(ReadRequest request) {
      Page page = delegate.read(request);
      if (page.hasNext()) {
        return page;
      }
      SyncCursor again = request.resumeFrom().orElse(SyncCursor.of("mem:" + request.type() + ":0"));
      return Page.of(page.records(), page.rejected(), again, page.totalRecords());
    }
  }

  /** Loses the last region when listing them. */
  static final class MissingRegionConnector extends Forwarding {
    MissingRegionConnector(Connector delegate) {
      super(delegate);
    }

    @Override
    public List<Region> listRegions() {
      List<Region> all = delegate.listRegions();
      return all.subList(0, all.size() - 1);
    }
  }

  /** Hashes a visit's content with something that differs per instance (a fetch counter). */
  static final class UnstableHashConnector extends Forwarding {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private final String fetch = "fetch-" + INSTANCES.incrementAndGet();

    UnstableHashConnector(Connector delegate) {
      super(delegate);
    }

    @Override
    public Page read(ReadRequest request) {
      Page page = delegate.read(request);
      List<SourceRecord> records = page.records().stream()
          .map(r -> r instanceof Visit v ? (SourceRecord) v.toBuilder().cancelReason(v.cancelReason() == null ? null
              : v.cancelReason() + " (" + fetch + ")").serviceCode(v.serviceCode() + "/" + fetch).build() : r)
          .toList();
      return Page.of(records, page.rejected(), page.nextCursor(), page.totalRecords());
    }
  }

  /** Declares no streams, so a kit that only loops over them would check nothing. */
  static final class NoStreamsConnector extends Forwarding {
    NoStreamsConnector(Connector delegate) {
      super(delegate);
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.of(false, false, java.util.Set.of());
    }
  }

  /** Reports every failure as UNEXPECTED_RESPONSE. */
  static final class UnclassifiedConnector extends Forwarding {
    UnclassifiedConnector(Connector delegate) {
      super(delegate);
    }

    @Override
    public ConnectionCheck testConnection() {
      ConnectionCheck c = delegate.testConnection();
      return c.ok() ? c : ConnectionCheck.failed(ConnectionFailure.UNEXPECTED_RESPONSE, "something went wrong", c.elapsed());
    }
  }

  /** Classifies failures right but says nothing a person can act on. */
  static final class TerseConnector extends Forwarding {
    TerseConnector(Connector delegate) {
      super(delegate);
    }

    @Override
    public ConnectionCheck testConnection() {
      ConnectionCheck c = delegate.testConnection();
      return c.ok() ? c : ConnectionCheck.failed(c.failure(), "error", c.elapsed());
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

  // Not run by Surefire (nested, not named *Test); run below through the engine.

  static class RepeatingCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new RepeatingConnector(c);
    }
  }

  static class DroppingCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new DroppingConnector(c);
    }
  }

  static class SessionCursorCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new SessionCursorConnector(c);
    }
  }

  static class WindowIgnoringCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new WindowIgnoringConnector(c);
    }
  }

  static class EndlessCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new EndlessConnector(c);
    }
  }

  static class MissingRegionCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new MissingRegionConnector(c);
    }
  }

  static class UnstableHashCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new UnstableHashConnector(c);
    }
  }

  static class NoStreamsCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new NoStreamsConnector(c);
    }
  }

  static class UnclassifiedCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new UnclassifiedConnector(c);
    }
  }

  static class TerseCase extends BaseCase {
    @Override
    Connector wrap(Connector c) {
      return new TerseConnector(c);
    }
  }

  static class HealthyCase extends BaseCase {}

  private static String failureMessage(Map<String, TestExecutionResult> results, String test) {
    TestExecutionResult r = results.get(test);
    assertThat(r).as("result of %s", test).isNotNull();
    assertThat(r.getStatus()).as("status of %s", test).isEqualTo(Status.FAILED);
    return r.getThrowable().orElseThrow().getMessage();
  }

  private static final String READ_ALL = "readingAllPagesReturnsEveryRecordExactlyOnce";
  private static final String RESUME = "resumingFromACursorLosesAndRepeatsNothing";
  private static final String VALID = "recordsAreValid";
  private static final String REGIONS = "regionsAreListed";
  private static final String HASHES = "contentHashesAreStableAcrossReads";
  private static final String GOOD = "goodConnectionPasses";

  @Test
  void kitFailsAConnectorThatReturnsARecordTwiceAcrossPages() {
    Map<String, TestExecutionResult> results = results(RepeatingCase.class);
    assertThat(failureMessage(results, READ_ALL)).contains("returned more than once");
    assertThat(failureMessage(results, RESUME)).contains("returned more than once");
    assertThat(results.get(GOOD).getStatus()).isEqualTo(Status.SUCCESSFUL);
    assertThat(results.get(REGIONS).getStatus()).isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void kitFailsAConnectorThatLosesARecordBetweenPages() {
    Map<String, TestExecutionResult> results = results(DroppingCase.class);
    // CLIENT is the first stream checked; the expected count is every client of the selected region.
    long clients = AGENCY.select(com.optimalworkforce.core.model.EntityType.CLIENT,
        java.util.Set.of(AGENCY.regions().get(0).id()), AGENCY.window()).count();
    assertThat(failureMessage(results, READ_ALL)).startsWith("CLIENT records read: ")
        .contains("of " + clients + " expected records missing [CLIENT:").endsWith("0 unexpected records []");
    assertThat(failureMessage(results, RESUME)).startsWith("CLIENT records read in two halves: ")
        .contains("expected records missing [CLIENT:");
    assertThat(results.get(GOOD).getStatus()).isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void kitFailsAConnectorWhoseCursorDoesNotSurviveARestart() {
    Map<String, TestExecutionResult> results = results(SessionCursorCase.class);
    // One instance reads everything fine; a new instance given the stored cursor starts over.
    assertThat(results.get(READ_ALL).getStatus()).isEqualTo(Status.SUCCESSFUL);
    assertThat(failureMessage(results, RESUME)).contains("returned more than once");
  }

  @Test
  void kitFailsAConnectorThatIgnoresTheWindow() {
    Map<String, TestExecutionResult> results = results(WindowIgnoringCase.class);
    assertThat(failureMessage(results, READ_ALL)).startsWith("VISIT records read: 0 of ")
        .contains("expected records missing []; ").containsPattern("; [1-9]\\d* unexpected records \\[VISIT:");
    assertThat(failureMessage(results, VALID)).contains("start of VISIT:");
    assertThat(results.get(REGIONS).getStatus()).isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void kitFailsAConnectorWhoseCursorNeverRunsOut() {
    Map<String, TestExecutionResult> results = results(EndlessCase.class);
    assertThat(failureMessage(results, READ_ALL)).contains("the cursor never runs out");
    assertThat(results.get(GOOD).getStatus()).isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void kitFailsAConnectorThatListsTooFewRegions() {
    Map<String, TestExecutionResult> results = results(MissingRegionCase.class);
    assertThat(failureMessage(results, REGIONS)).contains(AGENCY.regions().get(1).id());
    assertThat(results.get(READ_ALL).getStatus()).isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void kitFailsAConnectorWhoseHashesChangeWithoutTheData() {
    Map<String, TestExecutionResult> results = results(UnstableHashCase.class);
    assertThat(failureMessage(results, HASHES)).contains("VISIT records whose content hash changed");
    assertThat(results.get(READ_ALL).getStatus()).isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void kitDoesNotPassAConnectorThatDeclaresNothingToRead() {
    Map<String, TestExecutionResult> results = results(NoStreamsCase.class);
    for (String test : List.of(READ_ALL, RESUME, VALID, HASHES)) {
      assertThat(failureMessage(results, test)).as(test).contains("streams to check");
    }
  }

  @Test
  void kitFailsAConnectorThatDoesNotClassifyFailures() {
    Map<String, String> results = outcomes(UnclassifiedCase.class);
    assertThat(results).containsEntry("wrongCredentialsAreClassified", "FAILED");
    assertThat(results).containsEntry("deniedAccessIsClassified", "FAILED");
    assertThat(results).containsEntry("timeoutIsClassified", "FAILED");
    assertThat(results).containsEntry(READ_ALL, "SUCCESSFUL");
  }

  @Test
  void kitFailsAConnectorWhoseFailureMessagesSayNothingUseful() {
    Map<String, TestExecutionResult> results = results(TerseCase.class);
    assertThat(failureMessage(results, "wrongCredentialsAreClassified")).contains("message after the category label");
    assertThat(failureMessage(results, "deniedAccessIsClassified")).contains("message after the category label");
    assertThat(failureMessage(results, "timeoutIsClassified")).contains("message after the category label");
  }

  @Test
  void kitPassesTheHealthyConnectorThroughTheSameHarness() {
    Map<String, TestExecutionResult> results = results(HealthyCase.class);
    assertThat(results).hasSize(9).allSatisfy((name, result) -> assertThat(result.getStatus())
        .as("%s: %s", name, result.getThrowable().map(Throwable::getMessage).orElse("")).isEqualTo(Status.SUCCESSFUL));
  }
}
