/**
 * Security building blocks: {@link com.optimalworkforce.core.security.Secret}s that never print
 * themselves, the {@link com.optimalworkforce.core.security.CredentialVault} (AES-256-GCM under
 * host-supplied keys, with rotation), the hash-chained
 * {@link com.optimalworkforce.core.security.AuditLog}, and the
 * {@link com.optimalworkforce.core.security.Redactor} that keeps secrets out of logs and messages.
 *
 * <pre>{@code
 * CredentialVault vault = CredentialVault.create(KeyProvider.ofBase64(Map.of("k1", base64Key), "k1"));
 * byte[] sealed = vault.seal(Secret.of(privateKey), "integration/42/privateKey");
 * AuditLog audit = AuditLog.file(dataDir.resolve("audit.jsonl"), clock);
 * audit.append("credentials.updated", Map.of("integration", "42"));
 * }</pre>
 */
package com.optimalworkforce.core.security;
