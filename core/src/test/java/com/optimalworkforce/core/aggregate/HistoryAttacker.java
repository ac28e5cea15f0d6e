package com.optimalworkforce.core.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform-side analyst who holds every release of a region published over time and knows
 * exactly which counts did not change from one release to the next (stronger than any real
 * analyst, who can only assume it): the {@link LinearAttacker}'s linear program over the union of
 * all releases' equations, where a cell whose true count is the same in two consecutive releases
 * is one unknown in both (or, when one of them published it, a known value in the other).
 *
 * <pre>{@code
 * List<HistoryAttacker.View> views = List.of(HistoryAttacker.view(first, counts1, policy),
 *     HistoryAttacker.view(second, counts2, policy));
 * HistoryAttacker.recovered(views);   // the hidden figures pinned to one value
 * }</pre>
 */
final class HistoryAttacker {
  private static final double HOURS_HALF_STEP = 0.005;
  private static final double EPS = 1e-6;

  private HistoryAttacker() {}

  /** One release of a region as published, with the true counts the test knows (seconds for hours). */
  record View(RegionSnapshot region, Map<Metric, Attacker.Grid> grids, List<String> areas, List<String> weeks,
      Map<Metric, Map<String, Long>> truth) {
    String key(Metric m, int r, int c) {
      String area = r < areas.size() ? areas.get(r) : "TOTAL";
      String week = m.weekly() && c < weeks.size() ? weeks.get(c) : "WINDOW";
      return area + "|" + week;
    }

    long truth(Metric m, String key) {
      return truth.get(m).getOrDefault(key, 0L);
    }

    int[] cell(Metric m, String key) {
      String[] parts = key.split("\\|");
      int r = parts[0].equals("TOTAL") ? areas.size() : areas.indexOf(parts[0]);
      int c = parts[1].equals("WINDOW") ? (m.weekly() ? weeks.size() : 0) : weeks.indexOf(parts[1]);
      return r < 0 || c < 0 ? null : new int[] {r, c};
    }
  }

  /** The view of {@code regionId} in a published snapshot, with the truth from the counts it was published from. */
  static View view(AggregateSnapshot snapshot, String regionId, AggregateCounts counts) {
    RegionSnapshot region = snapshot.region(regionId).orElseThrow();
    List<String> areas = region.areas().keySet().stream().map(GeoArea::code).toList();
    List<String> weeks = region.weeks().stream().map(w -> w.week().toString()).toList();
    Map<Metric, Map<String, Long>> truth = new HashMap<>();
    PrivacyPolicy policy = snapshot.policy();
    for (Metric m : Metric.values()) {
      Map<String, Long> cells = new HashMap<>();
      for (GeoArea raw : counts.areas(regionId)) {
        String area = policy.publishedArea(raw).code();
        long window = m == Metric.SERVICE_HOURS ? counts.serviceSeconds(regionId, raw) : counts.count(regionId, raw, m);
        cells.merge(area + "|WINDOW", window, Long::sum);
        cells.merge("TOTAL|WINDOW", window, Long::sum);
        if (m.weekly()) {
          for (IsoWeek w : counts.weeks(regionId)) {
            long v = m == Metric.SERVICE_HOURS ? counts.serviceSeconds(regionId, raw, w) : counts.count(regionId, raw, w, m);
            cells.merge(area + "|" + w, v, Long::sum);
            cells.merge("TOTAL|" + w, v, Long::sum);
          }
        }
      }
      truth.put(m, cells);
    }
    return new View(region, Attacker.grids(region), areas, weeks, truth);
  }

  /** The range of one hidden figure of one release. */
  record Range(int release, Metric metric, String cell, double min, double max) {
    boolean recovered() {
      if (metric.isCount()) {
        return Math.ceil(min - EPS) >= Math.floor(max + EPS);
      }
      return max - min < LinearAttacker.HOURS_TOLERANCE;
    }
  }

  static List<Range> ranges(List<View> views) {
    List<Range> out = new ArrayList<>();
    for (List<Metric> part : List.of(List.of(Metric.ACTIVE_CLIENTS), List.of(Metric.ACTIVE_CAREGIVERS),
        List.of(Metric.CANCELLED_VISITS), List.of(Metric.SERVICE_HOURS),
        List.of(Metric.VISITS, Metric.UNFILLED_VISITS))) {
      out.addAll(new Program(views, part).ranges());
    }
    return out;
  }

  static List<Range> recovered(List<View> views) {
    return ranges(views).stream().filter(Range::recovered).toList();
  }

