package com.optimalworkforce.connectors.wellsky;

import java.util.Locale;

/**
 * Which WellSky API a connector speaks.
 *
 * <pre>{@code
 * WellSkyConnectorConfig config = WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
 *     .clientId(clientId).clientSecret(secret).build();
 * WellSkyDialect.fromSetting("fhir-r4"); // FHIR_R4
 * }</pre>
 */
public enum WellSkyDialect {
  /** Standard FHIR R4 (WellSky FHIR endpoints, or any FHIR R4 scheduling server). */
  FHIR_R4("fhir-r4", "FHIR R4"),
  /** WellSky Personal Care's Home Connect API: FHIR-flavoured JSON behind a gateway. */
  HOME_CONNECT("home-connect", "Home Connect");

  private final String setting;
  private final String displayName;

  WellSkyDialect(String setting, String displayName) {
    this.setting = setting;
    this.displayName = displayName;
  }

  /** The value of the {@code dialect} setting, e.g. {@code home-connect}. */
  public String setting() {
    return setting;
  }

  /** A name for messages, e.g. "Home Connect". */
  public String displayName() {
    return displayName;
  }

  /**
   * The dialect of a {@code dialect} setting value.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static WellSkyDialect fromSetting(String value) {
    if (value != null) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      for (WellSkyDialect d : values()) {
        if (d.setting.equals(v)) {
          return d;
        }
      }
    }
    throw new IllegalArgumentException("Connector 'wellsky': setting 'dialect' must be 'fhir-r4' or 'home-connect' but was '"
        + value + "'");
  }
}
