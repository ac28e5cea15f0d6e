package com.optimalworkforce.core.model;

/**
 * A latitude/longitude in decimal degrees (WGS 84).
 *
 * <pre>{@code
 * GeoPoint home = GeoPoint.of(43.7315, -79.3125);
 * double km = home.distanceKm(GeoPoint.of(43.6532, -79.3832));
 * }</pre>
 */
public record GeoPoint(double latitude, double longitude) {
  private static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("GeoPoint: latitude " + latitude + " is outside [-90, 90]");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("GeoPoint: longitude " + longitude + " is outside [-180, 180]");
    }
  }

  public static GeoPoint of(double latitude, double longitude) {
    return new GeoPoint(latitude, longitude);
  }

  /** Great-circle (haversine) distance in kilometres. */
  public double distanceKm(GeoPoint other) {
    double lat1 = Math.toRadians(latitude);
    double lat2 = Math.toRadians(other.latitude);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(other.longitude - longitude);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** Coordinates can locate a home; they are redacted to 2 decimals (about 1 km) in text. */
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "GeoPoint[~%.2f, ~%.2f]", latitude, longitude);
  }
}
