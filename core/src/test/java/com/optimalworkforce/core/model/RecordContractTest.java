package com.optimalworkforce.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model record, field by field: each required field, when missing or wrong, fails with an
 * {@link InvalidRecordException} naming the record, its id and the field; each field takes part in
 * the content hash; the hash encoding is pinned.
 */
class RecordContractTest {
  static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
  static final Instant START = Instant.parse("2026-11-20T19:00:00Z");
  static final Instant END = START.plus(Duration.ofHours(2));
  static final PersonName RUTH = PersonName.of("Ruth", "Anderson", "Mrs.");

  // ------------------------------------------------------------------ one valid record of each type

  static Client.Builder client() {
    return Client.builder().id("C-1").regionId("east").name(RUTH).postalCode("M4A 1B2").address("12 Maple St")
        .location(GeoPoint.of(43.73, -79.31)).active(true).blockedCaregiverIds(Set.of("E-9"));
  }

  static Caregiver.Builder caregiver() {
    return Caregiver.builder().id("E-1").regionId("east").name(PersonName.of("Sarah", "Nguyen"))
        .postalCode("M4B 2C3").home(GeoPoint.of(43.71, -79.32)).active(true).skills(Set.of("PSW"));
  }

  static Visit.Builder visit() {
    return Visit.builder().id("V-1").clientId("C-1").caregiverId("E-1").regionId("east").zone(TORONTO)
        .start(START).end(END).status(VisitStatus.SCHEDULED).serviceCode("PSW").cancelReason(null)
        .requiredSkills(Set.of("PSW")).postalCode("M4A 1B2").location(GeoPoint.of(43.73, -79.31));
  }

  static Unavailability unavailability(String id, String caregiverId, ZoneId zone, Instant start, Instant end,
      String reason) {
    return new Unavailability(id, caregiverId, zone, start, end, reason);
  }

  static Unavailability unavailability() {
    return unavailability("U-1", "E-1", TORONTO, START, END, "day off");
  }

  static ShiftOffer.Builder offer() {
    return ShiftOffer.builder().id("O-1").visitId("V-1").caregiverId("E-1").zone(TORONTO).shiftStart(START)
        .shiftEnd(END).serviceCode("PSW").offeredAt(START.minus(Duration.ofHours(20))).outcome(OfferOutcome.ACCEPTED);
  }

  static CallOut callOut() {
    return new CallOut("CO-1", "E-1", "V-1", TORONTO, START, START.minus(Duration.ofHours(2)), "sick");
  }

  // ------------------------------------------------------------------ validation

