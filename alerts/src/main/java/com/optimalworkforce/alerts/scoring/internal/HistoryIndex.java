package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexed history behind {@code MatchHistory}. Writes are serialized by one lock and keyed by
 * record id, so applying a record twice, or an update without its previous version, never counts
 * anything twice. Reads go through per-caregiver immutable snapshots.
 */
public final class HistoryIndex {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryIndex.class);
  /** Recency weights are stored relative to this instant (2025-01-01T00:00:00Z). */
  static final long REFERENCE_SECOND = 1_735_689_600L;
  /** Recency exponents stay within this many half-lives of the reference (see {@link #weightAt}). */
  static final double MAX_HALF_LIVES = 1000;

  private final Object writeLock = new Object();
  private final double halfLifeSeconds;
  private final ConcurrentHashMap<String, CaregiverIndex> caregivers = new ConcurrentHashMap<>();
  private volatile CaregiverIndex[] byIndex = new CaregiverIndex[0];
  private final ConcurrentHashMap<String, Client> clients = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Integer> clientIndex = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Integer> serviceIndex = new ConcurrentHashMap<>();

  // Guarded by writeLock.
  private final LongIntMap visitOwner = new LongIntMap();
  private final LongIntMap callOutOwner = new LongIntMap();
  private final LongIntMap unavailabilityOwner = new LongIntMap();
  private final OfferStore offers = new OfferStore();
  private final LongIntMap visitClient = new LongIntMap();
  private final List<String> clientIds = new ArrayList<>();
  private final List<ZoneId> zones = new ArrayList<>();
  private final Map<ZoneId, Integer> zoneIndex = new HashMap<>();
  private int caregiverCount;

  private volatile long visitCount;
  private volatile long offerCount;
  private volatile long callOutCount;
  private volatile long unavailabilityCount;
  private final AtomicLong offerChanges = new AtomicLong();

  public HistoryIndex(Duration recencyHalfLife) {
    this.halfLifeSeconds = recencyHalfLife.toSeconds();
  }

  // ------------------------------------------------------------------ writes

  public void apply(Change change) {
    Objects.requireNonNull(change, "change");
    if (change.after() != null) {
      upsert(change.after());
    } else {
      remove(change.key());
    }
  }

  public void upsert(SourceRecord record) {
    Objects.requireNonNull(record, "record");
    synchronized (writeLock) {
      if (record instanceof Visit v) {
        putVisit(v);
      } else if (record instanceof ShiftOffer o) {
        putOffer(o);
      } else if (record instanceof CallOut c) {
        putCallOut(c);
      } else if (record instanceof Unavailability u) {
        putUnavailability(u);
      } else if (record instanceof Caregiver c) {
        caregiverIndex(c.id()).record(c);
      } else if (record instanceof Client c) {
        clients.put(c.id(), c);
        clientIndexOf(c.id());
      }
    }
  }

  public void remove(RecordKey key) {
    Objects.requireNonNull(key, "key");
    long hash = IdHash.of(key.sourceId());
    synchronized (writeLock) {
      switch (key.type()) {
        case VISIT -> removeVisit(hash);
        case SHIFT_OFFER -> removeOffer(hash);
        case CALL_OUT -> removeOwned(callOutOwner, hash, true);
        case UNAVAILABILITY -> removeOwned(unavailabilityOwner, hash, false);
        case CAREGIVER -> {
          CaregiverIndex c = caregivers.get(key.sourceId());
          if (c != null) {
            c.record(null);
          }
        }
        case CLIENT -> clients.remove(key.sourceId());
        default -> throw new IllegalArgumentException("Unknown record type " + key.type());
      }
    }
  }

  /**
   * A new version replaces the old one at once for readers of the caregiver's snapshot: both
   * changes are made under the caregiver's monitor, which a snapshot rebuild also takes, so a
   * ranking sees the old visit or the new one, never neither. A visit moved to another caregiver
   * is added there before it leaves the first (each caregiver's snapshot stays consistent; for an
   * instant both hold it, which can only exclude, never offer a booked caregiver).
   */
  private void putVisit(Visit v) {
    long hash = IdHash.of(v.id());
    int client = clientIndexOf(v.clientId());
    int owner = visitOwner.get(hash, -1);
    if (v.caregiverId() == null) {
      removeVisit(hash);
      visitClient.put(hash, client); // offers name only the visit; calibration needs its client
      return;
    }
    CaregiverIndex c = caregiverIndex(v.caregiverId());
    long start = v.start().getEpochSecond();
    synchronized (c) {
      if (owner == c.index) {
        c.removeVisit(hash);
      }
      c.addVisit(hash, start, v.end().getEpochSecond(), client, (byte) v.status().ordinal(),
          localEpochDay(v.start(), v.zone()));
    }
    if (owner >= 0 && owner != c.index) {
      byIndex[owner].removeVisit(hash);
    }
    visitOwner.put(hash, c.index);
    visitClient.put(hash, client);
    visitCount = visitOwner.size();
  }

  private void removeVisit(long hash) {
    visitClient.remove(hash);
    int owner = visitOwner.get(hash, -1);
    if (owner >= 0) {
      byIndex[owner].removeVisit(hash);
      visitOwner.remove(hash);
      visitCount = visitOwner.size();
    }
  }

  /** As {@link #putVisit}: readers of a caregiver's counts see the old answer or the new one. */
  private void putOffer(ShiftOffer o) {
    long hash = IdHash.of(o.id());
    CaregiverIndex c = caregiverIndex(o.caregiverId());
    var local = o.shiftStart().atZone(o.zone());
    int cell = OfferCells.cell(local.getDayOfWeek().getValue(), bandOf(local.getHour()));
    int service = serviceIndexOf(o.serviceCode());
    boolean accepted = o.outcome() == OfferOutcome.ACCEPTED;
    double weight = weightAt(o);
    int slot = offers.slotOf(hash);
    int owner = slot >= 0 ? offers.caregiver[slot] : -1;
    synchronized (c) {
      if (owner == c.index) {
        removeOffer(hash, slot);
      }
      c.offer(cell, service, accepted, weight, +1);
    }
    if (owner >= 0 && owner != c.index) {
      removeOffer(hash, slot);
    }
    offers.add(hash, c.index, cell, service, accepted, weight, o.shiftStart().getEpochSecond(),
        o.shiftEnd().getEpochSecond(), o.offeredAt().getEpochSecond(), zoneIndexOf(o.zone()), IdHash.of(o.visitId()));
    offerCount = offers.size();
    offerChanges.incrementAndGet();
  }

  private void removeOffer(long hash) {
    int slot = offers.slotOf(hash);
    if (slot >= 0) {
      removeOffer(hash, slot);
    }
  }

  private void removeOffer(long hash, int slot) {
    byIndex[offers.caregiver[slot]].offer(offers.cell[slot], offers.service[slot], offers.accepted[slot],
        offers.weight[slot], -1);
    offers.remove(hash, slot);
    offerCount = offers.size();
    offerChanges.incrementAndGet();
  }

  private int zoneIndexOf(ZoneId zone) {
    Integer i = zoneIndex.get(zone);
    if (i == null) {
      i = zones.size();
      zones.add(zone);
      zoneIndex.put(zone, i);
    }
    return i;
  }

  private void putCallOut(CallOut c) {
    long hash = IdHash.of(c.id());
    removeOwned(callOutOwner, hash, true);
    CaregiverIndex cg = caregiverIndex(c.caregiverId());
    cg.putCallOut(hash, c.reportedAt().getEpochSecond(), c.shiftStart().getEpochSecond());
    callOutOwner.put(hash, cg.index);
    callOutCount = callOutOwner.size();
  }

  private void putUnavailability(Unavailability u) {
    long hash = IdHash.of(u.id());
    removeOwned(unavailabilityOwner, hash, false);
    CaregiverIndex cg = caregiverIndex(u.caregiverId());
    cg.putUnavailability(hash, new UnavailabilityTable.Span(u.start().getEpochSecond(), u.end().getEpochSecond(),
        u.reason()));
    unavailabilityOwner.put(hash, cg.index);
    unavailabilityCount = unavailabilityOwner.size();
  }

  private void removeOwned(LongIntMap owners, long hash, boolean callOut) {
    int owner = owners.get(hash, -1);
    if (owner < 0) {
      return;
    }
    if (callOut) {
      byIndex[owner].removeCallOut(hash);
    } else {
      byIndex[owner].removeUnavailability(hash);
    }
    owners.remove(hash);
    callOutCount = callOutOwner.size();
    unavailabilityCount = unavailabilityOwner.size();
  }

  private CaregiverIndex caregiverIndex(String id) {
    CaregiverIndex c = caregivers.get(id);
    if (c != null) {
      return c;
    }
    c = new CaregiverIndex(id, caregiverCount, this);
    CaregiverIndex[] all = byIndex;
    if (caregiverCount == all.length) {
      all = Arrays.copyOf(all, Math.max(16, all.length * 2));
    }
    all[caregiverCount++] = c;
    byIndex = all;
    caregivers.put(id, c);
    return c;
  }

  private int clientIndexOf(String clientId) {
    Integer i = clientIndex.get(clientId);
    if (i == null) {
      i = clientIds.size();
      clientIds.add(clientId);
      clientIndex.put(clientId, i);
    }
    return i;
  }

  private int serviceIndexOf(String serviceCode) {
    return serviceIndex.computeIfAbsent(serviceCode == null ? "" : serviceCode, k -> serviceIndex.size());
  }

  // ------------------------------------------------------------------ reads

  /** A past offer as calibration replays it. */
  record PastOffer(String caregiverId, int cell, int service, boolean accepted, double weight, long shiftStart,
      long shiftEnd, long offeredAt, ZoneId zone, long visitHash, String clientId) {}

  /**
   * Up to {@code max} offers made before {@code beforeSecond}, the most recent ones (in slot
   * order), with the shift's client when its visit is indexed (else null). Copied out under the
   * write lock.
   */
  List<PastOffer> recentOffers(long beforeSecond, int max) {
    synchronized (writeLock) {
      int n = offers.capacityUsed();
      long[] times = new long[offers.size()];
      int k = 0;
      for (int s = 0; s < n; s++) {
        if (offers.live[s] && offers.offeredAt[s] < beforeSecond) {
          times[k++] = offers.offeredAt[s];
        }
      }
      long threshold = Long.MIN_VALUE;
      if (k > max) {
        long[] sorted = Arrays.copyOf(times, k);
        Arrays.sort(sorted);
        threshold = sorted[k - max];
      }
      List<PastOffer> out = new ArrayList<>(Math.min(k, max));
      for (int s = 0; s < n && out.size() < max; s++) {
        if (offers.live[s] && offers.offeredAt[s] < beforeSecond && offers.offeredAt[s] >= threshold) {
          int client = visitClient.get(offers.visit[s], -1);
          out.add(new PastOffer(byIndex[offers.caregiver[s]].id, offers.cell[s], offers.service[s],
              offers.accepted[s], offers.weight[s], offers.shiftStart[s], offers.shiftEnd[s], offers.offeredAt[s],
              zones.get(offers.zone[s]), offers.visit[s], client < 0 ? null : clientIds.get(client)));
        }
      }
      return out;
    }
  }

  /** The service code of an index ("" for none), or null. */
  String serviceCode(int serviceIdx) {
    for (Map.Entry<String, Integer> e : serviceIndex.entrySet()) {
      if (e.getValue() == serviceIdx) {
        return e.getKey();
      }
    }
    return null;
  }

  /**
   * The index of the caregiver whose indexed visits hold this visit id hash, or -1 (unknown, or
   * without a caregiver). One short look under the write lock, once per ranking.
   */
  int visitOwner(long visitHash) {
    synchronized (writeLock) {
      return visitOwner.get(visitHash, -1);
    }
  }

  /** The snapshot of a caregiver, empty when unknown. */
  public CaregiverSnapshot snapshot(String caregiverId) {
    CaregiverIndex c = caregivers.get(caregiverId);
    return c == null ? CaregiverSnapshot.empty(caregiverId, -1, this) : c.snapshot();
  }

  /** An upper bound of the caregivers' indexes, for bit sets over them (grows as caregivers appear). */
  int caregiverSlots() {
    return byIndex.length;
  }

  /** Snapshots of every caregiver the index knows. */
  public List<CaregiverSnapshot> snapshots() {
    CaregiverIndex[] all = byIndex;
    List<CaregiverSnapshot> out = new ArrayList<>(all.length);
    for (CaregiverIndex c : all) {
      if (c != null) {
        out.add(c.snapshot());
      }
    }
    return out;
  }

  public Caregiver caregiver(String id) {
    CaregiverIndex c = caregivers.get(id);
    return c == null ? null : c.record();
  }

  /** Every caregiver record known, in first-seen order. */
  public List<Caregiver> caregivers() {
    CaregiverIndex[] all = byIndex;
    List<Caregiver> out = new ArrayList<>();
    for (CaregiverIndex c : all) {
      if (c != null && c.record() != null) {
        out.add(c.record());
      }
    }
    return out;
  }

  public Client client(String id) {
    return clients.get(id);
  }

  public int clientCount() {
    return clients.size();
  }

  /** The client's index, or -1 when no record mentioned it. */
  public int clientIndexIfKnown(String clientId) {
    Integer i = clientIndex.get(clientId);
    return i == null ? -1 : i;
  }

  /** The service's index, or -1 when no offer had it. */
  public int serviceIndex(String serviceCode) {
    Integer i = serviceIndex.get(serviceCode == null ? "" : serviceCode);
    return i == null ? -1 : i;
  }

  public long visitCount() {
    return visitCount;
  }

  public long offerCount() {
    return offerCount;
  }

  public long callOutCount() {
    return callOutCount;
  }

  public long unavailabilityCount() {
    return unavailabilityCount;
  }

  /** Increases on every offer added, changed or removed. */
  public long offerChanges() {
    return offerChanges.get();
  }

  /** What the stored recency weights are multiplied by at {@code now} (halves every half-life). */
  public double decayAt(Instant now) {
    double halfLives = (now.getEpochSecond() - REFERENCE_SECOND) / halfLifeSeconds;
    return Math.pow(2, -Math.max(-MAX_HALF_LIVES, Math.min(MAX_HALF_LIVES, halfLives)));
  }

  /**
   * An offer's recency weight, relative to the reference time: {@code 2^(half-lives since then)}.
   * Doubles hold it, and sums of millions of them, within {@value #MAX_HALF_LIVES} half-lives
   * (82 years either side of 2025 at the shortest half-life, 30 days). An offer dated further
   * ahead can only be a bad date: it is counted but weighs nothing (an infinite weight would
   * make every estimate NaN). One dated further back weighs next to nothing anyway.
   */
  private double weightAt(ShiftOffer o) {
    double halfLives = (o.offeredAt().getEpochSecond() - REFERENCE_SECOND) / halfLifeSeconds;
    if (halfLives > MAX_HALF_LIVES) {
      LOG.warn("Offer {} is dated {}, past what the match history can weigh; it is counted but given no weight. "
          + "Check the source's dates.", o.id(), o.offeredAt());
      return 0;
    }
    return Math.pow(2, Math.max(-MAX_HALF_LIVES, halfLives));
  }

  /** Time band ordinal of a local hour (matches {@code TimeBand.of}). */
  static int bandOf(int hour) {
    return hour < 6 ? 0 : hour < 12 ? 1 : hour < 17 ? 2 : 3;
  }

  static int localEpochDay(Instant instant, ZoneId zone) {
    long local = instant.getEpochSecond() + zone.getRules().getOffset(instant).getTotalSeconds();
    return (int) Math.floorDiv(local, 86_400L);
  }

  public Map<EntityType, Long> sizes() {
    return Map.of(EntityType.VISIT, visitCount, EntityType.SHIFT_OFFER, offerCount, EntityType.CALL_OUT, callOutCount,
        EntityType.UNAVAILABILITY, unavailabilityCount, EntityType.CAREGIVER, (long) caregivers().size(),
        EntityType.CLIENT, (long) clients.size());
  }
}
