package com.optimalworkforce.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.examples.connector.AcmeConnector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

class WriteYourOwnConnectorTest {

  @Test
  void theExampleConnectorPassesTheKit() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    TestExecutionSummary summary = WriteYourOwnConnector.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(summary.getTestsFoundCount()).isEqualTo(9);
    assertThat(summary.getTotalFailureCount()).as(out).isZero();
    assertThat(out).contains("Connected to Acme Scheduling (2 branches visible)").contains("Kit: 9 tests, 9 passed, 0 failed");
  }

  @Test
  void aCorruptShiftIsQuarantinedAndTheRestIsRead() {
    String corrupt = WriteYourOwnConnector.AGENCY.visits()
        .filter(v -> v.regionId().equals(WriteYourOwnConnector.AGENCY.regions().get(0).id())).findFirst().orElseThrow().id();
    try (Connector acme = new AcmeConnector(WriteYourOwnConnector.API.withCorruptShift(corrupt),
        WriteYourOwnConnector.AGENCY.apiKey(), Duration.ofSeconds(5))) {
      Page page = acme.read(ReadRequest.builder(EntityType.VISIT)
          .regions(Set.of(WriteYourOwnConnector.AGENCY.regions().get(0).id()))
          .window(WriteYourOwnConnector.AGENCY.window()).pageSize(20).build());
      assertThat(page.rejected()).singleElement().satisfies(r -> {
        assertThat(r.sourceId()).isEqualTo(corrupt);
        assertThat(r.reason()).contains("Visit '" + corrupt + "': end").contains("must be after start");
      });
      assertThat(page.records()).hasSize(19);
    }
  }
}
