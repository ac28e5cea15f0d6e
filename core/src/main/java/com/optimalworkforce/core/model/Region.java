package com.optimalworkforce.core.model;

import com.optimalworkforce.core.model.internal.ContentHasher;
import java.time.ZoneId;

/**
 * A branch or service area of the agency: the unit a scheduler works in and the unit a host
 * selects when it connects a source. Local reasoning (weekdays, "Friday 2 PM", pay weeks) uses
 * its {@link #zone()}.
 *
 * <pre>{@code
 * Region east = Region.of("toronto-east", "Toronto East", ZoneId.of("America/Toronto"));
 * }</pre>
 */
public record Region(String id, String name, ZoneId zone) {

  public Region {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("Region: id is missing");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Region '" + id + "': name is missing");
    }
    if (zone == null) {
      throw new IllegalArgumentException("Region '" + id + "': zone is missing");
    }
  }

  public static Region of(String id, String name, ZoneId zone) {
    return new Region(id, name, zone);
  }

  /** A stable hash of the region's fields. */
  public String contentHash() {
    return ContentHasher.of("Region").add(id).add(name).add(zone.getId()).hex();
  }
}
