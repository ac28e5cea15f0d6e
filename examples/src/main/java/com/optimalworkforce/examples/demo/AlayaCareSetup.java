package com.optimalworkforce.examples.demo;

import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.connectors.alayacare.AlayaCareConnectorProvider;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.FileAuditLog;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.sync.Integration;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Section 2, AlayaCare: the setup wizard over HTTP, the initial sync with a progress bar, changes in
 * the source, the incremental sync.
 */
final class AlayaCareSetup {
  private final DemoContext c;
  private final PrintStream out;
  private final boolean terminal;
  private final SyntheticAgency agency;
  private final MutableClock clock;
  private final BehaviourProfiles profiles;
  private final CredentialVault vault;
  private final ScheduleIndex index;
  private final MatchHistory history;

  AlayaCareSetup(DemoContext c) {
    this.c = c;
    this.out = c.out;
    this.terminal = c.terminal;
    this.agency = c.agency;
    this.clock = c.clock;
    this.profiles = c.profiles;
    this.vault = c.vault;
    this.index = c.index;
    this.history = c.history;
  }

  Integration run(AlayaCareSimulator sim, FileAuditLog audit, ResultBuilder r) {
    out.println("-- AlayaCare: the setup wizard --");
    ConnectorConfig entered = ConnectorConfig.builder(AlayaCareConnectorProvider.ID)
        .setting(AlayaCareConnectorProvider.BASE_URL, sim.baseUrl())
        .setting(AlayaCareConnectorProvider.PAGE_SIZE, "500")
        .setting(AlayaCareConnectorProvider.RATE_LIMIT, "2000")
        .secret(AlayaCareConnectorProvider.PUBLIC_KEY, Secret.of(sim.publicKey()))
        .secret(AlayaCareConnectorProvider.PRIVATE_KEY, Secret.of("a-typo-in-the-private-key"))
        .build();
    Integration integration = Integration.builder("agency-alayacare", new AlayaCareConnectorProvider())
        .config(entered).vault(vault).auditLog(audit).clock(clock).window(DemoContext.WINDOW).pageSize(500)
        .listener(index).listener(history).build();

    r.alayaCareWrongKey = integration.testConnection();
    out.println("  Test connection with a wrong private key:");
    out.println("    " + r.alayaCareWrongKey.message());
    r.alayaCareRightKey = integration.updateCredentials(Map.of(AlayaCareConnectorProvider.PRIVATE_KEY,
        sim.privateKey()));
    out.println("  Test connection with the right key pair:");
    out.println("    " + r.alayaCareRightKey.message());

    List<Region> regions = integration.availableRegions();
    r.regionsListed = regions.stream().map(Region::id).toList();
    out.println("  Regions available:");
    for (Region region : regions) {
      out.println("    " + region.id() + "  " + region.name() + " (" + region.zone() + ")");
    }
    r.selected = List.of(regions.get(0).id(), regions.get(1).id());
    r.selectedNames = List.of(regions.get(0).name(), regions.get(1).name());
    integration.selectRegions(new TreeSet<>(r.selected));
    out.println("  Selected: " + String.join(", ", r.selected));

    long t = System.nanoTime();
    r.preview = integration.preview();
    out.println("  Preview (read from AlayaCare in " + DemoContext.since(t)
        + ", nothing stored yet; counts of 1-10 show as <11):");
    c.previewTable(r.preview, r.selected);

    staffTomsShift();
    out.println("  Complete: the initial sync");
    ProgressBar bar = ProgressBar.on(out, terminal);
    t = System.nanoTime();
    r.initial = integration.complete(bar);
    bar.finish(r.initial.completed());
    r.progressShown = bar.percentShown();
    out.println("  " + summary(r.initial) + " (" + DemoContext.since(t) + ")");

    List<String> agencyRegions = r.selected.stream().map(branch -> agencyRegion(sim, branch)).toList();
    loadOfferLog(sim, agencyRegions);
    c.fridayAfternoonShift = Long.toString(sim.visitId(profiles.openFridayAfternoonVisit()));

    out.println("  Meanwhile in AlayaCare:");
    r.changes = changeSource(agencyRegions);
    out.println("    " + tomsShift() + ": the caregiver called out, the visit is open again (1 visit updated)");
    out.println("    " + (r.changes.updated() - 1) + " visits changed (each now ends 15 minutes later), "
        + r.changes.deleted() + " visits deleted, " + r.changes.created() + " client added");
    out.println("    expected at the next sync: created " + r.changes.created() + ", updated " + r.changes.updated()
        + ", deleted " + r.changes.deleted());
    clock.advance(Duration.ofMinutes(5));
    t = System.nanoTime();
    r.incremental = integration.syncNow();
    out.println("  Incremental sync: created " + r.incremental.created() + ", updated " + r.incremental.updated()
        + ", deleted " + r.incremental.deleted() + ", unchanged " + r.incremental.unchanged() + " ("
        + r.incremental.recordsRead() + " records re-read: AlayaCare has no 'changed since', content hashes tell; "
        + DemoContext.since(t) + ")");
    return integration;
  }

