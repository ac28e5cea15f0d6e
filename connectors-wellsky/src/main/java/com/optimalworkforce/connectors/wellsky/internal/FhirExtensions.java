package com.optimalworkforce.connectors.wellsky.internal;

/** Extension URLs and code systems the mapping reads and writes. Not API. */
public final class FhirExtensions {
  /** IANA time zone code ("America/Toronto"), FHIR extensions pack. */
  public static final String TIMEZONE = "http://hl7.org/fhir/StructureDefinition/timezone";
  /** The R4-era name of the same extension. */
  public static final String TZ_CODE = "http://hl7.org/fhir/StructureDefinition/tz-code";
  /** Latitude/longitude of an address, R4 core extension with {@code latitude}/{@code longitude}. */
  public static final String GEOLOCATION = "http://hl7.org/fhir/StructureDefinition/geolocation";
  /** Organization types; branches are {@code prov} (healthcare provider). */
  public static final String ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";

  private FhirExtensions() {}
}
