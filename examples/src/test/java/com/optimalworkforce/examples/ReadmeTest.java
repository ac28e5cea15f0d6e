package com.optimalworkforce.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorRegistry;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code of README.md ("A first connector in ten lines"), run. */
class ReadmeTest {

  @Test
  void aFirstConnectorReadsAPageOfVisits() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    // tag::first-connector[]
    Clock clock = Clock.fixed(SyntheticAgency.DEFAULT_NOW, ZoneOffset.UTC);   // the synthetic agency's "now"
    ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader());   // META-INF/services
    try (Connector connector = registry.create(ConnectorConfig.builder("in-memory")  // the testkit's agency
        .setting("seed", "42")
        .secret("apiKey", Secret.of("synthetic-key-42"))
        .build())) {
      ConnectionCheck check = connector.testConnection();   // "Connected to ..." or a classified failure
      List<Region> regions = connector.listRegions();
      Page page = connector.read(ReadRequest.builder(EntityType.VISIT)
          .regions(Set.of(regions.get(0).id()))
          .window(TimeWindow.around(clock.instant(), Duration.ofDays(28), Duration.ofDays(14)))
          .build());
      out.println(check.message() + "; first page: " + page.records().size() + " visits");
    }
    // end::first-connector[]

    assertThat(buffer.toString(StandardCharsets.UTF_8)).startsWith("Connected to ")
        .containsPattern("; first page: [1-9]\\d* visits");
  }
}
