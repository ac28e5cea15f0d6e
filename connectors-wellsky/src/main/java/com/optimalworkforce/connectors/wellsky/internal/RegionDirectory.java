package com.optimalworkforce.connectors.wellsky.internal;

import com.optimalworkforce.core.model.Region;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The regions a connector has seen, by id, loaded on first use and reloaded when asked about an
 * unknown one (a branch added since). Thread-safe. Not API.
 */
public final class RegionDirectory {
  private final Supplier<List<Region>> source;
  private volatile Map<String, Region> byId;

  public RegionDirectory(Supplier<List<Region>> source) {
    this.source = source;
  }

  /** Fresh from the source. */
  public synchronized List<Region> reload() {
    List<Region> regions = source.get();
    Map<String, Region> map = new LinkedHashMap<>();
    regions.forEach(r -> map.put(r.id(), r));
    byId = map;
    return regions;
  }

  /** The region, reloading once if it is not known yet; null when the source has no such region. */
  public Region get(String id) {
    Map<String, Region> map = byId;
    if (map == null || (!map.containsKey(id) && id != null)) {
      reload();
      map = byId;
    }
    return map.get(id);
  }

  /** The region if it is known now, without reloading. */
  public Region known(String id) {
    Map<String, Region> map = byId;
    if (map == null) {
      reload();
      map = byId;
    }
    return map.get(id);
  }
}
