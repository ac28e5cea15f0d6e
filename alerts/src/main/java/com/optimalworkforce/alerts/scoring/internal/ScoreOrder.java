package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.MatchScore;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts a ranking's scores best first: highest probability, ties by caregiver id. The same order as
 * {@link #BEST_FIRST} (a total order: ids are unique in a ranking), but a merge sort over the
 * probabilities in a primitive array, so that every comparison is a few inlined instructions
 * instead of a call through a shared sort's comparator and two object reads.
 */
final class ScoreOrder {
  static final Comparator<MatchScore> BEST_FIRST = (a, b) -> {
    int c = Double.compare(b.probability(), a.probability());
    return c != 0 ? c : a.caregiverId().compareTo(b.caregiverId());
  };
  private static final int INSERTION = 24;

  private ScoreOrder() {}

  /** The scores best first, as an unmodifiable list. */
  static List<MatchScore> bestFirst(List<MatchScore> scores) {
    int n = scores.size();
    MatchScore[] s = scores.toArray(new MatchScore[0]);
    double[] p = new double[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = s[i].probability();
      order[i] = i;
    }
    sort(order, new int[n], 0, n, p, s);
    MatchScore[] sorted = new MatchScore[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = s[order[i]];
    }
    return Arrays.asList(sorted);
  }

  /** Sorts {@code order[from, to)}, using {@code tmp} as scratch. */
  private static void sort(int[] order, int[] tmp, int from, int to, double[] p, MatchScore[] s) {
    if (to - from <= INSERTION) {
      for (int i = from + 1; i < to; i++) {
        int x = order[i];
        int j = i - 1;
        while (j >= from && before(x, order[j], p, s)) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sort(order, tmp, from, mid, p, s);
    sort(order, tmp, mid, to, p, s);
    if (!before(order[mid], order[mid - 1], p, s)) {
      return; // already in order
    }
    System.arraycopy(order, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && !before(tmp[j], tmp[i], p, s))) {
        order[k] = tmp[i++];
      } else {
        order[k] = tmp[j++];
      }
    }
  }

  /** True when score {@code a} goes before score {@code b}. */
  private static boolean before(int a, int b, double[] p, MatchScore[] s) {
    int c = Double.compare(p[b], p[a]);
    return c != 0 ? c < 0 : s[a].caregiverId().compareTo(s[b].caregiverId()) < 0;
  }
}
