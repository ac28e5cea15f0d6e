package com.optimalworkforce.alerts.rules.internal;

import com.optimalworkforce.alerts.rules.Recommendation;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wording schedulers know: "Friday 2 PM", "Thursday evening", "2,150 hours". Not API. */
public final class Phrases {
  private static final String[] DAYS = new String[7];

  static {
    for (DayOfWeek d : DayOfWeek.values()) {
      DAYS[d.ordinal()] = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
  }

  private Phrases() {}

  /** "Monday". */
  public static String day(DayOfWeek day) {
    return DAYS[day.ordinal()];
  }

  /** "Mondays". */
  public static String days(DayOfWeek day) {
    return day(day) + "s";
  }

  /** "2 PM", "2:30 PM", "12 PM" (noon), "12 AM" (midnight). */
  public static String time(ZonedDateTime t) {
    int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    String ampm = t.getHour() < 12 ? "AM" : "PM";
    int m = t.getMinute();
    return m == 0 ? h + " " + ampm : h + (m < 10 ? ":0" : ":") + m + " " + ampm;
  }

  /** "Friday 2 PM". */
  public static String dayTime(ZonedDateTime t) {
    return day(t.getDayOfWeek()) + " " + time(t);
  }

  /** "morning" (5 AM to noon), "afternoon" (to 5 PM), "evening" (to 10 PM), "overnight". */
  public static String partOfDay(ZonedDateTime t) {
    int h = t.getHour();
    if (h >= 5 && h < 12) {
      return "morning";
    } else if (h >= 12 && h < 17) {
      return "afternoon";
    } else if (h >= 17 && h < 22) {
      return "evening";
    }
    return "overnight";
  }

  /** "42", "42.5". */
  public static String hours(double hours) {
    long tenths = Math.round(hours * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
  }

  /** "2,150". */
  public static String thousands(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  /** "4 hours", "1 hour", "45 minutes", "now". */
  public static String duration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes <= 0) {
      return "now";
    }
    if (minutes < 90) {
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    long h = Math.round(minutes / 60.0);
    return h + (h == 1 ? " hour" : " hours");
  }

  /** The caregiver's given name, or a neutral stand-in when the record is missing. */
  public static String caregiver(ScheduleView view, String caregiverId) {
    return view.caregiver(caregiverId).map(Caregiver::name).map(n -> n.informal()).orElse("caregiver " + caregiverId);
  }

  /** The client's formal name ("Mrs. Anderson"), or a neutral stand-in. */
  public static String client(ScheduleView view, String clientId) {
    return view.client(clientId).map(Client::name).map(n -> n.formal()).orElse("client " + clientId);
  }

  /** "Lisa (90%), Rachel (85%), Mike (78%)". */
  public static String labels(List<Recommendation> recs) {
    return recs.stream().map(Recommendation::label).collect(Collectors.joining(", "));
  }
}
