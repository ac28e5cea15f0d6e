package com.optimalworkforce.alerts.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link MatchBacktest} measured: for each model (the scorer and the baselines), how well
 * it ranks accepted offers above refused ones (AUC), how close its probabilities are to the
 * outcomes (Brier score, log loss) and whether "70%" means 70% (the reliability table).
 *
 * <pre>{@code
 * BacktestReport report = MatchBacktest.builder().trainUntil(split).build().run(records);
 * BacktestReport.Model scorer = report.model(MatchBacktest.SCORER);
 * assert scorer.brier() < report.model(MatchBacktest.LAPLACE).brier();
 * System.out.println(report.toMarkdown());
 * }</pre>
 *
 * @param trainedUntil offers before this instant were history
 * @param trainOffers offers in the history
 * @param testOffers held-out offers scored
 * @param acceptedShare share of held-out offers accepted
 * @param models one result per model, the scorer first
 */
public record BacktestReport(Instant trainedUntil, long trainOffers, int testOffers, double acceptedShare,
    List<Model> models) {

  public BacktestReport {
    Objects.requireNonNull(trainedUntil, "trainedUntil");
    models = List.copyOf(models);
  }

  /** A model by name. */
  public Model model(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No model '" + name + "' in the report; models: "
            + models.stream().map(Model::name).toList()));
  }

  /**
   * One model's results.
   *
   * @param name the model
   * @param auc area under the ROC curve: 0.5 is chance, 1 perfect
   * @param brier mean squared error of the probabilities: lower is better
   * @param logLoss mean negative log-likelihood: lower is better
   * @param reliability predictions by bin with the rate actually observed
   */
  public record Model(String name, double auc, double brier, double logLoss, List<Bin> reliability) {
    public Model {
      Objects.requireNonNull(name, "name");
      reliability = List.copyOf(reliability);
    }

    /**
     * Scores predictions against outcomes.
     *
     * <pre>{@code
     * BacktestReport.Model truth = BacktestReport.Model.of("true probability", p, accepted, 10);
     * }</pre>
     */
    public static Model of(String name, double[] predicted, boolean[] outcome, int bins) {
      Objects.requireNonNull(predicted, "predicted");
      Objects.requireNonNull(outcome, "outcome");
      if (predicted.length != outcome.length) {
        throw new IllegalArgumentException("predicted (" + predicted.length + ") and outcome (" + outcome.length
            + ") differ in length");
      }
      if (bins < 1 || bins > 100) {
        throw new IllegalArgumentException("bins must be within [1, 100] but was " + bins);
      }
      int n = predicted.length;
      double brier = 0;
      double logLoss = 0;
      for (int i = 0; i < n; i++) {
        double p = predicted[i];
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException(name + ": prediction " + i + " is " + p + ", not a probability");
        }
        double y = outcome[i] ? 1 : 0;
        brier += (p - y) * (p - y);
        double q = Math.max(1e-6, Math.min(1 - 1e-6, p));
        logLoss -= outcome[i] ? Math.log(q) : Math.log(1 - q);
      }
      return new Model(name, auc(predicted, outcome), n == 0 ? Double.NaN : brier / n,
          n == 0 ? Double.NaN : logLoss / n, reliability(predicted, outcome, bins));
    }

    /** Mann-Whitney AUC with ties counted half. */
    private static double auc(double[] p, boolean[] y) {
      int n = p.length;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
      double rankSumPositive = 0;
      long positives = 0;
      int i = 0;
      while (i < n) {
        int j = i;
        while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
          j++;
        }
        double averageRank = (i + j) / 2.0 + 1;
        for (int k = i; k <= j; k++) {
          if (y[order[k]]) {
            rankSumPositive += averageRank;
            positives++;
          }
        }
        i = j + 1;
      }
      long negatives = n - positives;
      if (positives == 0 || negatives == 0) {
        return Double.NaN;
      }
      return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static List<Bin> reliability(double[] p, boolean[] y, int bins) {
      int[] count = new int[bins];
      double[] predicted = new double[bins];
      int[] positive = new int[bins];
      for (int i = 0; i < p.length; i++) {
        int b = Math.min(bins - 1, (int) (p[i] * bins));
        count[b]++;
        predicted[b] += p[i];
        if (y[i]) {
          positive[b]++;
        }
      }
      List<Bin> out = new ArrayList<>();
      for (int b = 0; b < bins; b++) {
        out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b],
            count[b] == 0 ? Double.NaN : predicted[b] / count[b],
            count[b] == 0 ? Double.NaN : (double) positive[b] / count[b]));
      }
      return out;
    }
  }

  /**
   * One bin of a reliability table.
   *
   * @param from lowest prediction of the bin (inclusive)
   * @param to highest (exclusive, except for the last bin)
   * @param count predictions in the bin
   * @param meanPredicted their mean ({@code NaN} when empty)
   * @param observed share accepted ({@code NaN} when empty)
   */
  public record Bin(double from, double to, int count, double meanPredicted, double observed) {}

  /** The report as Markdown: a summary table, then the reliability tables side by side. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Trained on %d offers before %s; scored %d held-out offers (%.1f%% accepted).%n%n",
        trainOffers, trainedUntil, testOffers, 100 * acceptedShare));
    sb.append("| model | AUC | Brier | log loss |\n|---|---|---|---|\n");
    for (Model m : models) {
      sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.4f | %.4f |%n", m.name(), m.auc(), m.brier(), m.logLoss()));
    }
    sb.append("\nReliability (n, mean predicted -> observed acceptance):\n\n| bin |");
    for (Model m : models) {
      sb.append(' ').append(m.name()).append(" |");
    }
    sb.append("\n|---|");
    sb.append("---|".repeat(models.size()));
    sb.append('\n');
    int bins = models.isEmpty() ? 0 : models.get(0).reliability().size();
    for (int b = 0; b < bins; b++) {
      Bin first = models.get(0).reliability().get(b);
      sb.append(String.format(Locale.ROOT, "| %.1f-%.1f |", first.from(), first.to()));
      for (Model m : models) {
        Bin bin = m.reliability().get(b);
        sb.append(bin.count() == 0 ? " - |"
            : String.format(Locale.ROOT, " %d: %.2f -> %.2f |", bin.count(), bin.meanPredicted(), bin.observed()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
