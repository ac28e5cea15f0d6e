package com.optimalworkforce.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.GeoPoint;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The aggregator over a realistic agency: Canadian and US regions (Cheyenne holds HIPAA-restricted
 * ZIP3s), about 1% malformed postal codes, the behaviour profiles. Lives in testkit's tests because
 * core cannot depend on the testkit.
 */
class SyntheticAgencyAggregationTest {
  static SyntheticAgency agency;
  static Aggregator aggregator;
  static AggregateSnapshot snapshot;
  static String json;

  @BeforeAll
  static void aggregate() {
    agency = SyntheticAgency.builder().seed(4).regions(6).usRegions(4).clients(1200).caregivers(300)
        .weeksOfHistory(4).weeksAhead(2).malformedPostalCodes(0.03).build();
    aggregator = Aggregator.builder().clock(agency.clock()).build();
    aggregator.addAll(agency.clients());
    aggregator.addAll(agency.caregivers());
    aggregator.addAll(agency.visits());
    snapshot = aggregator.snapshot(PrivacyPolicy.ofDefaults());
    json = snapshot.toJson();
  }

  @Test
  void noIdNameFullPostalCodeOrAddressLeavesTheAgency() {
    Set<String> forbidden = new LinkedHashSet<>();
    for (Client c : agency.clients()) {
      forbidden.add(c.id());
      names(forbidden, c.name());
      postal(forbidden, c.postalCode());
      if (c.address() != null) {
        forbidden.add(c.address());
      }
    }
    for (Caregiver c : agency.caregivers()) {
      forbidden.add(c.id());
      names(forbidden, c.name());
      postal(forbidden, c.postalCode());
      coordinates(forbidden, c.home());
    }
    agency.clients().forEach(c -> coordinates(forbidden, c.location()));
    // The place of care of each visit: its postal code and coordinates.
    agency.visits().forEach(v -> {
      postal(forbidden, v.postalCode());
      coordinates(forbidden, v.location());
    });
    assertThat(forbidden).hasSizeGreaterThan(5000);
    for (String value : forbidden) {
      assertThat(json).as("snapshot JSON").doesNotContain(value);
    }
    // Visit ids are short ("V12"), so look for them as JSON strings.
    agency.visits().forEach(v -> assertThat(json).doesNotContain("\"" + v.id() + "\""));
    // What it does hold: region ids, area codes, weeks, numbers and the policy.
    assertThat(json).contains("\"regionId\":\"toronto-east\"", "\"M4A\"", "\"UNKNOWN\"", "\"000\"", "\"2026-W47\"");
  }

  @Test
  void malformedAndMissingPostalCodesAreCountedAsUnknownNotDropped() {
    AggregateCounts counts = aggregator.counts();
    long malformed = agency.clients().stream().filter(c -> c.active() && GeoArea.of(c.postalCode()).isUnknown())
        .count();
    assertThat(malformed).isGreaterThan(10);
    long unknown = agency.regions().stream()
        .mapToLong(r -> counts.count(r.id(), GeoArea.UNKNOWN, Metric.ACTIVE_CLIENTS)).sum();
    assertThat(unknown).isEqualTo(malformed);
    for (Region r : agency.regions()) {
      long active = agency.clients().stream().filter(c -> c.active() && c.regionId().equals(r.id())).count();
      assertThat(counts.regionTotal(r.id(), Metric.ACTIVE_CLIENTS)).as(r.id()).isEqualTo(active);
      long visits = agency.visits().filter(v -> v.regionId().equals(r.id()) && !v.isCancelled()).count();
      assertThat(counts.regionTotal(r.id(), Metric.VISITS)).as(r.id()).isEqualTo(visits);
      long unfilled = agency.visits().filter(v -> v.regionId().equals(r.id()) && v.isUnfilled()).count();
      assertThat(counts.regionTotal(r.id(), Metric.UNFILLED_VISITS)).isEqualTo(unfilled);
    }
  }

  @Test
  void cheyennesRestrictedZip3sArePublishedTogetherAs000() {
    RegionSnapshot cheyenne = snapshot.region("cheyenne").orElseThrow();
    assertThat(cheyenne.areas().keySet()).extracting(GeoArea::code)
        .contains("000", "820").doesNotContain("821", "823", "830", "831");
    AggregateCounts counts = aggregator.counts();
    long restricted = counts.areas("cheyenne").stream().filter(a -> Set.of("821", "823", "830", "831")
        .contains(a.code())).mapToLong(a -> counts.count("cheyenne", a, Metric.ACTIVE_CLIENTS)).sum();
    assertThat(restricted).isGreaterThan(10);
    assertThat(cheyenne.area(GeoArea.RESTRICTED_ZIP3).activeClients()).hasValue(restricted);
  }

