package com.optimalworkforce.alerts.scoring.internal;

import java.util.Arrays;

/**
 * Every indexed offer in columns (about 60 bytes an offer with its id slot): what to subtract
 * when it changes, and the shift it was for, so calibration can replay it. Slots of removed
 * offers are reused. Not thread-safe; the history guards it with its write lock.
 */
final class OfferStore {
  private final LongIntMap slots = new LongIntMap();
  private int[] free = new int[16];
  private int freeCount;
  private int used;

  int[] caregiver = new int[16];
  int[] cell = new int[16];
  int[] service = new int[16];
  boolean[] accepted = new boolean[16];
  double[] weight = new double[16];
  long[] shiftStart = new long[16];
  long[] shiftEnd = new long[16];
  long[] offeredAt = new long[16];
  int[] zone = new int[16];
  long[] visit = new long[16];
  boolean[] live = new boolean[16];

  int size() {
    return slots.size();
  }

  /** Slots in use are {@code 0 <= slot < capacityUsed()} with {@link #live} set. */
  int capacityUsed() {
    return used;
  }

  /** The slot of an offer id, or -1. */
  int slotOf(long idHash) {
    return slots.get(idHash, -1);
  }

  int add(long idHash, int caregiverIdx, int cellIdx, int serviceIdx, boolean isAccepted, double w, long start,
      long end, long offered, int zoneIdx, long visitHash) {
    int s;
    if (freeCount > 0) {
      s = free[--freeCount];
    } else {
      if (used == caregiver.length) {
        grow(used * 2);
      }
      s = used++;
    }
    caregiver[s] = caregiverIdx;
    cell[s] = cellIdx;
    service[s] = serviceIdx;
    accepted[s] = isAccepted;
    weight[s] = w;
    shiftStart[s] = start;
    shiftEnd[s] = end;
    offeredAt[s] = offered;
    zone[s] = zoneIdx;
    visit[s] = visitHash;
    live[s] = true;
    slots.put(idHash, s);
    return s;
  }

  void remove(long idHash, int slot) {
    slots.remove(idHash);
    live[slot] = false;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = slot;
  }

  private void grow(int n) {
    caregiver = Arrays.copyOf(caregiver, n);
    cell = Arrays.copyOf(cell, n);
    service = Arrays.copyOf(service, n);
    accepted = Arrays.copyOf(accepted, n);
    weight = Arrays.copyOf(weight, n);
    shiftStart = Arrays.copyOf(shiftStart, n);
    shiftEnd = Arrays.copyOf(shiftEnd, n);
    offeredAt = Arrays.copyOf(offeredAt, n);
    zone = Arrays.copyOf(zone, n);
    visit = Arrays.copyOf(visit, n);
    live = Arrays.copyOf(live, n);
  }
}
