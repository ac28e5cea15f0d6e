package com.optimalworkforce.alerts.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatchConfigTest {

  @Test
  void defaultsHoldTheBuiltInFactorsAtTheirDefaultWeights() {
    MatchConfig c = MatchConfig.ofDefaults();
    assertThat(c.factors()).extracting(MatchFactor::id).containsExactly(MatchFactors.ACCEPTANCE,
        MatchFactors.CLIENT_CONTINUITY, MatchFactors.WEEKDAY_CONTINUITY, MatchFactors.RELIABILITY,
        MatchFactors.OVERTIME_COST, MatchFactors.DISTANCE);
    assertThat(c.weight(MatchFactors.ACCEPTANCE)).isEqualTo(1.0);
    assertThat(c.overtimeCapHours()).isEqualTo(48);
    assertThat(c.payWeekStart()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(c.sameService()).isFalse();
  }

  @Test
  void toBuilderKeepsEverythingAndChangesOnlyWhatIsSet() {
    MatchConfig a = MatchConfig.builder().weight(MatchFactors.DISTANCE, 1.5).payWeekStart(DayOfWeek.SUNDAY).build();
    MatchConfig b = a.toBuilder().overtimeCapHours(40).build();
    assertThat(b.weight(MatchFactors.DISTANCE)).isEqualTo(1.5);
    assertThat(b.payWeekStart()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(b.overtimeCapHours()).isEqualTo(40);
    assertThat(a.overtimeCapHours()).isEqualTo(48);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, 169, Double.NaN})
  void aBadOvertimeCapIsRefusedWithTheValue(double hours) {
    assertThatThrownBy(() -> MatchConfig.builder().overtimeCapHours(hours))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overtimeCapHours")
        .hasMessageContaining(String.valueOf(hours));
  }

  @Test
  void aWeightMustBeFiniteAndForAConfiguredFactor() {
    assertThatThrownBy(() -> MatchConfig.builder().weight(MatchFactors.DISTANCE, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    assertThatThrownBy(() -> MatchConfig.builder().weight("distanse", 1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'distanse'")
        .hasMessageContaining("distance");
    assertThatThrownBy(() -> MatchConfig.ofDefaults().weight("nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No factor 'nope'");
  }

  @Test
  void factorIdsMustBeUnique() {
    assertThatThrownBy(() -> MatchConfig.builder().addFactor(MatchFactors.distance(1, 10)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Two factors have the id 'distance'");
  }

  @Test
  void factorsCanBeReplacedRemovedAndAdded() {
    MatchFactor custom = MatchFactor.of("language", "Speaks the client's language", 0.7,
        ctx -> FactorSignal.neutral());
    MatchConfig c = MatchConfig.builder().factors(List.of(MatchFactors.acceptance(), MatchFactors.distance()))
        .removeFactor(MatchFactors.DISTANCE).addFactor(custom).build();
    assertThat(c.factors()).extracting(MatchFactor::id).containsExactly(MatchFactors.ACCEPTANCE, "language");
    assertThat(c.weight("language")).isEqualTo(0.7);
  }

  @Test
  void builtInFactorParametersAreChecked() {
    assertThatThrownBy(() -> MatchFactors.distance(10, 5)).hasMessageContaining("neutralKm=10.0, maxKm=5.0");
    assertThatThrownBy(() -> MatchFactors.weekdayContinuity(0)).hasMessageContaining("but was 0");
    assertThatThrownBy(() -> MatchFactors.reliability(Duration.ofHours(1))).hasMessageContaining("PT1H");
    assertThatThrownBy(() -> MatchFactors.overtimeCost(0.5)).hasMessageContaining("0.5");
  }
}
