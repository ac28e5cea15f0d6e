package com.optimalworkforce.alerts.scoring;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.GeoPoint;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/** Small hand-built records for focused tests; times are Toronto local. */
final class Fixture {
  static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  static final String REGION = "toronto-east";
  /** Friday 20 November 2026, 10:00 in Toronto. */
  static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final GeoPoint CLIENT_HOME = GeoPoint.of(43.70, -79.30);

  private static int seq;

  private Fixture() {}

  /** "2026-10-02" plus {@code days}, at "13:00": a local date-time string. */
  static String at(String date, int days, String time) {
    return java.time.LocalDate.parse(date).plusDays(days) + "T" + time;
  }

  static Instant local(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(TORONTO).toInstant();
  }

  static Caregiver caregiver(String id) {
    return Caregiver.builder().id(id).regionId(REGION).name(PersonName.of("Pat", id)).skills(Set.of("PSW")).build();
  }

  static Client client(String id) {
    return Client.builder().id(id).regionId(REGION).name(PersonName.of("Ruth", "Client")).location(CLIENT_HOME)
        .build();
  }

  /** An open shift for client C1 from {@code from} for {@code hours}. */
  static Visit shift(String id, String from, double hours) {
    Instant start = local(from);
    return Visit.builder().id(id).clientId("C1").regionId(REGION).zone(TORONTO).start(start)
        .end(start.plusSeconds((long) (hours * 3600))).status(VisitStatus.OPEN).serviceCode("PSW").build();
  }

  /** A visit booked to a caregiver. */
  static Visit booked(String id, String caregiverId, String clientId, String from, double hours, VisitStatus status) {
    Instant start = local(from);
    return Visit.builder().id(id).clientId(clientId).caregiverId(caregiverId).regionId(REGION).zone(TORONTO)
        .start(start).end(start.plusSeconds((long) (hours * 3600))).status(status).serviceCode("PSW").build();
  }

  /** An offer of a shift starting at {@code from} (3 h), made a day before. */
  static ShiftOffer offer(String caregiverId, String from, OfferOutcome outcome) {
    Instant start = local(from);
    int n = ++seq;
    return ShiftOffer.builder().id("O-" + caregiverId + "-" + n).visitId("V-offered-" + n).caregiverId(caregiverId)
        .zone(TORONTO).shiftStart(start).shiftEnd(start.plus(Duration.ofHours(3))).serviceCode("PSW")
        .offeredAt(start.minus(Duration.ofDays(1))).outcome(outcome).build();
  }
}
