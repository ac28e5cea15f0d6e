package com.optimalworkforce.connectors.wellsky.internal;

import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import java.util.List;
import java.util.Set;

/** One dialect's way of talking to WellSky. Methods throw classified ConnectorExceptions. Not API. */
public interface WellSkyTransport extends AutoCloseable {

  /** The host named in messages. */
  String host();

  /** The regions, fresh from the source. */
  List<Region> regions();

  /** One page of the request's stream; region ids in the request are known to {@code regions}. */
  Page read(ReadRequest request, RegionDirectory regions);

  /** Assigns a caregiver to a visit, refusing with a WriteConflictException when it changed meanwhile. */
  void assignCaregiver(String visitId, String caregiverId);

  Set<EntityType> streams();

  boolean serverSideIncremental();

  @Override
  void close();
}
