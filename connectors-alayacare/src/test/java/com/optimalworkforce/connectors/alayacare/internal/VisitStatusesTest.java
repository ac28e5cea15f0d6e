package com.optimalworkforce.connectors.alayacare.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.VisitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisitStatusesTest {
  @ParameterizedTest
  @CsvSource({"scheduled, SCHEDULED", "late, SCHEDULED", "vacant, OPEN", "offered, OFFERED", "on_hold, ON_HOLD",
      "clocked, IN_PROGRESS", "completed, COMPLETED", "approved, COMPLETED", "cancelled, CANCELLED", "missed, MISSED",
      "Completed, COMPLETED"})
  void mapsEachOfTheTenStatuses(String alayacare, VisitStatus core) {
    assertThat(VisitStatuses.of(alayacare)).isEqualTo(core);
  }

  @Test
  void coversExactlyTheTenDocumentedStatuses() {
    assertThat(VisitStatuses.TABLE).hasSize(10);
    assertThat(VisitStatuses.of("rescheduled")).isNull();
    assertThat(VisitStatuses.of(null)).isNull();
  }
}
