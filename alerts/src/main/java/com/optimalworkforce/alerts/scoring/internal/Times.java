package com.optimalworkforce.alerts.scoring.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Local-time phrases for exclusion details: "Fri 20 Nov 08:00-16:00". */
final class Times {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private Times() {}

  static String span(long startSec, long endSec, ZoneId zone) {
    ZonedDateTime s = Instant.ofEpochSecond(startSec).atZone(zone);
    ZonedDateTime e = Instant.ofEpochSecond(endSec).atZone(zone);
    String text = DAY.format(s) + " " + TIME.format(s) + "-";
    return s.toLocalDate().equals(e.toLocalDate()) ? text + TIME.format(e) : text + DAY.format(e) + " " + TIME.format(e);
  }

  static String date(long sec, ZoneId zone) {
    return DAY.format(Instant.ofEpochSecond(sec).atZone(zone));
  }
}
