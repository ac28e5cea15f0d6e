package com.optimalworkforce.testkit;

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
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** README's "A first connector" snippet is this code (checked by the examples' DocsSnippetsTest). */
class ReadmeFirstConnectorTest {

  Page firstPage(Clock clock) {
    // tag::first-connector[]
    ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader());
    try (Connector connector = registry.create(ConnectorConfig.builder("in-memory")
        .setting("seed", "42")
        .secret("apiKey", Secret.of("synthetic-key-42"))
        .build())) {
      ConnectionCheck check = connector.testConnection(); // "Connected to ..." or a classified failure
      if (!check.ok()) {
        throw new IllegalStateException(check.message());
      }
      List<Region> regions = connector.listRegions();
      return connector.read(ReadRequest.builder(EntityType.VISIT)
          .regions(Set.of(regions.get(0).id()))
          .window(TimeWindow.around(clock.instant(), Duration.ofDays(28), Duration.ofDays(14)))
          .build());
    }
    // end::first-connector[]
  }

  @Test
  void theReadmeSnippetReadsAFirstPageOfVisits() {
    Clock clock = Clock.fixed(SyntheticAgency.DEFAULT_NOW, ZoneOffset.UTC);
    Page page = firstPage(clock);
    TimeWindow window = TimeWindow.around(clock.instant(), Duration.ofDays(28), Duration.ofDays(14));
    assertThat(page.records()).hasSize(ReadRequest.DEFAULT_PAGE_SIZE).allSatisfy(r -> {
      Visit v = (Visit) r;
      assertThat(v.regionId()).isEqualTo("toronto-east");
      assertThat(window.contains(v.start())).isTrue();
    });
    assertThat(page.hasNext()).isTrue();
  }
}