  /** The agency's id of an AlayaCare branch. */
  private String agencyRegion(AlayaCareSimulator sim, String branchId) {
    return agency.regions().stream().map(Region::id).filter(id -> Long.toString(sim.branchId(id)).equals(branchId))
        .findFirst().orElseThrow(() -> new IllegalStateException("AlayaCare branch " + branchId + " is unknown"));
  }

  private static String summary(SyncReport s) {
    return (s.completed() ? "Completed" : "FAILED: " + s.failure().orElse("")) + ": " + String.format("%,d",
        s.recordsRead()) + " records read in " + s.pages() + " pages; created " + s.created() + ", updated "
        + s.updated() + ", deleted " + s.deleted() + ", quarantined " + s.quarantined();
  }

  /**
   * Shift offers are not in AlayaCare's External API: agencies keep them in their offer tool. The
   * demo loads the agency's offer log, keyed to AlayaCare's ids, into the alert view and the
   * match scorer's history.
   */
  private void loadOfferLog(AlayaCareSimulator sim, List<String> selected) {
    Set<String> regions = Set.copyOf(selected);
    List<ShiftOffer> offers = agency.offers().filter(o -> regions.contains(agency.regionOfVisit(o.visitId())))
        .map(o -> ShiftOffer.builder().id(o.id()).visitId(Long.toString(sim.visitId(o.visitId())))
            .caregiverId(Long.toString(sim.employeeId(o.caregiverId()))).zone(o.zone()).shiftStart(o.shiftStart())
            .shiftEnd(o.shiftEnd()).serviceCode(o.serviceCode()).offeredAt(o.offeredAt()).outcome(o.outcome()).build())
        .toList();
    index.putAll(offers);
    history.loadAll(offers);
    out.println("  Offer log: " + offers.size() + " past shift offers loaded from the agency's offer tool (AlayaCare's"
        + " External API has none)");
  }

  /**
   * AlayaCare expresses a call-out as a cancelled visit, so the agency's open "Tom called out"
   * shift is staffed with Tom before the first sync and opened again between the syncs: the
   * incremental sync then shows the last-minute opening as it happens.
   */
  private void staffTomsShift() {
    Visit open = agency.visit(profiles.lastMinuteOpenVisit()).orElseThrow();
    agency.put(open.toBuilder().caregiverId(profiles.lastMinuteCallOut()).status(VisitStatus.SCHEDULED).build());
  }

  private String tomsShift() {
    Visit v = agency.visit(profiles.lastMinuteOpenVisit()).orElseThrow();
    String caregiver = agency.caregivers().stream().filter(c -> c.id().equals(profiles.lastMinuteCallOut()))
        .map(c -> c.name().given()).findFirst().orElse("the caregiver");
    String client = agency.clients().stream().filter(c -> c.id().equals(v.clientId())).map(c -> DemoContext.formal(c.name()))
        .findFirst().orElse("the client");
    return caregiver + "'s " + v.localStart().format(DateTimeFormatter.ofPattern("EEEE h a", Locale.ENGLISH))
        + " shift with " + client;
  }

  /** Changes the source between the syncs, away from the profiled caregivers of the first region. */
  private DemoResult.SourceChanges changeSource(List<String> selected) {
    String region = selected.get(1);
    Set<String> callOutVisits = agency.callOuts().map(CallOut::visitId).collect(Collectors.toSet());
    var window = DemoContext.WINDOW.at(clock.instant());
    List<String> changed = agency.changeVisits(v -> v.regionId().equals(region) && window.contains(v.start())
        && v.start().isAfter(agency.now()) && !callOutVisits.contains(v.id()), 0.01, 7);
    Set<String> changedIds = new HashSet<>(changed);
    List<String> deleted = agency.deleteVisits(v -> v.regionId().equals(region) && window.contains(v.start())
        && v.start().isAfter(agency.now()) && !callOutVisits.contains(v.id()) && !changedIds.contains(v.id()), 3, 8);
    Client template = agency.clients().stream().filter(c -> c.regionId().equals(region)).findFirst().orElseThrow();
    Client added = Client.builder().id("C99001").regionId(region).name(PersonName.of("Grace", "Newcomer", "Mrs."))
        .postalCode(template.postalCode()).active(true).build();
    agency.put(added);
    Visit toms = agency.visit(profiles.lastMinuteOpenVisit()).orElseThrow();
    agency.put(toms.toBuilder().caregiverId(null).status(VisitStatus.OPEN).build());
    return new DemoResult.SourceChanges(1, changed.size() + 1, deleted.size());
  }
}
