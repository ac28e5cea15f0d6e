package com.optimalworkforce.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.optimalworkforce.connectors.wellsky.WellSkyConnector;
import com.optimalworkforce.connectors.wellsky.WellSkyConnectorConfig;
import com.optimalworkforce.connectors.wellsky.WellSkyDialect;
import com.optimalworkforce.connectors.wellsky.internal.FhirMapper.ClientFacts;
import com.optimalworkforce.connectors.wellsky.internal.HomeConnectRecords;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.wellsky.WellSkyHomeConnectSimulator;
import com.optimalworkforce.testkit.wellsky.internal.HomeConnectJson;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Patient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The WellSky connector's cost per record: mapping a Home Connect page of 100 Patients (HAPI's
 * lenient parser per entry, then the shared R4 mapping) and of 100 shifts (turned into R4
 * Appointments, then mapped), and a whole visit read of an agency from the Home Connect simulator
 * over loopback HTTP (token, patient pages, one search per client and five-day chunk).
 *
 * <pre>{@code
 * benchmarks/run WellSkyConnectorBenchmark -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class WellSkyConnectorBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SyntheticAgency agency;
  private List<JsonNode> patients;
  private List<JsonNode> shifts;
  private ClientFacts facts;
  private WellSkyHomeConnectSimulator simulator;
  private WellSkyConnector connector;
  private ReadRequest visitRead;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    agency = SyntheticAgency.builder().seed(5).regions(1).clients(120).caregivers(40).weeksOfHistory(1).weeksAhead(1)
        .build();
    patients = agency.clients().stream().limit(100).map(c -> (JsonNode) HomeConnectJson.patient(c, "42")).toList();
    shifts = agency.visits().limit(100).map(v -> (JsonNode) HomeConnectJson.appointment(v)).toList();
    Region region = agency.regions().get(0);
    facts = new ClientFacts(region.id(), region.zone(), "M4A 1B2", null);
    // Round-trip through text so the nodes are what a response parse gives.
    patients = reparse(patients);
    shifts = reparse(shifts);
    simulator = WellSkyHomeConnectSimulator.start(agency);
    connector = WellSkyConnector.create(WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
        .baseUrl(URI.create(simulator.baseUrl())).clientId(simulator.clientId()).clientSecret(simulator.clientSecret())
        .clock(agency.clock()).rateLimit(RateLimitPolicy.unlimited()).build());
    Set<String> regions = connector.listRegions().stream().map(Region::id).collect(Collectors.toSet());
    visitRead = ReadRequest.builder(EntityType.VISIT).regions(regions)
        .window(TimeWindow.around(agency.now(), Duration.ofDays(7), Duration.ofDays(7))).pageSize(100).build();
  }

  private static List<JsonNode> reparse(List<JsonNode> nodes) throws Exception {
    ObjectNode bundle = HomeConnectJson.bundle(nodes.stream().map(n -> (ObjectNode) n).toList(), nodes.size(), 0);
    return HomeConnectRecords.entries(JSON.readTree(bundle.toString()));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    connector.close();
    simulator.close();
  }

  /** A page of 100 Home Connect Patients into clients. */
  @Benchmark
  public void mapPatientPage(Blackhole bh) {
    for (JsonNode entry : patients) {
      Patient p = HomeConnectRecords.parse(entry, Patient.class, EntityType.CLIENT);
      Client c = HomeConnectRecords.client(p, HomeConnectRecords.region(p, EntityType.CLIENT));
      bh.consume(c.contentHash());
    }
  }

  /** A page of 100 Home Connect shifts into visits (through R4 Appointments). */
  @Benchmark
  public void mapShiftPage(Blackhole bh) {
    for (JsonNode shift : shifts) {
      Visit v = HomeConnectRecords.visit(shift, facts);
      bh.consume(v.contentHash());
    }
  }

  /** Every visit of a 120-client agency in a two-week window, from the simulator over HTTP. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long readAllVisitsFromSimulator() {
    long n = 0;
    ReadRequest next = visitRead;
    while (next != null) {
      Page page = connector.read(next);
      n += page.records().size();
      next = page.next().map(next::withCursor).orElse(null);
    }
    return n;
  }
}
