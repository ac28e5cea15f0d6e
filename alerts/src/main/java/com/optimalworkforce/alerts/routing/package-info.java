/**
 * Who hears about which alert, and how: {@link com.optimalworkforce.alerts.routing.AlertRouting}
 * of {@link com.optimalworkforce.alerts.routing.Route}s to
 * {@link com.optimalworkforce.alerts.routing.Recipient}s, channels chosen by severity.
 *
 * <pre>{@code
 * AlertRouting routing = AlertRouting.builder()
 *     .route(Route.builder().region("toronto-east").to(eastSchedulers).build()).build();
 * }</pre>
 */
package com.optimalworkforce.alerts.routing;
