package com.optimalworkforce.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ContentHashTest {
  static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  static final Instant START = Instant.parse("2026-11-20T19:00:00Z");

  static Visit base() {
    return Visit.builder().id("V-1").clientId("C-1").caregiverId("E-1").regionId("east").zone(TORONTO)
        .start(START).end(START.plus(Duration.ofHours(2))).status(VisitStatus.SCHEDULED).serviceCode("PSW")
        .requiredSkills(Set.of("PSW", "DEMENTIA")).postalCode("M4A 1B2").location(GeoPoint.of(43.7, -79.3)).build();
  }

  @Test
  void equalContentGivesEqualHashAndAKnownValue() {
    assertThat(base().contentHash()).isEqualTo(base().contentHash()).hasSize(32).matches("[0-9a-f]{32}");
    // The encoding itself is pinned, record by record, in RecordContractTest.
    assertThat(base().contentHash()).isEqualTo("3d16dc083d6dc99a26a1da1af614cf67");
  }

  @Test
  void everyFieldChangesTheHash() {
    List<UnaryOperator<Visit.Builder>> changes = List.of(
        b -> b.id("V-2"), b -> b.clientId("C-2"), b -> b.caregiverId(null), b -> b.caregiverId("E-2"),
        b -> b.regionId("west"), b -> b.zone(ZoneId.of("America/Vancouver")), b -> b.start(START.minusSeconds(1)),
        b -> b.end(START.plus(Duration.ofMinutes(121))), b -> b.status(VisitStatus.COMPLETED),
        b -> b.serviceCode("RN"), b -> b.cancelReason("sick"), b -> b.requiredSkills(Set.of("PSW")),
        b -> b.postalCode("M4A 1B3"), b -> b.location(GeoPoint.of(43.7001, -79.3)), b -> b.location(null));
    String original = base().contentHash();
    for (UnaryOperator<Visit.Builder> change : changes) {
      assertThat(change.apply(base().toBuilder()).build().contentHash()).isNotEqualTo(original);
    }
  }

  @Test
  void setOrderDoesNotChangeTheHash() {
    Set<String> a = new LinkedHashSet<>(List.of("PSW", "DEMENTIA", "LIFT"));
    Set<String> b = new LinkedHashSet<>(List.of("LIFT", "PSW", "DEMENTIA"));
    assertThat(base().toBuilder().requiredSkills(a).build().contentHash())
        .isEqualTo(base().toBuilder().requiredSkills(b).build().contentHash());
  }

  @Test
  void fieldBoundariesAreUnambiguous() {
    Client ab = Client.builder().id("C-1").regionId("ab").name(PersonName.of("c", "d")).build();
    Client a = Client.builder().id("C-1").regionId("a").name(PersonName.of("bc", "d")).build();
    assertThat(ab.contentHash()).isNotEqualTo(a.contentHash());
  }

  @Test
  void personalDataNeverAppearsInToString() {
    Client c = Client.builder().id("C-1").regionId("east").name(PersonName.of("Ruth", "Anderson", "Mrs."))
        .postalCode("M4A 1B2").address("12 Maple St").location(GeoPoint.of(43.7315, -79.3125)).build();
    Caregiver g = Caregiver.builder().id("E-1").regionId("east").name(PersonName.of("Sarah", "Nguyen"))
        .postalCode("M4B 2C3").home(GeoPoint.of(43.7111, -79.3222)).build();
    for (String text : List.of(c.toString(), g.toString(), c.name().toString())) {
      assertThat(text).doesNotContain("Ruth", "Anderson", "Sarah", "Nguyen", "M4A", "M4B", "Maple", "43.73", "43.71");
    }
    assertThat(c.name().formal()).isEqualTo("Mrs. Anderson");
    assertThat(g.name().informal()).isEqualTo("Sarah");
  }
}
