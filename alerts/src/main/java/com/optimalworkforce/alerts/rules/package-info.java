/**
 * Alert rules: the {@link com.optimalworkforce.alerts.rules.AlertRule} SPI, what a rule returns
 * ({@link com.optimalworkforce.alerts.rules.Alert}), and the seven built-in scheduling rules.
 *
 * <pre>{@code
 * List<AlertRule> pilot = List.of(UnfilledShiftRule.builder().horizon(Duration.ofHours(12)).build());
 * List<Alert> alerts = pilot.get(0).evaluate(index, clock, Scope.all());
 * }</pre>
 */
package com.optimalworkforce.alerts.rules;