  static Stream<Arguments> missingOrBadFields() {
    Instant before = START.minusSeconds(60);
    return Stream.of(
        bad(EntityType.CLIENT, null, "id", () -> client().id(null).build()),
        bad(EntityType.CLIENT, " ", "id", () -> client().id(" ").build()),
        bad(EntityType.CLIENT, "C-1", "regionId", () -> client().regionId(null).build()),
        bad(EntityType.CLIENT, "C-1", "name", () -> client().name(null).build()),
        bad(EntityType.CLIENT, "C-1", "blockedCaregiverIds", () -> client().blockedCaregiverIds(Set.of("")).build()),

        bad(EntityType.CAREGIVER, null, "id", () -> caregiver().id(null).build()),
        bad(EntityType.CAREGIVER, "E-1", "regionId", () -> caregiver().regionId("").build()),
        bad(EntityType.CAREGIVER, "E-1", "name", () -> caregiver().name(null).build()),
        bad(EntityType.CAREGIVER, "E-1", "skills", () -> caregiver().skills(Set.of("PSW", "  ")).build()),

        bad(EntityType.VISIT, null, "id", () -> visit().id(null).build()),
        bad(EntityType.VISIT, "V-1", "clientId", () -> visit().clientId(null).build()),
        bad(EntityType.VISIT, "V-1", "regionId", () -> visit().regionId(" ").build()),
        bad(EntityType.VISIT, "V-1", "zone", () -> visit().zone(null).build()),
        bad(EntityType.VISIT, "V-1", "start", () -> visit().start(null).build()),
        bad(EntityType.VISIT, "V-1", "end", () -> visit().end(null).build()),
        bad(EntityType.VISIT, "V-1", "end", () -> visit().end(before).build()),
        bad(EntityType.VISIT, "V-1", "status", () -> visit().status(null).build()),
        bad(EntityType.VISIT, "V-1", "caregiverId", () -> visit().status(VisitStatus.OFFERED).build()),
        bad(EntityType.VISIT, "V-1", "requiredSkills", () -> visit().requiredSkills(Set.of("")).build()),

        bad(EntityType.UNAVAILABILITY, null, "id", () -> unavailability(null, "E-1", TORONTO, START, END, null)),
        bad(EntityType.UNAVAILABILITY, "U-1", "caregiverId", () -> unavailability("U-1", "", TORONTO, START, END, null)),
        bad(EntityType.UNAVAILABILITY, "U-1", "zone", () -> unavailability("U-1", "E-1", null, START, END, null)),
        bad(EntityType.UNAVAILABILITY, "U-1", "start", () -> unavailability("U-1", "E-1", TORONTO, null, END, null)),
        bad(EntityType.UNAVAILABILITY, "U-1", "end", () -> unavailability("U-1", "E-1", TORONTO, START, null, null)),
        bad(EntityType.UNAVAILABILITY, "U-1", "end", () -> unavailability("U-1", "E-1", TORONTO, START, before, null)),

        bad(EntityType.SHIFT_OFFER, null, "id", () -> offer().id(null).build()),
        bad(EntityType.SHIFT_OFFER, "O-1", "visitId", () -> offer().visitId(null).build()),
        bad(EntityType.SHIFT_OFFER, "O-1", "caregiverId", () -> offer().caregiverId(" ").build()),
        bad(EntityType.SHIFT_OFFER, "O-1", "zone", () -> offer().zone(null).build()),
        bad(EntityType.SHIFT_OFFER, "O-1", "shiftStart", () -> offer().shiftStart(null).build()),
        bad(EntityType.SHIFT_OFFER, "O-1", "shiftEnd", () -> offer().shiftEnd(null).build()),
        bad(EntityType.SHIFT_OFFER, "O-1", "shiftEnd", () -> offer().shiftEnd(before).build()),
        bad(EntityType.SHIFT_OFFER, "O-1", "offeredAt", () -> offer().offeredAt(null).build()),
        bad(EntityType.SHIFT_OFFER, "O-1", "outcome", () -> offer().outcome(null).build()),

        bad(EntityType.CALL_OUT, null, "id", () -> new CallOut(null, "E-1", "V-1", TORONTO, START, START, null)),
        bad(EntityType.CALL_OUT, "CO-1", "caregiverId", () -> new CallOut("CO-1", null, "V-1", TORONTO, START, START, null)),
        bad(EntityType.CALL_OUT, "CO-1", "visitId", () -> new CallOut("CO-1", "E-1", "", TORONTO, START, START, null)),
        bad(EntityType.CALL_OUT, "CO-1", "zone", () -> new CallOut("CO-1", "E-1", "V-1", null, START, START, null)),
        bad(EntityType.CALL_OUT, "CO-1", "shiftStart", () -> new CallOut("CO-1", "E-1", "V-1", TORONTO, null, START, null)),
        bad(EntityType.CALL_OUT, "CO-1", "reportedAt", () -> new CallOut("CO-1", "E-1", "V-1", TORONTO, START, null, null)));
  }

  private static Arguments bad(EntityType type, String id, String field, Supplier<SourceRecord> build) {
    return Arguments.of(type, id, field, build);
  }

