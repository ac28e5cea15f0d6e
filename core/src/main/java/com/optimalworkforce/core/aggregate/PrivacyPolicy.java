package com.optimalworkforce.core.aggregate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.optimalworkforce.core.security.Secret;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How counts are made safe to publish: small-cell suppression with complementary suppression,
 * optional random rounding, and the HIPAA Safe Harbor ZIP3 rule. Immutable; recorded in every
 * {@link AggregateSnapshot} (without the rounding key).
 *
 * <pre>{@code
 * PrivacyPolicy cms = PrivacyPolicy.ofDefaults();          // counts 1-10 hidden, 0 shown
 * PrivacyPolicy strict = PrivacyPolicy.builder()
 *     .suppressionThreshold(20)
 *     .randomRounding(5).roundingKey(Secret.of(storedKey))  // same key every time: stable rounding
 *     .build();
 * }</pre>
 *
 * <p>A policy that rounds needs its rounding key before anything is published under it: publishing
 * fails with a message saying so. {@code Integration} supplies a policy without a key with the
 * integration's own, generated once and kept sealed in its {@code IntegrationStore}.
 *
 * <p>Rules (sources and reasoning in {@code docs/privacy.md}):
 * <ul>
 *   <li><b>Small cells</b>: every published count from 1 to {@link #suppressionThreshold()}
 *       (default 10, the CMS cell-size rule) is hidden; zeros are shown.
 *   <li><b>Complementary suppression</b> (always on): more cells are hidden until no hidden cell can
 *       be worked out from the row, column and regional totals; service hours are hidden wherever
 *       visits are.
 *   <li><b>Random rounding</b> (off by default): every published figure is rounded to a multiple
 *       of the base, up with probability (remainder / base), so it is unbiased. The random choice
 *       is keyed by the {@link Builder#roundingKey rounding key} and the cell, so publishing the
 *       same figure again gives the same rounding and averaging releases reveals nothing. The key
 *       must therefore stay the same for every snapshot of the agency; it is never generated here.
 *   <li><b>Restricted ZIP3s</b>: US areas in {@link #restrictedZip3s()} (default
 *       {@link #HIPAA_RESTRICTED_ZIP3S}) are reported together as {@code 000}.
 * </ul>
 */
@JsonPropertyOrder({"suppressionThreshold", "complementarySuppression", "randomRoundingBase", "restrictedZip3s"})
public final class PrivacyPolicy {
  /** CMS cell-size suppression: counts from 1 to 10 are not published. */
  public static final int DEFAULT_SUPPRESSION_THRESHOLD = 10;

  /**
   * The ZIP3s that HHS lists as covering 20,000 people or fewer (2000 Census), which HIPAA Safe
   * Harbor requires to be reported as {@code 000}.
   */
  public static final Set<String> HIPAA_RESTRICTED_ZIP3S = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
      "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884",
      "890", "893")));

  private static final PrivacyPolicy DEFAULTS = builder().build();

  private final int suppressionThreshold;
  private final int randomRoundingBase;
  private final SortedSet<String> restrictedZip3s;
  private final Secret roundingKey;

  private PrivacyPolicy(Builder b) {
    this.suppressionThreshold = b.suppressionThreshold;
    this.randomRoundingBase = b.randomRoundingBase;
    this.restrictedZip3s = Collections.unmodifiableSortedSet(new TreeSet<>(b.restrictedZip3s));
    this.roundingKey = b.randomRoundingBase == 0 ? null : b.roundingKey;
  }

  /** Counts 1 to 10 hidden, complementary suppression, no rounding, the HIPAA ZIP3 list. */
  public static PrivacyPolicy ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().suppressionThreshold(suppressionThreshold).randomRounding(randomRoundingBase)
        .restrictedZip3s(restrictedZip3s);
    b.roundingKey = roundingKey;
    return b;
  }

  /** Counts from 1 to this value are hidden. */
  @JsonProperty("suppressionThreshold")
  public int suppressionThreshold() {
    return suppressionThreshold;
  }

  /** Always true: cells that would reveal a hidden cell through the totals are hidden too. */
  @JsonProperty("complementarySuppression")
  public boolean complementarySuppression() {
    return true;
  }

  /** The rounding base, or 0 when figures are not rounded. */
  @JsonProperty("randomRoundingBase")
  public int randomRoundingBase() {
    return randomRoundingBase;
  }

  /** ZIP3s reported as {@code 000}. */
  @JsonProperty("restrictedZip3s")
  public SortedSet<String> restrictedZip3s() {
    return restrictedZip3s;
  }

  /**
   * The key of the random rounding: present when rounding is on and a key was given (a policy read
   * back from a snapshot has none). Never published.
   */
  public Optional<Secret> roundingKey() {
    return Optional.ofNullable(roundingKey);
  }

  /** The area a count of {@code area} is published under: {@code 000} for a restricted ZIP3. */
  public GeoArea publishedArea(GeoArea area) {
    Objects.requireNonNull(area, "area");
    return area.kind() == GeoArea.Kind.ZIP3 && restrictedZip3s.contains(area.code()) ? GeoArea.RESTRICTED_ZIP3 : area;
  }

  @JsonCreator
  static PrivacyPolicy fromJson(
      @JsonProperty("suppressionThreshold") int suppressionThreshold,
      @JsonProperty("complementarySuppression") boolean complementarySuppression,
      @JsonProperty("randomRoundingBase") int randomRoundingBase,
      @JsonProperty("restrictedZip3s") Collection<String> restrictedZip3s) {
    if (!complementarySuppression) {
      throw new IllegalArgumentException("complementarySuppression must be true: this SDK always applies it");
    }
    return builder().suppressionThreshold(suppressionThreshold).randomRounding(randomRoundingBase)
        .restrictedZip3s(restrictedZip3s == null ? Set.of() : restrictedZip3s).build();
  }

  /** Equal when the published rules are equal; the rounding key is not compared. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PrivacyPolicy p && p.suppressionThreshold == suppressionThreshold
        && p.randomRoundingBase == randomRoundingBase && p.restrictedZip3s.equals(restrictedZip3s);
  }

  @Override
  public int hashCode() {
    return Objects.hash(suppressionThreshold, randomRoundingBase, restrictedZip3s);
  }

  @Override
  public String toString() {
    return "PrivacyPolicy[suppressionThreshold=" + suppressionThreshold + ", complementarySuppression=true"
        + ", randomRoundingBase=" + randomRoundingBase + ", restrictedZip3s=" + restrictedZip3s + "]";
  }

  /** Builds a {@link PrivacyPolicy}; each setter checks its value. */
  public static final class Builder {
    /** The shortest rounding key accepted. */
    public static final int MIN_KEY_LENGTH = 16;

    private int suppressionThreshold = DEFAULT_SUPPRESSION_THRESHOLD;
    private int randomRoundingBase;
    private Set<String> restrictedZip3s = HIPAA_RESTRICTED_ZIP3S;
    private Secret roundingKey;

    private Builder() {}

    /** Counts from 1 to {@code threshold} are hidden (1 to 1000; default 10). */
    public Builder suppressionThreshold(int threshold) {
      if (threshold < 1 || threshold > 1000) {
        throw new IllegalArgumentException("suppressionThreshold must be between 1 and 1000 but was " + threshold
            + " (10 is the CMS rule)");
      }
      this.suppressionThreshold = threshold;
      return this;
    }

    /** Rounds every published figure to a multiple of {@code base} (2 to 100), or not at all with 0. */
    public Builder randomRounding(int base) {
      if (base != 0 && (base < 2 || base > 100)) {
        throw new IllegalArgumentException("randomRounding base must be 0 (off) or between 2 and 100 but was " + base);
      }
      this.randomRoundingBase = base;
      return this;
    }

    /**
     * The secret that keys the random rounding, at least {@value #MIN_KEY_LENGTH} characters (for
     * example 32 random bytes in hex). Keep it with the agency and reuse it: the same figure is
     * then rounded the same way in every snapshot, after restarts too. Rounding without a key
     * cannot publish; {@code Integration} keeps a key of its own for a policy given without one.
     */
    public Builder roundingKey(Secret key) {
      Objects.requireNonNull(key, "key");
      int length = key.reveal().length();
      if (length < MIN_KEY_LENGTH) {
        throw new IllegalArgumentException("roundingKey must have at least " + MIN_KEY_LENGTH + " characters but had "
            + length + ": a short key can be guessed, and with it the direction of every rounding. Use, for"
            + " example, 32 random bytes in hex, kept with the agency.");
      }
      this.roundingKey = key;
      return this;
    }

    /** ZIP3s to report as {@code 000} (default {@link PrivacyPolicy#HIPAA_RESTRICTED_ZIP3S}). */
    public Builder restrictedZip3s(Collection<String> zip3s) {
      Objects.requireNonNull(zip3s, "zip3s");
      Set<String> copy = new TreeSet<>();
      for (String z : zip3s) {
        if (z == null || !z.matches("\\d{3}") || z.equals("000")) {
          throw new IllegalArgumentException("restrictedZip3s: '" + z + "' is not a ZIP3 (three digits, not 000)");
        }
        copy.add(z);
      }
      this.restrictedZip3s = copy;
      return this;
    }

    public PrivacyPolicy build() {
      return new PrivacyPolicy(this);
    }
  }
}
