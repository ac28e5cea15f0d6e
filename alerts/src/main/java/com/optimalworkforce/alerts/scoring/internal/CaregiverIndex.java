package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.core.model.Caregiver;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything indexed about one caregiver. Writers (holding the history's write lock) change the
 * pending state under this object's monitor and bump {@link #version}; readers take the immutable
 * {@link #snapshot()}, rebuilt only when something changed since the last one. So ranking reads
 * without locks in the steady state, and a bulk load sorts each caregiver's visits once.
 */
final class CaregiverIndex {
  final String id;
  final int index;
  private final HistoryIndex history;
  private volatile Caregiver record;
  private volatile int version;
  private volatile CaregiverSnapshot snapshot;

  // Guarded by this.
  private final VisitColumns pendingVisits = new VisitColumns();
  private final Set<Long> removedVisits = new HashSet<>();
  private final OfferCells offers = new OfferCells();
  private final Map<Integer, OfferCells> offersByService = new HashMap<>();
  private final Map<Long, long[]> callOuts = new HashMap<>();
  private final Map<Long, UnavailabilityTable.Span> unavailability = new HashMap<>();
  private boolean visitsDirty;
  private boolean offersDirty;
  private boolean callOutsDirty;
  private boolean unavailabilityDirty;

  CaregiverIndex(String id, int index, HistoryIndex history) {
    this.id = id;
    this.index = index;
    this.history = history;
    this.snapshot = CaregiverSnapshot.empty(id, index, history);
  }

  Caregiver record() {
    return record;
  }

  void record(Caregiver caregiver) {
    this.record = caregiver;
  }

  synchronized void addVisit(long idHash, long start, long end, int client, byte status, int day) {
    pendingVisits.add(idHash, start, end, client, status, day);
    visitsDirty = true;
    version++;
  }

  synchronized void removeVisit(long idHash) {
    if (!pendingVisits.remove(idHash)) {
      removedVisits.add(idHash);
    }
    visitsDirty = true;
    version++;
  }

  synchronized void offer(int cell, int service, boolean accepted, double weight, int sign) {
    offers.add(cell, accepted, weight, sign);
    OfferCells byService = offersByService.computeIfAbsent(service, s -> new OfferCells());
    byService.add(cell, accepted, weight, sign);
    if (sign < 0 && byService.isEmpty()) {
      offersByService.remove(service);
    }
    offersDirty = true;
    version++;
  }

  synchronized void putCallOut(long idHash, long reported, long shiftStart) {
    callOuts.put(idHash, new long[] {reported, shiftStart});
    callOutsDirty = true;
    version++;
  }

  synchronized boolean removeCallOut(long idHash) {
    boolean removed = callOuts.remove(idHash) != null;
    callOutsDirty = true;
    version++;
    return removed;
  }

  synchronized void putUnavailability(long idHash, UnavailabilityTable.Span span) {
    unavailability.put(idHash, span);
    unavailabilityDirty = true;
    version++;
  }

  synchronized boolean removeUnavailability(long idHash) {
    boolean removed = unavailability.remove(idHash) != null;
    unavailabilityDirty = true;
    version++;
    return removed;
  }

  /** The current consistent view; rebuilt (once) after changes. */
  CaregiverSnapshot snapshot() {
    CaregiverSnapshot s = snapshot;
    if (s.version() == version) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (s.version() != version) {
        s = rebuild(s);
        snapshot = s;
      }
      return s;
    }
  }

  private CaregiverSnapshot rebuild(CaregiverSnapshot old) {
    VisitTable visits = old.visitTable();
    if (visitsDirty) {
      visits = VisitTable.merge(visits, pendingVisits, removedVisits);
      pendingVisits.clear();
      removedVisits.clear();
      visitsDirty = false;
    }
    OfferCells all = old.offerCells();
    Map<Integer, OfferCells> byService = old.serviceCells();
    if (offersDirty) {
      all = offers.frozenCopy();
      Map<Integer, OfferCells> copy = new HashMap<>();
      offersByService.forEach((k, v) -> copy.put(k, v.frozenCopy()));
      byService = Map.copyOf(copy);
      offersDirty = false;
    }
    CallOutTable calls = old.callOutTable();
    if (callOutsDirty) {
      calls = CallOutTable.of(callOuts.values());
      callOutsDirty = false;
    }
    UnavailabilityTable unav = old.unavailabilityTable();
    if (unavailabilityDirty) {
      unav = UnavailabilityTable.of(unavailability.values());
      unavailabilityDirty = false;
    }
    return new CaregiverSnapshot(id, index, version, history, visits, all, byService, calls, unav);
  }
}
