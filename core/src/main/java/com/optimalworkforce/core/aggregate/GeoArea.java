package com.optimalworkforce.core.aggregate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A generalized postal area, the finest geography that may leave the agency: a Canadian forward
 * sortation area ({@code M4A}), a US ZIP3 ({@code 606}), the HIPAA "restricted" ZIP3 bucket
 * {@code 000}, or {@link #UNKNOWN} for a missing or malformed code.
 *
 * <pre>{@code
 * GeoArea.of("m4a 1b2");     // M4A (case and spaces normalized)
 * GeoArea.of("60614-1234");  // 606
 * GeoArea.of("D1A 1A1");     // UNKNOWN: no FSA starts with D
 * GeoArea.of(null).isUnknown(); // true: counted as UNKNOWN, never dropped
 * }</pre>
 *
 * <p>Canadian codes are accepted as {@code A1A 1A1} (any case, any spacing) or as a bare FSA
 * {@code A1A}; letters follow Canada Post's rules (no D, F, I, O, Q or U anywhere, no W or Z in
 * first position). US codes are accepted as {@code 12345}, {@code 12345-6789} or {@code 123456789}.
 * Anything else, including the non-existent ZIP3 {@code 000}, is {@link #UNKNOWN}. Restricted ZIP3s
 * are reported as {@code 000} when a snapshot is published ({@link PrivacyPolicy#restrictedZip3s()}),
 * not here: the agency-zone counts keep the real ZIP3 so the list can change.
 */
public final class GeoArea implements Comparable<GeoArea> {

  /** What kind of area a code is. */
  public enum Kind {
    /** Canadian forward sortation area: letter, digit, letter. */
    FSA,
    /** First three digits of a US ZIP code ({@code 000}: the restricted bucket). */
    ZIP3,
    /** Missing or malformed postal code. */
    UNKNOWN
  }

  /** First letters of a Canadian postal code. */
  static final String FIRST_LETTERS = "ABCEGHJKLMNPRSTVXY";
  /** Letters allowed in the other letter positions. */
  static final String OTHER_LETTERS = "ABCEGHJKLMNPRSTVWXYZ";

  private static final int FSA_COUNT = FIRST_LETTERS.length() * 10 * OTHER_LETTERS.length();
  private static final int ZIP3_BASE = FSA_COUNT;
  private static final int UNKNOWN_ID = ZIP3_BASE + 1000;
  /** Number of distinct areas; ids run from 0 to {@code ID_COUNT - 1}. */
  static final int ID_COUNT = UNKNOWN_ID + 1;

  private static final int[] FIRST_INDEX = letterIndex(FIRST_LETTERS);
  private static final int[] OTHER_INDEX = letterIndex(OTHER_LETTERS);
  private static final GeoArea[] BY_ID = new GeoArea[ID_COUNT];

  static {
    for (int id = 0; id < ID_COUNT; id++) {
      BY_ID[id] = new GeoArea(id, codeOf(id));
    }
  }

  /** The area of missing or malformed postal codes. */
  public static final GeoArea UNKNOWN = BY_ID[UNKNOWN_ID];
  /** The bucket HIPAA Safe Harbor requires for ZIP3s of 20,000 people or fewer. */
  public static final GeoArea RESTRICTED_ZIP3 = BY_ID[ZIP3_BASE];

  private final int id;
  private final String code;

  private GeoArea(int id, String code) {
    this.id = id;
    this.code = code;
  }

  /**
   * Generalizes a postal code or ZIP as a source holds it; never fails: a missing or malformed
   * code gives {@link #UNKNOWN}.
   */
  public static GeoArea of(String postalCode) {
    return BY_ID[idOf(postalCode)];
  }

  /**
   * The area with this generalized code, as {@link #code()} prints it ({@code M4A}, {@code 606},
   * {@code 000}, {@code UNKNOWN}).
   *
   * @throws IllegalArgumentException if the code is not a generalized area code
   */
  @JsonCreator
  public static GeoArea parse(String code) {
    Objects.requireNonNull(code, "code");
    if (code.equals(UNKNOWN.code)) {
      return UNKNOWN;
    }
    if (code.equals(RESTRICTED_ZIP3.code)) {
      return RESTRICTED_ZIP3;
    }
    if (code.length() == 3) {
      int id = idOf(code);
      if (id != UNKNOWN_ID && BY_ID[id].code.equals(code)) {
        return BY_ID[id];
      }
      if (isDigit(code.charAt(0)) && isDigit(code.charAt(1)) && isDigit(code.charAt(2))) {
        return BY_ID[ZIP3_BASE + Integer.parseInt(code)];
      }
    }
    throw new IllegalArgumentException("'" + code + "' is not a generalized area code: expected a Canadian FSA "
        + "such as M4A, a ZIP3 such as 606, 000 or UNKNOWN");
  }

  /** The printed code: {@code M4A}, {@code 606}, {@code 000} or {@code UNKNOWN}. */
  @JsonValue
  public String code() {
    return code;
  }

  public Kind kind() {
    if (id < ZIP3_BASE) {
      return Kind.FSA;
    }
    return id == UNKNOWN_ID ? Kind.UNKNOWN : Kind.ZIP3;
  }

  public boolean isUnknown() {
    return id == UNKNOWN_ID;
  }

  /** A dense id in {@code [0, ID_COUNT)}, for array-indexed folds. */
  int id() {
    return id;
  }

  static GeoArea byId(int id) {
    return BY_ID[id];
  }

  @Override
  public int compareTo(GeoArea other) {
    return Integer.compare(id, other.id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeoArea other && other.id == id;
  }

  @Override
  public int hashCode() {
    return id;
  }

  @Override
  public String toString() {
    return code;
  }

  // ------------------------------------------------------------------ parsing without allocation

  /** The dense id of a raw postal code; allocation-free because the fold calls it per record. */
  static int idOf(String s) {
    if (s == null) {
      return UNKNOWN_ID;
    }
    // Fast paths for the forms sources usually hold ("M4A 1B2", "60614"); anything else, or a
    // fast path that does not match, goes through the general parser.
    int len = s.length();
    if (len == 7 && s.charAt(3) == ' ') {
      char d1 = s.charAt(4);
      char d2 = s.charAt(6);
      if (isDigit(d1) && isDigit(d2) && other(s.charAt(5)) >= 0) {
        int id = fsa(s.charAt(0), s.charAt(1), s.charAt(2));
        if (id != UNKNOWN_ID) {
          return id;
        }
      }
    } else if (len == 5) {
      char a = s.charAt(0);
      char b = s.charAt(1);
      char c = s.charAt(2);
      if (digits5(a, b, c, s.charAt(3), s.charAt(4))) {
        return zip3(a, b, c);
      }
    }
    return parse(s, len);
  }

  private static int parse(String s, int len) {
    int n = 0;
    char c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0, c8 = 0, c9 = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) { // spaces of any kind, no-break ones too
        continue;
      }
      if (c >= 'a' && c <= 'z') {
        c = (char) (c - ('a' - 'A'));
      }
      switch (n) {
        case 0 -> c0 = c;
        case 1 -> c1 = c;
        case 2 -> c2 = c;
        case 3 -> c3 = c;
        case 4 -> c4 = c;
        case 5 -> c5 = c;
        case 6 -> c6 = c;
        case 7 -> c7 = c;
        case 8 -> c8 = c;
        case 9 -> c9 = c;
        default -> {
          return UNKNOWN_ID;
        }
      }
      n++;
    }
    switch (n) {
      case 3:
        return fsa(c0, c1, c2);
      case 6:
        if (isDigit(c3) && other(c4) >= 0 && isDigit(c5)) {
          return fsa(c0, c1, c2);
        }
        return UNKNOWN_ID;
      case 5:
        return digits5(c0, c1, c2, c3, c4) ? zip3(c0, c1, c2) : UNKNOWN_ID;
      case 9:
        return digits5(c0, c1, c2, c3, c4) && digits4(c5, c6, c7, c8) ? zip3(c0, c1, c2) : UNKNOWN_ID;
      case 10:
        return digits5(c0, c1, c2, c3, c4) && c5 == '-' && digits4(c6, c7, c8, c9) ? zip3(c0, c1, c2) : UNKNOWN_ID;
      default:
        return UNKNOWN_ID;
    }
  }

  private static int fsa(char a, char d, char b) {
    int first = a < 128 ? FIRST_INDEX[a] : -1;
    int third = other(b);
    if (first < 0 || !isDigit(d) || third < 0) {
      return UNKNOWN_ID;
    }
    return (first * 10 + (d - '0')) * OTHER_LETTERS.length() + third;
  }

  private static int zip3(char a, char b, char c) {
    int z = (a - '0') * 100 + (b - '0') * 10 + (c - '0');
    return z == 0 ? UNKNOWN_ID : ZIP3_BASE + z;
  }

  private static int other(char c) {
    return c < 128 ? OTHER_INDEX[c] : -1;
  }

  private static boolean digits5(char a, char b, char c, char d, char e) {
    return isDigit(a) && isDigit(b) && isDigit(c) && isDigit(d) && isDigit(e);
  }

  private static boolean digits4(char a, char b, char c, char d) {
    return isDigit(a) && isDigit(b) && isDigit(c) && isDigit(d);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int[] letterIndex(String letters) {
    int[] index = new int[128];
    java.util.Arrays.fill(index, -1);
    for (int i = 0; i < letters.length(); i++) {
      index[letters.charAt(i)] = i;
    }
    return index;
  }

  private static String codeOf(int id) {
    if (id == UNKNOWN_ID) {
      return "UNKNOWN";
    }
    if (id >= ZIP3_BASE) {
      return String.format("%03d", id - ZIP3_BASE);
    }
    int third = id % OTHER_LETTERS.length();
    int rest = id / OTHER_LETTERS.length();
    return "" + FIRST_LETTERS.charAt(rest / 10) + (char) ('0' + rest % 10) + OTHER_LETTERS.charAt(third);
  }
}
