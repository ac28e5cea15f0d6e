package com.optimalworkforce.alerts;

import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared test fixtures: agencies, indexes loaded from them, hand-made records. */
public final class Fixtures {
  public static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  private static final AtomicInteger IDS = new AtomicInteger();

  private Fixtures() {}

  /** The small agency with profiles: 2 regions, 60 clients, 30 caregivers, 4 weeks back, 2 ahead. */
  public static SyntheticAgency smallAgency() {
    return SyntheticAgency.small();
  }

  /** An index of every record of the agency, stamping vacancies with {@code clock}. */
  public static ScheduleIndex index(SyntheticAgency agency, Clock clock) {
    ScheduleIndex index = ScheduleIndex.create(clock);
    for (EntityType type : EntityType.values()) {
      index.putAll(agency.records(type).toList());
    }
    return index;
  }

  public static Caregiver caregiver(String id, String given) {
    return Caregiver.builder().id(id).regionId("toronto-east").name(PersonName.of(given, "Tester")).build();
  }

  public static Client client(String id, String prefix, String family) {
    return Client.builder().id(id).regionId("toronto-east").name(PersonName.of("Pat", family, prefix)).build();
  }

  /** A visit in Toronto from a local start, for {@code hours} of real time. */
  public static Visit visit(String clientId, String caregiverId, LocalDateTime localStart, double hours) {
    var start = localStart.atZone(TORONTO).toInstant();
    return Visit.builder().id("T" + IDS.incrementAndGet()).clientId(clientId).caregiverId(caregiverId)
        .regionId("toronto-east").zone(TORONTO).start(start).end(start.plusSeconds(Math.round(hours * 3600)))
        .status(caregiverId == null ? VisitStatus.OPEN : VisitStatus.SCHEDULED).build();
  }
}
