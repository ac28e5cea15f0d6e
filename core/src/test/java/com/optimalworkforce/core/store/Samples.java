package com.optimalworkforce.core.store;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.GeoPoint;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** One record of each type, every optional field set, for store tests. */
final class Samples {
  static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  static final Instant START = Instant.parse("2026-11-20T19:00:00Z");

  static final Client CLIENT = Client.builder().id("C-1").regionId("east").name(PersonName.of("Ada", "Lovelace", "Ms"))
      .postalCode("M4A 1B2").address("1 Main St").location(GeoPoint.of(43.7, -79.3)).active(true)
      .blockedCaregiverIds(Set.of("E-9")).build();
  static final Caregiver CAREGIVER = Caregiver.builder().id("E-1").regionId("east").name(PersonName.of("Sarah", "Chen"))
      .postalCode("M4B 1A1").home(GeoPoint.of(43.71, -79.31)).active(true).skills(Set.of("PSW", "dementia")).build();
  static final Visit VISIT = Visit.builder().id("V-1").clientId("C-1").caregiverId("E-1").regionId("east").zone(TORONTO)
      .start(START).end(START.plusSeconds(7200)).status(VisitStatus.SCHEDULED).serviceCode("PSW")
      .requiredSkills(Set.of("PSW")).postalCode("M4A 1B2").location(GeoPoint.of(43.7, -79.3)).build();
  static final Unavailability UNAVAILABILITY = new Unavailability("U-1", "E-1", TORONTO, START.minusSeconds(86_400),
      START.plusSeconds(86_400), "vacation");
  static final ShiftOffer OFFER = ShiftOffer.builder().id("O-1").visitId("V-1").caregiverId("E-1").zone(TORONTO)
      .shiftStart(START).shiftEnd(START.plusSeconds(7200)).serviceCode("PSW").offeredAt(START.minusSeconds(3600))
      .outcome(OfferOutcome.ACCEPTED).build();
  static final CallOut CALL_OUT = new CallOut("CO-1", "E-1", "V-1", TORONTO, START, START.minusSeconds(600), "sick");

  static final List<SourceRecord> ALL = List.of(CLIENT, CAREGIVER, VISIT, UNAVAILABILITY, OFFER, CALL_OUT);

  private Samples() {}
}