  /** One linear program over the hidden cells of a group of metrics in every release. */
  private static final class Program {
    private final List<View> views;
    private final List<Metric> metrics;
    /** Variable of [release][metric][row][col]: a hidden cell (shared when linked), or a rounding error. */
    private final Map<String, Integer> var = new HashMap<>();
    private final List<Boolean> hiddenVar = new ArrayList<>();
    private final List<Metric> varMetric = new ArrayList<>();
    private final List<double[]> equations = new ArrayList<>(); // coefficients..., constant (= 0)
    private final List<double[]> atMost = new ArrayList<>(); // coefficients..., constant (<= 0)
    private final List<String[]> pending = new ArrayList<>();

    Program(List<View> views, List<Metric> metrics) {
      this.views = views;
      this.metrics = metrics;
      // Hidden cells, joined when linked to the previous release's hidden cell.
      List<String> hiddenIds = new ArrayList<>();
      Map<String, Integer> index = new HashMap<>();
      for (int k = 0; k < views.size(); k++) {
        for (Metric m : metrics) {
          Attacker.Grid g = views.get(k).grids().get(m);
          for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
              if (g.hidden[r][c]) {
                String id = id(k, m, views.get(k).key(m, r, c));
                index.put(id, hiddenIds.size());
                hiddenIds.add(id);
              }
            }
          }
        }
      }
      int[] parent = new int[hiddenIds.size()];
      for (int i = 0; i < parent.length; i++) {
        parent[i] = i;
      }
      List<double[]> links = new ArrayList<>(); // {hidden index, release, published value} for hidden = published
      for (int k = 1; k < views.size(); k++) {
        View before = views.get(k - 1);
        View after = views.get(k);
        for (Metric m : metrics) {
          for (String key : keys(before, after, m)) {
            if (before.truth(m, key) != after.truth(m, key)) {
              continue;
            }
            Integer h0 = index.get(id(k - 1, m, key));
            Integer h1 = index.get(id(k, m, key));
            if (h0 != null && h1 != null) {
              parent[find(parent, h0)] = find(parent, h1);
            } else if (h0 != null || h1 != null) {
              View shown = h0 != null ? after : before;
              int[] cell = shown.cell(m, key);
              double published = cell == null ? 0 : shown.grids().get(m).lo[cell[0]][cell[1]];
              links.add(new double[] {h0 != null ? h0 : h1, published});
            }
          }
        }
      }
      Map<Integer, Integer> rootVar = new HashMap<>();
      for (int i = 0; i < hiddenIds.size(); i++) {
        int root = find(parent, i);
        Integer v = rootVar.get(root);
        if (v == null) {
          v = hiddenVar.size();
          rootVar.put(root, v);
          hiddenVar.add(true);
          varMetric.add(metricOf(hiddenIds.get(i)));
        }
        var.put(hiddenIds.get(i), v);
      }
      // Published hours in an equation with a hidden cell are known to within half a hundredth only.
      for (int k = 0; k < views.size(); k++) {
        for (Metric m : metrics) {
          Attacker.Grid g = views.get(k).grids().get(m);
          if (m.isCount()) {
            continue;
          }
          for (int[][] eq : Attacker.equations(g)) {
            if (Arrays.stream(eq).anyMatch(cell -> g.hidden[cell[0]][cell[1]])) {
              for (int[] cell : eq) {
                String id = id(k, m, views.get(k).key(m, cell[0], cell[1]));
                if (!var.containsKey(id)) {
                  var.put(id, hiddenVar.size());
                  hiddenVar.add(false);
                  varMetric.add(m);
                }
              }
            }
          }
        }
      }
      int n = hiddenVar.size();
      for (int k = 0; k < views.size(); k++) {
        for (Metric m : metrics) {
          Attacker.Grid g = views.get(k).grids().get(m);
          for (int[][] eq : Attacker.equations(g)) {
            double[] coef = new double[n + 1];
            double constant = term(k, m, eq[0][0], eq[0][1], coef, -1);
            for (int i = 1; i < eq.length; i++) {
              constant += term(k, m, eq[i][0], eq[i][1], coef, 1);
            }
            add(equations, coef, constant);
          }
        }
        if (metrics.size() == 2) { // unfilled (metric 1) <= visits (metric 0), cell by cell
          Attacker.Grid g = views.get(k).grids().get(metrics.get(0));
          for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
              double[] coef = new double[n + 1];
              double constant = term(k, metrics.get(1), r, c, coef, 1) + term(k, metrics.get(0), r, c, coef, -1);
              add(atMost, coef, constant);
            }
          }
        }
      }
      for (int v = 0; v < n; v++) {
        if (!hiddenVar.get(v)) {
          double[] coef = new double[n + 1];
          coef[v] = 1;
          add(atMost, coef, -2 * HOURS_HALF_STEP);
        }
      }
      // A hidden cell linked to a published one: the published value (hours: within their rounding).
      for (double[] link : links) {
        int v = var.get(hiddenIds.get((int) link[0]));
        double offset = varMetric.get(v).isCount() ? 1 : 0;
        double[] coef = new double[n + 1];
        coef[v] = 1;
        if (varMetric.get(v).isCount()) {
          add(equations, coef, offset - link[1]);
        } else {
          add(atMost, coef.clone(), offset - link[1] - HOURS_HALF_STEP);
          double[] neg = new double[n + 1];
          neg[v] = -1;
          add(atMost, neg, -(offset - link[1]) - HOURS_HALF_STEP);
        }
      }
    }

    private static String id(int release, Metric m, String key) {
      return release + "|" + m.name() + "|" + key;
    }

    private static Metric metricOf(String id) {
      return Metric.valueOf(id.split("\\|")[1]);
    }

    private static List<String> keys(View a, View b, Metric m) {
      java.util.Set<String> out = new java.util.TreeSet<>();
      for (View v : List.of(a, b)) {
        Attacker.Grid g = v.grids().get(m);
        for (int r = 0; r < g.rows(); r++) {
          for (int c = 0; c < g.cols(); c++) {
            out.add(v.key(m, r, c));
          }
        }
      }
      return List.copyOf(out);
    }

    private static int find(int[] parent, int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    private static void add(List<double[]> to, double[] coef, double constant) {
      boolean any = false;
      for (int k = 0; k < coef.length - 1; k++) {
        any |= coef[k] != 0;
      }
      if (any) {
        coef[coef.length - 1] = -constant;
        to.add(coef);
      }
    }

    /** As in {@link LinearAttacker}: a hidden count is 1 + y; published hours next to a hidden cell p - 0.005 + e. */
    private double term(int k, Metric m, int r, int c, double[] coef, double sign) {
      Attacker.Grid g = views.get(k).grids().get(m);
      Integer v = var.get(id(k, m, views.get(k).key(m, r, c)));
      if (g.hidden[r][c]) {
        coef[v] += sign;
        return m.isCount() ? sign : 0;
      }
      if (v != null) {
        coef[v] += sign;
        return sign * (g.lo[r][c] - HOURS_HALF_STEP);
      }
      return sign * g.lo[r][c];
    }

    List<Range> ranges() {
      int n = hiddenVar.size();
      if (n == 0) {
        return List.of();
      }
      Simplex lp = new Simplex(n);
      for (double[] e : equations) {
        lp.equal(Arrays.copyOf(e, n), e[n]);
      }
      for (double[] e : atMost) {
        lp.atMost(Arrays.copyOf(e, n), e[n]);
      }
      double[] min = new double[n];
      double[] max = new double[n];
      for (int v = 0; v < n; v++) {
        if (!hiddenVar.get(v)) {
          continue;
        }
        double offset = varMetric.get(v).isCount() ? 1 : 0;
        double[] objective = new double[n];
        objective[v] = 1;
        double[] low = lp.minimize(objective);
        if (low == null) {
          throw new IllegalStateException("the published releases admit no table at all: " + views);
        }
        min[v] = low[v] + offset;
        double[] top = lp.maximize(objective);
        max[v] = top == null ? Double.POSITIVE_INFINITY : top[v] + offset;
      }
      List<Range> out = new ArrayList<>();
      var.forEach((id, v) -> {
        if (hiddenVar.get(v) && isHidden(id)) {
          String[] parts = id.split("\\|");
          out.add(new Range(Integer.parseInt(parts[0]), metricOf(id), parts[2] + "|" + parts[3], min[v], max[v]));
        }
      });
      return out;
    }

    private boolean isHidden(String id) {
      String[] parts = id.split("\\|");
      View view = views.get(Integer.parseInt(parts[0]));
      Metric m = Metric.valueOf(parts[1]);
      int[] cell = view.cell(m, parts[2] + "|" + parts[3]);
      return cell != null && view.grids().get(m).hidden[cell[0]][cell[1]];
    }
  }
}
