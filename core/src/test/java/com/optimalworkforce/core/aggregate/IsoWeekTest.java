package com.optimalworkforce.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoWeekTest {

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({
      "2026-11-20, 2026-W47, 2026-11-16",
      "2026-11-16, 2026-W47, 2026-11-16",
      "2026-11-22, 2026-W47, 2026-11-16",
      "2026-12-31, 2026-W53, 2026-12-28",
      "2027-01-03, 2026-W53, 2026-12-28",
      "2027-01-04, 2027-W01, 2027-01-04",
      "2024-12-30, 2025-W01, 2024-12-30",
      "1969-12-31, 1970-W01, 1969-12-29",
      "1960-06-01, 1960-W22, 1960-05-30"})
  void weeksRunMondayToSundayOnIsoYears(LocalDate date, String week, LocalDate monday) {
    IsoWeek w = IsoWeek.of(date);
    assertThat(w).hasToString(week);
    assertThat(w.monday()).isEqualTo(monday);
    assertThat(IsoWeek.parse(week)).isEqualTo(w);
  }

  @Test
  void agreesWithJavaTimeOverManyYears() {
    for (LocalDate d = LocalDate.of(1995, 1, 1); d.isBefore(LocalDate.of(2045, 1, 1)); d = d.plusDays(1)) {
      IsoWeek w = IsoWeek.of(d);
      assertThat(w.week()).isEqualTo(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      assertThat(w.weekBasedYear()).isEqualTo(d.get(IsoFields.WEEK_BASED_YEAR));
      assertThat(w.monday().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-47", "2026-W7", "2025-W53", "2026-W00", "W47", "2026-w47"})
  void rejectsWhatIsNotAnIsoWeek(String text) {
    assertThatThrownBy(() -> IsoWeek.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text);
  }
}
