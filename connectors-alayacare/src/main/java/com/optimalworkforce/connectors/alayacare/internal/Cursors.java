package com.optimalworkforce.connectors.alayacare.internal;

import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.SyncCursor;
import com.optimalworkforce.core.model.EntityType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Cursor tokens: {@code ac1;<stream>;<read key>;name=value;...}. The read key ties a cursor to
 * the stream, regions and window it was issued for, so it cannot resume a different read; the
 * values say where the next page starts (branch, time slice, last id, page) and nothing lives
 * in the connector, so a new instance resumes from it. Not API.
 */
public final class Cursors {
  private static final String VERSION = "ac1";

  private Cursors() {}

  /** A key of the read a cursor belongs to. */
  public static String readKey(ReadRequest r) {
    String s = r.type() + "|" + new TreeSet<>(r.regionIds()) + "|" + r.window().from() + "|" + r.window().to();
    return Integer.toHexString(s.hashCode());
  }

  public static SyncCursor encode(ReadRequest r, Map<String, Long> values) {
    StringBuilder b = new StringBuilder(VERSION).append(';').append(r.type()).append(';').append(readKey(r));
    values.forEach((k, v) -> b.append(';').append(k).append('=').append(v));
    return SyncCursor.of(b.toString());
  }

  /**
   * The values of the request's cursor, or an empty map when it has none.
   *
   * @throws IllegalArgumentException when the cursor was issued for another read or is malformed
   */
  public static Map<String, Long> decode(ReadRequest r) {
    if (r.cursor() == null) {
      return Map.of();
    }
    String token = r.cursor().token();
    String[] parts = token.split(";");
    if (parts.length < 3 || !parts[0].equals(VERSION) || !parts[1].equals(r.type().name())) {
      throw new IllegalArgumentException("Cursor '" + token + "' was not issued by the AlayaCare connector for the "
          + r.type() + " stream; start the read again without a cursor");
    }
    if (!parts[2].equals(readKey(r))) {
      throw new IllegalArgumentException("Cursor '" + token + "' was issued for other regions or another window than"
          + " this " + r.type() + " read; start the read again without a cursor");
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 3; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      try {
        out.put(parts[i].substring(0, eq), Long.parseLong(parts[i].substring(eq + 1)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Cursor '" + token + "' is malformed at '" + parts[i]
            + "'; start the read again without a cursor", e);
      }
    }
    return out;
  }

  static long get(Map<String, Long> values, String name, long dflt) {
    Long v = values.get(name);
    return v == null ? dflt : v;
  }

  static EntityType type(ReadRequest r) {
    return Objects.requireNonNull(r.type());
  }
}
