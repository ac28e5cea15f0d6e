package com.optimalworkforce.alerts.scoring.internal;

import java.util.Arrays;

/** Growable, unsorted columns of visits waiting to be merged into a {@link VisitTable}. */
final class VisitColumns {
  long[] id = new long[4];
  long[] start = new long[4];
  long[] end = new long[4];
  int[] client = new int[4];
  byte[] status = new byte[4];
  int[] day = new int[4];
  int size;

  void add(long idHash, long startSec, long endSec, int clientIdx, byte statusOrdinal, int epochDay) {
    if (size == id.length) {
      int n = size * 2;
      id = Arrays.copyOf(id, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      client = Arrays.copyOf(client, n);
      status = Arrays.copyOf(status, n);
      day = Arrays.copyOf(day, n);
    }
    id[size] = idHash;
    start[size] = startSec;
    end[size] = endSec;
    client[size] = clientIdx;
    status[size] = statusOrdinal;
    day[size] = epochDay;
    size++;
  }

  /** Removes the row with this id, if present (the last row takes its place). */
  boolean remove(long idHash) {
    for (int i = 0; i < size; i++) {
      if (id[i] == idHash) {
        int last = --size;
        id[i] = id[last];
        start[i] = start[last];
        end[i] = end[last];
        client[i] = client[last];
        status[i] = status[last];
        day[i] = day[last];
        return true;
      }
    }
    return false;
  }

  void clear() {
    size = 0;
    if (id.length > 64) {
      id = new long[4];
      start = new long[4];
      end = new long[4];
      client = new int[4];
      status = new byte[4];
      day = new int[4];
    }
  }
}
