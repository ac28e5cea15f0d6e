/**
 * AlayaCare connector: reads branches, clients, employees, visits, unavailability and call-outs
 * from AlayaCare's External REST API, and assigns caregivers to vacant visits.
 *
 * <pre>{@code
 * Connector connector = AlayaCareConnector.create(AlayaCareConnectorConfig.builder()
 *     .tenant("example").publicKey(Secret.of(pub)).privateKey(Secret.of(priv)).build());
 * ConnectionCheck check = connector.testConnection();
 * }</pre>
 */
package com.optimalworkforce.connectors.alayacare;
