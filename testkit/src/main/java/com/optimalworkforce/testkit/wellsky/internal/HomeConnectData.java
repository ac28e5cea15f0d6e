package com.optimalworkforce.testkit.wellsky.internal;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's view of the agency: people with the time they were last updated (so the
 * {@code updated} search filter works when the agency changes between syncs), shifts indexed by
 * client and caregiver, and the records a test asked to serve with bad data. Not API.
 */
public final class HomeConnectData {
  private final SyntheticAgency agency;
  private final Clock clock;
  private final Instant baseline;
  private final Map<RecordKey, Stamp> stamps = new ConcurrentHashMap<>();
  private final Set<RecordKey> corrupt = ConcurrentHashMap.newKeySet();
  private long indexedVersion = -1;
  private Map<String, List<Visit>> byClient = Map.of();
  private Map<String, List<Visit>> byCaregiver = Map.of();

  private record Stamp(String hash, Instant at) {}

  public HomeConnectData(SyntheticAgency agency, Clock clock) {
    this.agency = agency;
    this.clock = clock;
    // Everything that exists when the simulator starts was last updated a while ago.
    this.baseline = clock.instant().minus(Duration.ofDays(30));
    agency.clients().forEach(c -> stamps.put(c.key(), new Stamp(c.contentHash(), baseline)));
    agency.caregivers().forEach(c -> stamps.put(c.key(), new Stamp(c.contentHash(), baseline)));
  }

  public SyntheticAgency agency() {
    return agency;
  }

  public List<Client> clients() {
    return agency.clients();
  }

  public List<Caregiver> caregivers() {
    return agency.caregivers();
  }

  /** When the record last changed: the simulator's start for old records, the first sight of a change else. */
  public Instant lastUpdated(SourceRecord r) {
    String hash = r.contentHash();
    return stamps.compute(r.key(), (k, old) -> old != null && old.hash.equals(hash) ? old : new Stamp(hash, clock.instant()))
        .at();
  }

  public void corrupt(EntityType type, String id) {
    corrupt.add(RecordKey.of(type, id));
  }

  public boolean isCorrupt(EntityType type, String id) {
    return corrupt.contains(RecordKey.of(type, id));
  }

  public void clearCorruption() {
    corrupt.clear();
  }

  /** Shifts of a client (or caregiver) whose local start date lies in [from, to], by start. */
  public synchronized List<Visit> shifts(String clientId, String caregiverId, LocalDate from, LocalDate to) {
    if (indexedVersion != agency.version()) {
      reindex();
    }
    List<Visit> candidates = clientId != null ? byClient.getOrDefault(clientId, List.of())
        : byCaregiver.getOrDefault(caregiverId, List.of());
    List<Visit> out = new ArrayList<>();
    for (Visit v : candidates) {
      LocalDate day = v.localStart().toLocalDate();
      if (!day.isBefore(from) && !day.isAfter(to)) {
        out.add(v);
      }
    }
    return out;
  }

  private void reindex() {
    long version = agency.version(); // read first: a change during the scan makes the next call reindex
    Map<String, List<Visit>> clients = new HashMap<>();
    Map<String, List<Visit>> caregivers = new HashMap<>();
    agency.visits().forEach(v -> {
      clients.computeIfAbsent(v.clientId(), k -> new ArrayList<>()).add(v);
      if (v.caregiverId() != null) {
        caregivers.computeIfAbsent(v.caregiverId(), k -> new ArrayList<>()).add(v);
      }
    });
    Comparator<Visit> order = Comparator.comparing(Visit::start).thenComparing(Visit::id);
    clients.values().forEach(l -> l.sort(order));
    caregivers.values().forEach(l -> l.sort(order));
    byClient = clients;
    byCaregiver = caregivers;
    indexedVersion = version;
  }

  public EntityType typeOf(String resource) {
    return switch (resource) {
      case "patients" -> EntityType.CLIENT;
      case "practitioners" -> EntityType.CAREGIVER;
      default -> EntityType.VISIT;
    };
  }
}
