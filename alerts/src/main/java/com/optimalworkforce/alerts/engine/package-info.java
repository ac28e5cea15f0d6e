/**
 * The alert engine: runs the enabled rules on a schedule and after each sync, de-duplicates and
 * escalates, routes, delivers with retries, audits and stores.
 *
 * <pre>{@code
 * AlertEngine engine = AlertEngine.builder(index, clock).rules(BuiltInRules.all(backups))
 *     .routing(routing).notifier(sms).notifier(email).notifier(dashboard).auditLog(audit).build();
 * syncEngineListeners.add(engine);
 * engine.start(Duration.ofMinutes(5));
 * }</pre>
 */
package com.optimalworkforce.alerts.engine;
