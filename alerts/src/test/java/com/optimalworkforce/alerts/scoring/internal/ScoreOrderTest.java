package com.optimalworkforce.alerts.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.alerts.scoring.MatchScore;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.PersonName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ScoreOrder#bestFirst} against a plain sort by {@link ScoreOrder#BEST_FIRST}, ties included. */
class ScoreOrderTest {

  @ParameterizedTest(name = "{0} scores from {1} distinct probabilities, seed {2}")
  @CsvSource({"0, 1, 1", "1, 1, 2", "2, 2, 3", "23, 5, 4", "25, 1000, 5", "658, 40, 6", "658, 100000, 7",
      "2000, 3, 8", "2000, 100000, 9"})
  void ordersLikeTheComparator(int n, int distinct, long seed) {
    Random random = new Random(seed);
    List<MatchScore> scores = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Caregiver c = Caregiver.builder().id("CG-" + random.nextInt(1_000_000) + "-" + i).regionId("r1")
          .name(PersonName.of("Pat", "P" + i)).build();
      double logOdds = -4 + 8.0 * random.nextInt(distinct) / distinct;
      scores.add(MatchScore.of(c, logOdds, List.of()));
    }
    Collections.shuffle(scores, random);
    List<MatchScore> expected = new ArrayList<>(scores);
    expected.sort(ScoreOrder.BEST_FIRST);

    assertThat(ScoreOrder.bestFirst(scores)).containsExactlyElementsOf(expected);
  }
}
