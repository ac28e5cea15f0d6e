package com.optimalworkforce.examples.demo;

import com.optimalworkforce.connectors.wellsky.WellSkyConnectorProvider;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.FileAuditLog;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.sync.Integration;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.wellsky.WellSkyHomeConnectSimulator;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Section 2, WellSky Home Connect: the same wizard against a second source, and its preview. */
final class WellSkySetup {
  private final DemoContext c;
  private final PrintStream out;
  private final MutableClock clock;
  private final CredentialVault vault;

  WellSkySetup(DemoContext c) {
    this.c = c;
    this.out = c.out;
    this.clock = c.clock;
    this.vault = c.vault;
  }

  void run(WellSkyHomeConnectSimulator sim, FileAuditLog audit, ResultBuilder r) {
    out.println();
    out.println("-- WellSky Home Connect: the same wizard, a second source --");
    ConnectorConfig entered = ConnectorConfig.builder("wellsky")
        .setting(WellSkyConnectorProvider.DIALECT, "home-connect")
        .setting("baseUrl", sim.baseUrl()).setting("tokenUrl", sim.tokenUrl())
        .setting(WellSkyConnectorProvider.CLIENT_ID, sim.clientId())
        .setting("requestsPerSecond", "1000")
        .secret(WellSkyConnectorProvider.CLIENT_SECRET, Secret.of("not-the-client-secret"))
        .build();
    try (Integration wellSky = Integration.builder("agency-wellsky", new WellSkyConnectorProvider())
        .config(entered).vault(vault).auditLog(audit).clock(clock).window(DemoContext.WINDOW)
        .scheduleStore(InMemoryScheduleStore.create()).build()) {
      r.wellSkyWrongSecret = wellSky.testConnection();
      out.println("  Test connection with a wrong client secret:");
      out.println("    " + r.wellSkyWrongSecret.message());
      r.wellSkyRightSecret = wellSky.updateCredentials(Map.of(WellSkyConnectorProvider.CLIENT_SECRET,
          sim.clientSecret()));
      out.println("  Test connection with the right one:");
      out.println("    " + r.wellSkyRightSecret.message());
      List<Region> regions = wellSky.availableRegions();
      out.println("  Regions available: " + regions.stream().map(g -> g.id() + " " + g.name())
          .collect(Collectors.joining(", ")));
      // Home Connect searches shifts per client and week: the preview of one region keeps the demo quick.
      List<String> same = regions.stream().filter(g -> r.selectedNames.get(0).equals(g.name())).map(Region::id)
          .toList();
      wellSky.selectRegions(new TreeSet<>(same));
      long t = System.nanoTime();
      r.wellSkyPreview = wellSky.preview();
      out.println("  Preview of " + String.join(", ", same) + " read from WellSky (the same agency seen through"
          + " another system; read in " + DemoContext.since(t) + "):");
      c.previewTable(r.wellSkyPreview, same);
    }
  }
}
