/**
 * The storage SPI: where integrations keep their state and where the agency-zone copy of the
 * schedule lives.
 *
 * <pre>{@code
 * IntegrationStore integrations = InMemoryIntegrationStore.create();
 * ScheduleStore schedule = InMemoryScheduleStore.create();
 * SyncEngine engine = SyncEngine.builder("acme-east", connector)
 *     .integrationStore(integrations).scheduleStore(schedule).build();
 * }</pre>
 *
 * <p>{@link com.optimalworkforce.core.store.IntegrationStore} holds each integration's record,
 * sealed credentials, the sync checkpoint and the quarantine;
 * {@link com.optimalworkforce.core.store.ScheduleStore} holds the synced records, tagged with their
 * region and the last sync run that saw them. Hosts may bring their own implementations; the
 * testkit's compatibility kits check them.
 */
package com.optimalworkforce.core.store;