  @ParameterizedTest(name = "{0} ''{1}'': {2}")
  @MethodSource("missingOrBadFields")
  void aMissingOrBadFieldFailsNamingTheRecordItsIdAndTheField(EntityType type, String id, String field,
      Supplier<SourceRecord> build) {
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, build::get);
    assertThat(e).as("building the %s with a bad %s", type, field).isNotNull();
    assertThat(e.entityType()).isEqualTo(type);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.sourceId()).isEqualTo(id);
    String who = id == null || id.isBlank() ? "(no id)" : "'" + id + "'";
    assertThat(e.getMessage()).startsWith(type.displayName() + " " + who + ": " + field + " ");
  }

  @Test
  void theMessageSaysWhatIsWrongWithTheValue() {
    assertThatThrownBy(() -> offer().shiftEnd(START.minusSeconds(60)).build())
        .hasMessage("Shift offer 'O-1': shiftEnd (2026-11-20T18:59:00Z) must be after shiftStart (2026-11-20T19:00:00Z)");
    assertThatThrownBy(() -> visit().status(VisitStatus.OPEN).build())
        .hasMessage("Visit 'V-1': caregiverId is set but status is OPEN (an open or offered visit has no caregiver)");
    assertThatThrownBy(() -> client().blockedCaregiverIds(Set.of(" ")).build())
        .hasMessage("Client 'C-1': blockedCaregiverIds contains a blank entry");
  }

  @Test
  void regionNamesItselfAndTheBadField() {
    assertThatThrownBy(() -> Region.of(" ", "East", TORONTO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Region: id is missing");
    assertThatThrownBy(() -> Region.of("east", null, TORONTO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Region 'east': name is missing");
    assertThatThrownBy(() -> Region.of("east", "East", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Region 'east': zone is missing");
  }

  @Test
  void theValidSamplesBuild() {
    List<SourceRecord> all = List.of(client().build(), caregiver().build(), visit().build(), unavailability(),
        offer().build(), callOut());
    assertThat(all).extracting(SourceRecord::type).containsExactly(EntityType.values());
    assertThat(all).extracting(r -> r.key().sourceId()).containsExactly("C-1", "E-1", "V-1", "U-1", "O-1", "CO-1");
  }

  @Test
  void anOfferEndsInOneOfThreeOutcomes() {
    assertThat(OfferOutcome.values())
        .containsExactly(OfferOutcome.ACCEPTED, OfferOutcome.DECLINED, OfferOutcome.NO_RESPONSE);
    for (OfferOutcome outcome : OfferOutcome.values()) {
      assertThat(offer().outcome(outcome).build().outcome()).isEqualTo(outcome);
    }
  }

  // ------------------------------------------------------------------ content hash

  /** A record and one variant per field, each differing from it in that field only. */
  static Stream<Arguments> variantsPerField() {
    return Stream.of(
        Arguments.of("Client", client().build(), List.of(
            client().id("C-2").build(), client().regionId("west").build(),
            client().name(PersonName.of("Rita", "Anderson", "Mrs.")).build(),
            client().name(PersonName.of("Ruth", "Andersen", "Mrs.")).build(),
            client().name(PersonName.of("Ruth", "Anderson", "Ms.")).build(),
            client().postalCode("M4A 1B3").build(), client().address("14 Maple St").build(),
            client().location(GeoPoint.of(43.7301, -79.31)).build(), client().location(null).build(),
            client().active(false).build(), client().blockedCaregiverIds(Set.of("E-9", "E-8")).build())),
        Arguments.of("Caregiver", caregiver().build(), List.of(
            caregiver().id("E-2").build(), caregiver().regionId("west").build(),
            caregiver().name(PersonName.of("Sara", "Nguyen")).build(), caregiver().postalCode("M4B 2C4").build(),
            caregiver().home(GeoPoint.of(43.71, -79.3201)).build(), caregiver().active(false).build(),
            caregiver().skills(Set.of("PSW", "RN")).build())),
        Arguments.of("Visit", visit().build(), List.of(
            visit().id("V-2").build(), visit().clientId("C-2").build(), visit().caregiverId("E-2").build(),
            visit().caregiverId(null).build(), visit().regionId("west").build(), visit().zone(VANCOUVER).build(),
            visit().start(START.minusSeconds(1)).build(), visit().end(END.plusSeconds(1)).build(),
            visit().status(VisitStatus.COMPLETED).build(), visit().serviceCode("RN").build(),
            visit().cancelReason("sick").build(), visit().requiredSkills(Set.of()).build(),
            visit().postalCode("M4A 1B3").build(), visit().location(null).build())),
        Arguments.of("Unavailability", unavailability(), List.of(
            unavailability("U-2", "E-1", TORONTO, START, END, "day off"),
            unavailability("U-1", "E-2", TORONTO, START, END, "day off"),
            unavailability("U-1", "E-1", VANCOUVER, START, END, "day off"),
            unavailability("U-1", "E-1", TORONTO, START.minusSeconds(1), END, "day off"),
            unavailability("U-1", "E-1", TORONTO, START, END.plusSeconds(1), "day off"),
            unavailability("U-1", "E-1", TORONTO, START, END, "sick"))),
        Arguments.of("ShiftOffer", offer().build(), List.of(
            offer().id("O-2").build(), offer().visitId("V-2").build(), offer().caregiverId("E-2").build(),
            offer().zone(VANCOUVER).build(), offer().shiftStart(START.minusSeconds(1)).build(),
            offer().shiftEnd(END.plusSeconds(1)).build(), offer().serviceCode(null).build(),
            offer().offeredAt(START.minus(Duration.ofHours(21))).build(),
            offer().outcome(OfferOutcome.DECLINED).build(), offer().outcome(OfferOutcome.NO_RESPONSE).build())),
        Arguments.of("CallOut", callOut(), List.of(
            new CallOut("CO-2", "E-1", "V-1", TORONTO, START, START.minus(Duration.ofHours(2)), "sick"),
            new CallOut("CO-1", "E-2", "V-1", TORONTO, START, START.minus(Duration.ofHours(2)), "sick"),
            new CallOut("CO-1", "E-1", "V-2", TORONTO, START, START.minus(Duration.ofHours(2)), "sick"),
            new CallOut("CO-1", "E-1", "V-1", VANCOUVER, START, START.minus(Duration.ofHours(2)), "sick"),
            new CallOut("CO-1", "E-1", "V-1", TORONTO, START.plusSeconds(1), START.minus(Duration.ofHours(2)), "sick"),
            new CallOut("CO-1", "E-1", "V-1", TORONTO, START, START.minus(Duration.ofHours(3)), "sick"),
            new CallOut("CO-1", "E-1", "V-1", TORONTO, START, START.minus(Duration.ofHours(2)), null))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variantsPerField")
  void everyFieldOfEveryRecordChangesItsHash(String name, SourceRecord base, List<SourceRecord> variants) {
    assertThat(base.contentHash()).matches("[0-9a-f]{32}");
    Set<String> hashes = new HashSet<>();
    hashes.add(base.contentHash());
    for (SourceRecord variant : variants) {
      assertThat(variant).isNotEqualTo(base);
      assertThat(hashes.add(variant.contentHash())).as("%s: hash of %s is new", name, variant).isTrue();
    }
  }

  @Test
  void regionHashCoversEveryField() {
    Region east = Region.of("east", "Toronto East", TORONTO);
    assertThat(Set.of(east.contentHash(), Region.of("west", "Toronto East", TORONTO).contentHash(),
        Region.of("east", "Toronto West", TORONTO).contentHash(), Region.of("east", "Toronto East", VANCOUVER).contentHash()))
        .hasSize(4);
  }

  /**
   * Hashes are stored between syncs (and by hosts in their own stores), so their encoding must not
   * change silently: a change would make every record look changed at the next sync. These values
   * were computed once; a failure here means the encoding changed, which needs a migration note.
   */
  @Test
  void theHashEncodingIsPinned() {
    Map<String, String> pinned = Map.of(
        "Region", Region.of("east", "Toronto East", TORONTO).contentHash(),
        "Client", client().build().contentHash(),
        "Caregiver", caregiver().build().contentHash(),
        "Visit", visit().build().contentHash(),
        "Unavailability", unavailability().contentHash(),
        "ShiftOffer", offer().build().contentHash(),
        "CallOut", callOut().contentHash());
    assertThat(pinned).containsExactlyInAnyOrderEntriesOf(Map.of(
        "Region", "7b80c36ee14e8d4efc9249c8ee7ef0e4",
        "Client", "fcf3767d7af4579744a6938b400e27ea",
        "Caregiver", "791847e611ae99b4a9758f32f7180e35",
        "Visit", "539a36a96c1685ff6844110be1abe86b",
        "Unavailability", "8d7cc892be42fb1a9405b909883354be",
        "ShiftOffer", "20edf86c2ce79d93c2a8c2fc8d70347d",
        "CallOut", "d43224461ccdefe6c203c9d4afd12a92"));
  }

  /** The documented encoding, written out independently of ContentHasher: SHA-256 over each field as
   * 0x00 when absent, else 0x01, its UTF-8 length as 4 big-endian bytes and its UTF-8 bytes; the
   * first 16 bytes in lowercase hex. */
  private static String documentedEncoding(String... fields) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    for (String f : fields) {
      if (f == null) {
        out.writeByte(0);
      } else {
        byte[] utf8 = f.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeByte(1);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
    }
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
    return java.util.HexFormat.of().formatHex(digest, 0, 16);
  }

  @Test
  void theHashIsTheDocumentedEncodingOfTheFields() throws Exception {
    assertThat(Region.of("east", "Toronto East", TORONTO).contentHash())
        .isEqualTo(documentedEncoding("Region", "east", "Toronto East", "America/Toronto"));
    assertThat(callOut().contentHash()).isEqualTo(documentedEncoding("CallOut", "CO-1", "E-1", "V-1",
        "America/Toronto", "2026-11-20T19:00:00Z", "2026-11-20T17:00:00Z", "sick"));
    assertThat(new CallOut("CO-1", "E-1", "V-1", TORONTO, START, START, null).contentHash()).isEqualTo(
        documentedEncoding("CallOut", "CO-1", "E-1", "V-1", "America/Toronto", "2026-11-20T19:00:00Z",
            "2026-11-20T19:00:00Z", null));
  }

  @Test
  void equalContentGivesAnEqualHashAcrossInstances() {
    assertThat(client().build().contentHash()).isEqualTo(client().build().contentHash());
    assertThat(callOut().contentHash()).isEqualTo(callOut().contentHash());
  }
}
