package com.optimalworkforce.core.aggregate;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random records and random change sequences over a few regions, zones (with DST changes in the
 * span), areas (valid, malformed, restricted ZIP3s) and all visit statuses.
 */
final class RandomSchedule {
  private static final String[] REGIONS = {"east", "west", "cheyenne"};
  private static final ZoneId[] ZONES = {
      ZoneId.of("America/Toronto"), ZoneId.of("America/Vancouver"), ZoneId.of("America/Denver")};
  private static final String[] POSTAL = {
      "M4A 1B2", "m4a 9z9", "M4B 1A1", "M4C 2C2", "V5K 0A1", "82001", "82101-1234", "83001", "60614", null, "",
      "D1A 1A1", "12"};
  private static final Instant START = Instant.parse("2026-10-01T00:00:00Z"); // spans the November DST change

  private final SplittableRandom rnd;
  private final Map<RecordKey, SourceRecord> current = new LinkedHashMap<>();
  private int nextId;

  RandomSchedule(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  /** The records alive after the changes made so far. */
  List<SourceRecord> current() {
    return new ArrayList<>(current.values());
  }

  /** A random change to the current records (creations, updates with the previous version, deletions). */
  Change nextChange() {
    double u = rnd.nextDouble();
    if (current.isEmpty() || u < 0.5) {
      SourceRecord r = randomRecord("R" + nextId++);
      current.put(r.key(), r);
      return Change.created(r);
    }
    List<RecordKey> keys = new ArrayList<>(current.keySet());
    RecordKey key = keys.get(rnd.nextInt(keys.size()));
    SourceRecord before = current.get(key);
    if (u < 0.8) {
      SourceRecord after = randomRecord(key.sourceId(), key.type());
      current.put(key, after);
      return Change.updated(before, after);
    }
    current.remove(key);
    return Change.deleted(before);
  }

  List<Change> changes(int n) {
    List<Change> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(nextChange());
    }
    return out;
  }

  /**
   * Like {@link #changes(int)}, but about half the steps edit a current visit in place, as a sync
   * mostly reports: a new status or caregiver, moved by up to a week either way (across weeks and
   * the DST change), made longer, or given another postal code (often another area, sometimes
   * the same one written differently).
   */
  List<Change> changesWithEdits(int n) {
    List<Change> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Change edit = rnd.nextBoolean() ? edit() : null;
      out.add(edit != null ? edit : nextChange());
    }
    return out;
  }

  /** An edit of a random current visit, or null when there is none. */
  private Change edit() {
    List<Visit> visits = current.values().stream().filter(Visit.class::isInstance).map(Visit.class::cast).toList();
    if (visits.isEmpty()) {
      return null;
    }
    Visit before = visits.get(rnd.nextInt(visits.size()));
    Visit.Builder b = before.toBuilder();
    switch (rnd.nextInt(5)) {
      case 0 -> {
        VisitStatus status = VisitStatus.values()[rnd.nextInt(VisitStatus.values().length)];
        b.status(status);
        if (status == VisitStatus.OPEN || status == VisitStatus.OFFERED) {
          b.caregiverId(null);
        }
      }
      case 1 -> {
        boolean vacant = before.status() == VisitStatus.OPEN || before.status() == VisitStatus.OFFERED;
        b.caregiverId(before.caregiverId() != null || vacant ? null : "E" + rnd.nextInt(20));
      }
      case 2 -> {
        Duration by = Duration.ofMinutes(15L * (rnd.nextInt(2 * 4 * 24 * 7 + 1) - 4 * 24 * 7));
        b.start(before.start().plus(by)).end(before.end().plus(by));
      }
      case 3 -> b.end(before.end().plus(Duration.ofMinutes(15L * (1 + rnd.nextInt(8)))));
      default -> b.postalCode(POSTAL[rnd.nextInt(POSTAL.length)]);
    }
    Visit after = b.build();
    current.put(after.key(), after);
    return Change.updated(before, after);
  }

  List<SourceRecord> records(int n) {
    List<SourceRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(randomRecord("R" + nextId++));
    }
    return out;
  }

  private SourceRecord randomRecord(String id) {
    double u = rnd.nextDouble();
    EntityType type = u < 0.2 ? EntityType.CLIENT : u < 0.3 ? EntityType.CAREGIVER : EntityType.VISIT;
    return randomRecord(id, type);
  }

  private SourceRecord randomRecord(String id, EntityType type) {
    int region = rnd.nextInt(REGIONS.length);
    String postal = POSTAL[rnd.nextInt(POSTAL.length)];
    switch (type) {
      case CLIENT:
        return Client.builder().id(id).regionId(REGIONS[region]).name(PersonName.of("A", "B")).postalCode(postal)
            .active(rnd.nextDouble() < 0.85).build();
      case CAREGIVER:
        return Caregiver.builder().id(id).regionId(REGIONS[region]).name(PersonName.of("C", "D")).postalCode(postal)
            .active(rnd.nextDouble() < 0.9).build();
      default:
        VisitStatus status = VisitStatus.values()[rnd.nextInt(VisitStatus.values().length)];
        boolean vacant = status == VisitStatus.OPEN || status == VisitStatus.OFFERED || rnd.nextDouble() < 0.15;
        Instant start = START.plus(Duration.ofMinutes(15L * rnd.nextInt(4 * 24 * 70)));
        return Visit.builder().id(id).clientId("C" + rnd.nextInt(50)).caregiverId(vacant ? null : "E" + rnd.nextInt(20))
            .regionId(REGIONS[region]).zone(ZONES[region]).start(start)
            .end(start.plus(Duration.ofMinutes(15L * (1 + rnd.nextInt(40))))).status(status).postalCode(postal)
            .build();
    }
  }
}
