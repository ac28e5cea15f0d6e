package com.optimalworkforce.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelValidationTest {
  static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  static final Instant START = Instant.parse("2026-11-20T19:00:00Z");
  static final Instant END = Instant.parse("2026-11-20T21:00:00Z");

  static Visit.Builder visit() {
    return Visit.builder().id("V-1").clientId("C-1").regionId("toronto-east").zone(TORONTO).start(START).end(END);
  }

  static Stream<Arguments> invalidRecords() {
    return Stream.of(
        Arguments.of("visit ending before it starts", (Supplier<Object>) () -> visit().end(START.minusSeconds(60)).build(),
            "Visit 'V-1': end (2026-11-20T18:59:00Z) must be after start (2026-11-20T19:00:00Z)"),
        Arguments.of("visit ending when it starts", (Supplier<Object>) () -> visit().end(START).build(),
            "Visit 'V-1': end"),
        Arguments.of("visit without client", (Supplier<Object>) () -> visit().clientId(" ").build(),
            "Visit 'V-1': clientId is missing"),
        Arguments.of("visit without id", (Supplier<Object>) () -> visit().id(null).build(),
            "Visit (no id): id is missing"),
        Arguments.of("visit without zone", (Supplier<Object>) () -> visit().zone(null).build(),
            "Visit 'V-1': zone is missing"),
        Arguments.of("open visit with a caregiver",
            (Supplier<Object>) () -> visit().status(VisitStatus.OPEN).caregiverId("E-1").build(),
            "Visit 'V-1': caregiverId is set but status is OPEN"),
        Arguments.of("visit with a blank skill",
            (Supplier<Object>) () -> visit().requiredSkills(Set.of("PSW", " ")).build(),
            "Visit 'V-1': requiredSkills contains a blank entry"),
        Arguments.of("client without region",
            (Supplier<Object>) () -> Client.builder().id("C-1").name(PersonName.of("Ruth", "Anderson")).build(),
            "Client 'C-1': regionId is missing"),
        Arguments.of("client without name", (Supplier<Object>) () -> Client.builder().id("C-1").regionId("r").build(),
            "Client 'C-1': name is missing"),
        Arguments.of("caregiver without region",
            (Supplier<Object>) () -> Caregiver.builder().id("E-1").name(PersonName.of("Sarah", "Nguyen")).build(),
            "Caregiver 'E-1': regionId is missing"),
        Arguments.of("unavailability ending before it starts",
            (Supplier<Object>) () -> new Unavailability("U-1", "E-1", TORONTO, END, START, null),
            "Unavailability 'U-1': end"),
        Arguments.of("offer without outcome",
            (Supplier<Object>) () -> ShiftOffer.builder().id("O-1").visitId("V-1").caregiverId("E-1").zone(TORONTO)
                .shiftStart(START).shiftEnd(END).offeredAt(START).build(),
            "Shift offer 'O-1': outcome is missing"),
        Arguments.of("call-out without visit",
            (Supplier<Object>) () -> new CallOut("CO-1", "E-1", null, TORONTO, START, START, null),
            "Call-out 'CO-1': visitId is missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRecords")
  void invalidRecordsFailNamingTheRecordAndTheField(String name, Supplier<Object> build, String message) {
    assertThatThrownBy(build::get).isInstanceOf(InvalidRecordException.class).hasMessageStartingWith(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRecords")
  void exceptionCarriesTypeIdAndField(String name, Supplier<Object> build, String message) {
    try {
      build.get();
    } catch (InvalidRecordException e) {
      assertThat(message).contains(e.entityType().displayName());
      assertThat(message).contains(e.field());
      return;
    }
    throw new AssertionError("no exception");
  }

  @org.junit.jupiter.api.Test
  void regionNeedsIdNameAndZone() {
    assertThatThrownBy(() -> Region.of("east", " ", TORONTO)).hasMessage("Region 'east': name is missing");
    assertThatThrownBy(() -> Region.of("east", "East", null)).hasMessage("Region 'east': zone is missing");
  }

  @org.junit.jupiter.api.Test
  void blankOptionalTextIsTreatedAsAbsent() {
    Visit v = visit().serviceCode(" ").cancelReason("").postalCode("  ").build();
    assertThat(v.serviceCode()).isNull();
    assertThat(v.cancelReason()).isNull();
    assertThat(v.postalCode()).isNull();
    assertThat(v.contentHash()).isEqualTo(visit().build().contentHash());
  }

  @org.junit.jupiter.api.Test
  void geoPointRejectsOutOfRangeCoordinates() {
    assertThatThrownBy(() -> GeoPoint.of(91, 0)).hasMessageContaining("latitude 91.0");
    assertThatThrownBy(() -> GeoPoint.of(0, -181)).hasMessageContaining("longitude -181.0");
    assertThat(GeoPoint.of(43.6532, -79.3832).distanceKm(GeoPoint.of(45.4215, -75.6972))).isBetween(350.0, 360.0);
  }
}
