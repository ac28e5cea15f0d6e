package com.optimalworkforce.connectors.alayacare.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrenceExpanderTest {
  static final ZoneId TORONTO = ZoneId.of("America/Toronto");

  private static Instant toronto(String local) {
    return LocalDateTime.parse(local).atZone(TORONTO).toInstant();
  }

  @Test
  void weeklyAllDayKeepsLocalMidnightAcrossTheEndOfDaylightSaving() {
    // Wednesdays from 21 Oct 2026; DST ends Sunday 1 Nov 2026 in Toronto.
    List<RecurrenceExpander.Occurrence> days = RecurrenceExpander.expand(
        "FREQ=WEEKLY;DTSTART=20261021T040000Z;UNTIL=20261111T050000Z;INTERVAL=1;BYDAY=WE;TIMEZONE=America/Toronto",
        true, 0, ZoneId.of("UTC"), Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"));
    assertThat(days).extracting(RecurrenceExpander.Occurrence::start).containsExactly(
        toronto("2026-10-21T00:00"), toronto("2026-10-28T00:00"), toronto("2026-11-04T00:00"),
        toronto("2026-11-11T00:00"));
    assertThat(days.get(2).end()).isEqualTo(toronto("2026-11-05T00:00"));
    assertThat(days.get(1).start()).isEqualTo(Instant.parse("2026-10-28T04:00:00Z"));
    assertThat(days.get(2).start()).isEqualTo(Instant.parse("2026-11-04T05:00:00Z"));
  }

  @Test
  void timedOccurrencesLastTheirDurationAndStayAtTheSameWallClockTime() {
    List<RecurrenceExpander.Occurrence> slots = RecurrenceExpander.expand(
        "FREQ=WEEKLY;DTSTART=20261027T130000Z;INTERVAL=1;BYDAY=TU,TH;TIMEZONE=America/Toronto",
        false, 90, TORONTO, toronto("2026-10-27T00:00"), toronto("2026-11-06T00:00"));
    assertThat(slots).extracting(RecurrenceExpander.Occurrence::start).containsExactly(
        toronto("2026-10-27T09:00"), toronto("2026-10-29T09:00"), toronto("2026-11-03T09:00"),
        toronto("2026-11-05T09:00"));
    assertThat(slots.get(0).end()).isEqualTo(toronto("2026-10-27T10:30"));
  }

  @Test
  void onlyOccurrencesOverlappingTheWindowAreReturned() {
    // Daily from far in the past with no UNTIL: fast-forwarded, then cut at the window's end.
    List<RecurrenceExpander.Occurrence> slots = RecurrenceExpander.expand(
        "FREQ=DAILY;DTSTART=20200130T220000Z;INTERVAL=2;TIMEZONE=America/Toronto",
        false, 180, TORONTO, toronto("2026-11-20T18:00"), toronto("2026-11-24T00:00"));
    // Every other day at 17:00 local for 3 h. 2026-11-20 is 2,486 days (even) after DTSTART, so the
    // series falls on 18, 20 and 22 Nov; the 20 Nov one began before the window but overlaps it.
    assertThat(slots).extracting(RecurrenceExpander.Occurrence::start).containsExactly(
        toronto("2026-11-20T17:00"), toronto("2026-11-22T17:00"));
  }

  @Test
  void monthlyByMonthDayAndFloatingStart() {
    List<RecurrenceExpander.Occurrence> days = RecurrenceExpander.expand(
        "FREQ=MONTHLY;DTSTART=20260108T000000;INTERVAL=1;BYMONTHDAY=8", true, 0, TORONTO,
        toronto("2026-09-01T00:00"), toronto("2026-12-01T00:00"));
    assertThat(days).extracting(RecurrenceExpander.Occurrence::start).containsExactly(
        toronto("2026-09-08T00:00"), toronto("2026-10-08T00:00"), toronto("2026-11-08T00:00"));
  }

  @Test
  void aSingleOccurrenceRule() {
    List<RecurrenceExpander.Occurrence> once = RecurrenceExpander.expand(
        "FREQ=DAILY;DTSTART=20261118T050000Z;UNTIL=20261118T050000Z;INTERVAL=1;TIMEZONE=America/Toronto",
        true, 0, TORONTO, toronto("2026-11-01T00:00"), toronto("2026-12-01T00:00"));
    assertThat(once).extracting(RecurrenceExpander.Occurrence::start).containsExactly(toronto("2026-11-18T00:00"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"FREQ=WEEKLY;INTERVAL=1;BYDAY=MO", "FREQ=SOMETIMES;DTSTART=20261118T050000Z",
      "FREQ=DAILY;DTSTART=yesterday", "FREQ=DAILY;DTSTART=20261118T050000Z;TIMEZONE=Mars/Olympus"})
  void unreadableRulesAreRefusedWithTheReason(String rrule) {
    assertThatThrownBy(() -> RecurrenceExpander.expand(rrule, true, 0, TORONTO, toronto("2026-11-01T00:00"),
        toronto("2026-12-01T00:00"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'");
  }

  @Test
  void aTimedRuleNeedsADuration() {
    assertThatThrownBy(() -> RecurrenceExpander.expand("FREQ=DAILY;DTSTART=20261118T050000Z", false, 0, TORONTO,
        toronto("2026-11-01T00:00"), toronto("2026-12-01T00:00"))).hasMessageContaining("duration must be positive");
  }
}
