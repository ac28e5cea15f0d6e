/**
 * Where alerts are kept: the {@link com.optimalworkforce.alerts.store.AlertStore} SPI (in memory by
 * default), the {@link com.optimalworkforce.alerts.store.AlertRecord} of each alert episode with
 * its deliveries, and {@link com.optimalworkforce.alerts.store.AlertQuery} for the dashboard feed.
 *
 * <pre>{@code
 * List<AlertRecord> feed = store.query(AlertQuery.builder().region("toronto-east").openOnly(true).build());
 * }</pre>
 */
package com.optimalworkforce.alerts.store;
