/**
 * Syncing a source into the agency-zone schedule: the {@link com.optimalworkforce.core.sync.SyncEngine}
 * (paged, checkpointed after every page, incremental, with quarantine), the change events it emits
 * to {@link com.optimalworkforce.core.sync.ChangeListener}s, and progress reporting.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder("acme-east", connector)
 *     .integrationStore(integrationStore).scheduleStore(scheduleStore)
 *     .listener(changes -> changes.forEach(aggregator::apply)).build();
 * SyncReport report = engine.sync(Set.of("toronto-east"));
 * }</pre>
 */
package com.optimalworkforce.core.sync;