  @Test
  void aPreviewIsAFreshAggregatorFedTheSelectedRecordsAsCreations() {
    Set<String> selected = Set.of("toronto-east", "seattle");
    // tag::preview[]
    Aggregator preview = Aggregator.builder().clock(agency.clock()).build();
    for (EntityType type : List.of(EntityType.CLIENT, EntityType.CAREGIVER, EntityType.VISIT)) {
      preview.addAll(agency.select(type, selected, agency.window()));   // plain records count as creations
    }
    AggregateSnapshot previewSnapshot = preview.snapshot(PrivacyPolicy.ofDefaults());
    // end::preview[]
    assertThat(previewSnapshot.regions()).extracting(RegionSnapshot::regionId)
        .containsExactly("seattle", "toronto-east");
    // The same figures as the full agency's snapshot for those regions.
    assertThat(previewSnapshot.region("seattle")).isEqualTo(snapshot.region("seattle"));
  }

  @Test
  void changesBetweenTwoSyncsUpdateTheAggregateExactly() {
    SyntheticAgency moving = SyntheticAgency.builder().seed(4).regions(6).usRegions(4).clients(1200)
        .caregivers(300).weeksOfHistory(4).weeksAhead(2).malformedPostalCodes(0.03).build();
    Aggregator incremental = Aggregator.create();
    Map<String, SourceRecord> before = new HashMap<>();
    for (EntityType type : List.of(EntityType.CLIENT, EntityType.CAREGIVER, EntityType.VISIT)) {
      moving.records(type).forEach(r -> {
        incremental.add(r);
        before.put(r.key().toString(), r);
      });
    }
    // The source moves: visits lengthen, some are deleted, a client moves and one is cancelled.
    List<String> changed = moving.changeVisits(v -> v.start().isAfter(moving.now()), 0.05, 9);
    List<String> deleted = moving.deleteVisits(v -> v.start().isAfter(moving.now()), 25, 9);
    Client mover = moving.clients().get(3);
    moving.put(mover.toBuilder().postalCode("M4C 9Z9").active(!mover.active()).build());
    Visit cancelled = moving.visits().filter(v -> v.status() == VisitStatus.SCHEDULED).findFirst().orElseThrow();
    moving.put(cancelled.toBuilder().status(VisitStatus.CANCELLED).build());

    List<Change> changes = new ArrayList<>();
    Map<String, SourceRecord> after = new HashMap<>();
    for (EntityType type : List.of(EntityType.CLIENT, EntityType.CAREGIVER, EntityType.VISIT)) {
      moving.records(type).forEach(r -> after.put(r.key().toString(), r));
    }
    after.forEach((key, r) -> {
      SourceRecord old = before.get(key);
      if (old == null) {
        changes.add(Change.created(r));
      } else if (!old.contentHash().equals(r.contentHash())) {
        changes.add(Change.updated(old, r));
      }
    });
    before.forEach((key, old) -> {
      if (!after.containsKey(key)) {
        changes.add(Change.deleted(old));
      }
    });
    assertThat(changes.size()).isGreaterThanOrEqualTo(changed.size() + deleted.size());
    incremental.applyAll(changes);

    Aggregator recomputed = Aggregator.create();
    recomputed.addAll(after.values());
    assertThat(incremental.counts()).isEqualTo(recomputed.counts());
  }

  private static void names(Set<String> out, PersonName name) {
    out.add(name.full());
    out.add(name.formal());
    for (String part : new String[] {name.given(), name.family()}) {
      if (part != null && part.length() >= 3) {
        out.add(part);
      }
    }
  }

  private static void coordinates(Set<String> out, GeoPoint p) {
    if (p != null) {
      for (double d : new double[] {p.latitude(), p.longitude()}) {
        out.add(String.valueOf(d));
        out.add(String.format(java.util.Locale.ROOT, "%.4f", d));
      }
    }
  }

  private static void postal(Set<String> out, String postal) {
    // Malformed codes that spell an area name ("UNKNOWN") are not a person's postal code.
    if (postal != null && postal.strip().length() >= 5 && !postal.equals(GeoArea.UNKNOWN.code())) {
      out.add(postal);
      out.add(postal.replace(" ", ""));
      out.add(postal.replace("-", ""));
    }
  }
}
