package com.optimalworkforce.core.aggregate;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Small record factories for aggregator tests. */
final class Records {
  static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  static final ZoneId DENVER = ZoneId.of("America/Denver");

  private Records() {}

  static Client client(String id, String region, String postal, boolean active) {
    return Client.builder().id(id).regionId(region).name(PersonName.of("Ruth", "Anderson", "Mrs."))
        .postalCode(postal).address("12 Maple St").active(active).build();
  }

  static Caregiver caregiver(String id, String region, String postal, boolean active) {
    return Caregiver.builder().id(id).regionId(region).name(PersonName.of("Sarah", "Nguyen")).postalCode(postal)
        .active(active).build();
  }

  static Visit visit(String id, String region, ZoneId zone, String postal, Instant start, Duration length,
      VisitStatus status, String caregiverId) {
    return Visit.builder().id(id).clientId("C-1").caregiverId(caregiverId).regionId(region).zone(zone)
        .start(start).end(start.plus(length)).status(status).postalCode(postal).build();
  }

  static Visit scheduled(String id, String region, String postal, Instant start, Duration length) {
    return visit(id, region, TORONTO, postal, start, length, VisitStatus.SCHEDULED, "E-1");
  }
}
