package com.optimalworkforce.core.connector;

import com.optimalworkforce.core.model.EntityType;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a connector can do, so the sync engine picks the right strategy.
 *
 * <pre>{@code
 * if (!connector.capabilities().serverSideIncremental()) {
 *   // re-read the window and diff content hashes
 * }
 * }</pre>
 *
 * @param serverSideIncremental true when {@link ReadRequest#changedSince()} is honoured for every
 *     stream; false when the engine must re-read the window and compare hashes
 * @param writeBack true when {@link Connector#writeBack()} is present
 * @param entityTypes the streams the connector can read
 */
public record Capabilities(boolean serverSideIncremental, boolean writeBack, Set<EntityType> entityTypes) {

  public Capabilities {
    Objects.requireNonNull(entityTypes, "entityTypes");
    entityTypes = entityTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(entityTypes));
  }

  public static Capabilities of(boolean serverSideIncremental, boolean writeBack, Set<EntityType> entityTypes) {
    return new Capabilities(serverSideIncremental, writeBack, entityTypes);
  }

  public boolean supports(EntityType type) {
    return entityTypes.contains(type);
  }
}
