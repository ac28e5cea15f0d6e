/**
 * The connector SPI: how the SDK talks to a scheduling system.
 *
 * <pre>{@code
 * ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader());
 * try (Connector connector = registry.create(config)) {
 *   ConnectionCheck check = connector.testConnection();
 *   List<Region> regions = connector.listRegions();
 * }
 * }</pre>
 *
 * <p>A connector reads one {@link com.optimalworkforce.core.model.EntityType stream} at a time in
 * {@link com.optimalworkforce.core.connector.Page pages}; each page ends with a
 * {@link com.optimalworkforce.core.connector.SyncCursor} that resumes right after it. Failures are
 * {@link com.optimalworkforce.core.connector.ConnectorException}s classified by
 * {@link com.optimalworkforce.core.connector.ConnectionFailure}.
 */
package com.optimalworkforce.core.connector;
