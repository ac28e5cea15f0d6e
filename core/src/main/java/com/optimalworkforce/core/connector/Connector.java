package com.optimalworkforce.core.connector;

import com.optimalworkforce.core.model.Region;
import java.util.List;
import java.util.Optional;

/**
 * A live connection to one scheduling system. Created by a {@link ConnectorProvider} from a
 * {@link ConnectorConfig}; thread-safe; close it when done.
 *
 * <pre>{@code
 * try (Connector connector = registry.create(config)) {
 *   ConnectionCheck check = connector.testConnection();
 *   if (!check.ok()) { throw new IllegalStateException(check.message()); }
 *   List<Region> regions = connector.listRegions();
 *   Page first = connector.read(ReadRequest.builder(EntityType.CLIENT)
 *       .regions(Set.of(regions.get(0).id())).window(window).build());
 * }
 * }</pre>
 *
 * <p>Methods other than {@link #testConnection()} report failures as {@link ConnectorException}
 * with a {@link ConnectionFailure} category.
 */
public interface Connector extends AutoCloseable {

  /** The id of the provider that made this connector, e.g. {@code alayacare}. */
  String providerId();

  /** Tries the credentials against the source and classifies any failure; never throws. */
  ConnectionCheck testConnection();

  /** The regions (branches, service areas) the credentials can see. */
  List<Region> listRegions();

  /**
   * Reads one page. Reading from the returned page's cursor until there is none returns every
   * matching record exactly once.
   */
  Page read(ReadRequest request);

  Capabilities capabilities();

  /** Write access to the source, where the system and the credentials allow it. */
  default Optional<WriteBack> writeBack() {
    return Optional.empty();
  }

  /** Releases connections and threads. */
  @Override
  default void close() {}
}
