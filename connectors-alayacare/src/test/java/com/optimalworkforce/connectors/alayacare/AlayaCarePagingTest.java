package com.optimalworkforce.connectors.alayacare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import com.optimalworkforce.testkit.alayacare.Exchange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Visits deleted between two page requests make offset paging skip records that were never read;
 * the connector's slice reads must not: every visit that exists throughout the read is returned
 * exactly once. Lists in an order the connector does not expect must not lose records either.
 */
class AlayaCarePagingTest {
  final SyntheticAgency agency = SyntheticAgency.builder().seed(31).regions(1).clients(24).caregivers(12)
      .weeksOfHistory(1).weeksAhead(1).build();
  final AlayaCareSimulator sim = AlayaCareSimulator.start(agency);

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void visitsDeletedMidReadLoseNothingElseAndRepeatNothing() {
    TimeWindow window = agency.window();
    String branch = Long.toString(sim.branchId(agency.regions().get(0).id()));
    List<Visit> all = agency.visits().filter(v -> window.contains(v.start())).toList();
    ReadRequest request = ReadRequest.builder(EntityType.VISIT).regions(Set.of(branch)).window(window).pageSize(25)
        .build();
    List<SourceRecord> read = new ArrayList<>();
    Set<String> deletedUnread = new HashSet<>();
    try (AlayaCareConnector connector = AlayaCareConnector.create(Simulators.config(sim).pageSize(200).build())) {
      Page first = connector.read(request);
      read.addAll(first.records());
      Set<String> seen = first.records().stream().map(r -> r.key().sourceId()).collect(Collectors.toSet());
      // Delete three visits already read and three not read yet, all before the unread ones in id order.
      List<Visit> readVisits = all.stream().filter(v -> seen.contains(Long.toString(sim.visitId(v.id())))).toList();
      List<Visit> unread = all.stream().filter(v -> !seen.contains(Long.toString(sim.visitId(v.id())))).toList();
      for (Visit v : readVisits.subList(0, 3)) {
        agency.delete(v.key());
      }
      for (Visit v : unread.subList(0, 3)) {
        agency.delete(v.key());
        deletedUnread.add(Long.toString(sim.visitId(v.id())));
      }
      ReadRequest next = first.next().map(request::withCursor).orElseThrow();
      while (next != null) {
        Page page = connector.read(next);
        read.addAll(page.records());
        next = page.next().map(next::withCursor).orElse(null);
      }
    }
    List<RecordKey> keys = read.stream().map(SourceRecord::key).toList();
    assertThat(new HashSet<>(keys)).hasSameSizeAs(keys); // nothing repeated
    Set<RecordKey> expected = all.stream().map(v -> RecordKey.of(EntityType.VISIT, Long.toString(sim.visitId(v.id()))))
        .filter(k -> !deletedUnread.contains(k.sourceId())).collect(Collectors.toSet());
    assertThat(new HashSet<>(keys)).isEqualTo(expected); // nothing lost
  }

  /**
   * AlayaCare documents no order for client and employee lists. Skipping ids at or below the last
   * one returned (what keeps an id-ordered list from repeating an item that moved to a later page)
   * would drop records of a list in any other order; the connector notices and reads them all.
   */
  @ParameterizedTest(name = "{0} listed by name, {1} a request")
  @CsvSource({"CLIENT, 5", "CAREGIVER, 4", "CLIENT, 100"})
  void listsInAnotherOrderThanIdsAreReadWhole(EntityType type, int count) throws Exception {
    try (AlayaCareSimulator byName = AlayaCareSimulator.builder(agency).listsByName(true).recordExchanges(true).start();
        AlayaCareConnector connector = AlayaCareConnector.create(Simulators.config(byName).pageSize(count).build())) {
      String branch = Long.toString(byName.branchId(agency.regions().get(0).id()));
      ReadRequest request = ReadRequest.builder(type).regions(Set.of(branch)).window(agency.window()).pageSize(count)
          .build();
      List<RecordKey> keys = new ArrayList<>();
      while (request != null) {
        Page page = connector.read(request);
        assertThat(page.rejected()).isEmpty();
        page.records().forEach(r -> keys.add(r.key()));
        request = page.next().map(request::withCursor).orElse(null);
      }
      Set<RecordKey> expected = agency.records(type).map(byName::connectorKey).collect(Collectors.toSet());
      assertThat(keys).doesNotHaveDuplicates();
      assertThat(new HashSet<>(keys)).isEqualTo(expected);
      // The simulator did serve them out of id order.
      String list = type == EntityType.CLIENT ? "/patients/clients" : "/employees/employees";
      Exchange first = byName.exchanges().stream().filter(e -> e.path().endsWith(list)).findFirst().orElseThrow();
      List<Long> ids = new ArrayList<>();
      new ObjectMapper().readTree(first.responseBody()).get("items").forEach(i -> ids.add(i.get("id").asLong()));
      assertThat(ids).hasSizeGreaterThan(1).isNotEqualTo(ids.stream().sorted().toList());
    }
  }
}
