/**
 * Security building blocks: secrets that never print themselves, and (in later releases of this
 * package) the credential vault, the audit log and the TLS policy.
 *
 * <pre>{@code
 * ConnectorConfig config = ConnectorConfig.builder("alayacare")
 *     .secret("privateKey", Secret.of(privateKey))
 *     .build();
 * }</pre>
 */
package com.optimalworkforce.core.security;
