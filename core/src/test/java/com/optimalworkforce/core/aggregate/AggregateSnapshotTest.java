package com.optimalworkforce.core.aggregate;

import static com.optimalworkforce.core.aggregate.Records.DENVER;
import static com.optimalworkforce.core.aggregate.Records.caregiver;
import static com.optimalworkforce.core.aggregate.Records.client;
import static com.optimalworkforce.core.aggregate.Records.scheduled;
import static com.optimalworkforce.core.aggregate.Records.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.security.Secret;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AggregateSnapshotTest {
  static final Instant AS_OF = Instant.parse("2026-11-20T15:00:00Z");
  static final Instant MONDAY = Instant.parse("2026-11-16T15:00:00Z");

  /** 30 active clients in M4A, 12 caregivers, 3 in M4B; 40 + 2 visits. */
  static AggregateCounts sample() {
    Aggregator a = Aggregator.create();
    for (int i = 0; i < 30; i++) {
      a.add(client("C" + i, "east", "M4A 1B" + (i % 10), true));
    }
    for (int i = 0; i < 3; i++) {
      a.add(client("D" + i, "east", "M4B 1A1", true));
    }
    for (int i = 0; i < 12; i++) {
      a.add(caregiver("E" + i, "east", "M4A 2C3", true));
    }
    for (int i = 0; i < 40; i++) {
      a.add(scheduled("V" + i, "east", "M4A 1B2", MONDAY.plus(Duration.ofHours(i)), Duration.ofMinutes(90)));
    }
    a.add(scheduled("W1", "east", "M4B 1A1", MONDAY, Duration.ofHours(1)));
    a.add(scheduled("W2", "east", "M4B 1A1", MONDAY.plus(Duration.ofDays(7)), Duration.ofHours(1)));
    return a.counts();
  }

  @Test
  void smallCellsAndTheirComplementsAreHiddenZerosAndLargeCellsShown() {
    AggregateSnapshot s = sample().publish(PrivacyPolicy.ofDefaults(), AS_OF);
    RegionSnapshot east = s.region("east").orElseThrow();
    assertThat(east.area(GeoArea.of("M4B")).suppressed(Metric.ACTIVE_CLIENTS)).isTrue();
    // 33 - 30 would give M4B's 3 away: M4A is its complement (parts go before the regional total).
    assertThat(east.area(GeoArea.of("M4A")).suppressed(Metric.ACTIVE_CLIENTS)).isTrue();
    assertThat(east.total().activeClients()).hasValue(33);
    assertThat(east.area(GeoArea.of("M4B")).activeCaregivers()).hasValue(0);
    assertThat(east.area(GeoArea.of("M4A")).activeCaregivers()).hasValue(12);
    assertThat(east.area(GeoArea.of("M4A")).cancelledVisits()).hasValue(0);
    assertThat(east.area(GeoArea.UNKNOWN).visits()).hasValue(0); // an absent area reads as zeros
    assertThat(s.policy()).isEqualTo(PrivacyPolicy.ofDefaults());
    assertThat(s.asOf()).isEqualTo(AS_OF);
  }

  @Test
  void jsonRoundTripsAndRecordsSchemaVersionAndPolicy() {
    AggregateSnapshot s = sample().publish(PrivacyPolicy.ofDefaults(), AS_OF);
    String json = s.toJson();
    assertThat(json).startsWith("{\"schemaVersion\":1,\"asOf\":\"2026-11-20T15:00:00Z\",\"policy\":{"
        + "\"suppressionThreshold\":10,\"complementarySuppression\":true,\"randomRoundingBase\":0,"
        + "\"restrictedZip3s\":[\"036\"");
    assertThat(json).contains("\"M4B\":{\"activeClients\":null");
    assertThat(AggregateSnapshot.fromJson(json)).isEqualTo(s);
    assertThat(AggregateSnapshot.fromJson(s.toPrettyJson())).isEqualTo(s);
  }

  @Test
  void readingRejectsOtherVersionsAndFiguresThePolicyHides() {
    String json = sample().publish(PrivacyPolicy.ofDefaults(), AS_OF).toJson();
    assertThatThrownBy(() -> AggregateSnapshot.fromJson(json.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
        .hasMessageContaining("schemaVersion 2");
    assertThatThrownBy(() -> AggregateSnapshot.fromJson(json.replace("\"M4B\":{\"activeClients\":null",
        "\"M4B\":{\"activeClients\":3"))).hasMessageContaining("activeClients = 3 for east M4B");
    assertThatThrownBy(() -> AggregateSnapshot.fromJson(json.replace("\"M4A\"", "\"M4A 1B2\"")))
        .hasMessageContaining("'M4A 1B2' is not a generalized area code");
    assertThatThrownBy(() -> AggregateSnapshot.fromJson("{\"schemaVersion\":1,\"name\":\"Ruth\"}"))
        .hasMessageContaining("Invalid aggregate snapshot JSON");
  }

  @Test
  void restrictedZip3sArePublishedAs000() {
    Aggregator a = Aggregator.create();
    for (int i = 0; i < 15; i++) {
      a.add(client("A" + i, "cheyenne", "82101", true));
      a.add(client("B" + i, "cheyenne", "83001-1234", true));
      a.add(client("C" + i, "cheyenne", "82001", true));
    }
    a.add(visit("V1", "cheyenne", DENVER, "82301", MONDAY, Duration.ofHours(1), VisitStatus.OPEN, null));
    AggregateSnapshot s = a.counts().publish(PrivacyPolicy.ofDefaults(), AS_OF);
    RegionSnapshot r = s.region("cheyenne").orElseThrow();
    assertThat(r.areas().keySet()).containsExactly(GeoArea.RESTRICTED_ZIP3, GeoArea.of("82001"));
    assertThat(r.area(GeoArea.RESTRICTED_ZIP3).activeClients()).hasValue(30);
    String figures = s.toJson().substring(s.toJson().indexOf("\"regions\""));
    assertThat(figures).doesNotContain("821").doesNotContain("830").doesNotContain("823");

    PrivacyPolicy none = PrivacyPolicy.builder().restrictedZip3s(java.util.Set.of()).build();
    assertThat(a.counts().publish(none, AS_OF).region("cheyenne").orElseThrow().areas()).hasSize(4);
  }

  @Test
  void randomRoundingIsUnbiasedAndStableForAKey() {
    AggregateCounts counts = sample();
    PrivacyPolicy rounding = PrivacyPolicy.builder().randomRounding(5).roundingKey(Secret.of("agency-key-00001"))
        .build();
    AggregateSnapshot first = counts.publish(rounding, AS_OF);
    assertThat(counts.publish(rounding, AS_OF)).isEqualTo(first);
    assertThat(first.toJson()).doesNotContain("agency-key-00001");
    assertThat(first.policy().randomRoundingBase()).isEqualTo(5);
    long visits = first.region("east").orElseThrow().area(GeoArea.of("M4A")).visits().orElseThrow();
    assertThat(visits).isEqualTo(40); // a multiple of 5 stays put
    long clients = first.region("east").orElseThrow().total().activeClients().orElseThrow();
    assertThat(clients).isIn(30L, 35L);
    long caregivers = first.region("east").orElseThrow().area(GeoArea.of("M4A")).activeCaregivers().orElseThrow();
    assertThat(caregivers).isIn(10L, 15L);
    // Over many keys, 12 rounds up to 15 about 40% of the time.
    int up = 0;
    for (int k = 0; k < 2000; k++) {
      PrivacyPolicy p = rounding.toBuilder().roundingKey(Secret.of(String.format("agency-key-%05d", k))).build();
      up += counts.publish(p, AS_OF).region("east").orElseThrow().area(GeoArea.of("M4A")).activeCaregivers()
          .orElseThrow() == 15 ? 1 : 0;
    }
    assertThat(up / 2000.0).isBetween(0.35, 0.45);
  }

  @Test
  void policyBuilderChecksItsValues() {
    assertThatThrownBy(() -> PrivacyPolicy.builder().suppressionThreshold(0))
        .hasMessageContaining("suppressionThreshold must be between 1 and 1000 but was 0");
    assertThatThrownBy(() -> PrivacyPolicy.builder().randomRounding(1))
        .hasMessageContaining("randomRounding base must be 0 (off) or between 2 and 100 but was 1");
    assertThatThrownBy(() -> PrivacyPolicy.builder().restrictedZip3s(java.util.List.of("82")))
        .hasMessageContaining("'82' is not a ZIP3");
    assertThat(PrivacyPolicy.ofDefaults().restrictedZip3s()).hasSize(17).contains("821", "823", "830", "831");
    assertThat(PrivacyPolicy.ofDefaults().roundingKey()).isEmpty();
    assertThat(PrivacyPolicy.builder().suppressionThreshold(20).build().toBuilder().build().suppressionThreshold())
        .isEqualTo(20);
  }
}
