package com.optimalworkforce.connectors.alayacare;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorProvider;
import com.optimalworkforce.core.connector.CredentialField;
import java.util.List;
import java.util.Objects;

/**
 * Makes {@link AlayaCareConnector}s; id {@code alayacare}. Listed in
 * {@code META-INF/services/com.optimalworkforce.core.connector.ConnectorProvider}.
 *
 * <pre>{@code
 * Connector connector = ConnectorRegistry.loadDefault().create(ConnectorConfig.builder("alayacare")
 *     .setting("tenant", "example")
 *     .secret("publicKey", Secret.of(publicKey))
 *     .secret("privateKey", Secret.of(privateKey))
 *     .build());
 * }</pre>
 */
public final class AlayaCareConnectorProvider implements ConnectorProvider {
  public static final String ID = "alayacare";
  public static final String TENANT = "tenant";
  public static final String ENVIRONMENT = "environment";
  public static final String DOMAIN = "domain";
  public static final String BASE_URL = "baseUrl";
  public static final String PUBLIC_KEY = "publicKey";
  public static final String PRIVATE_KEY = "privateKey";
  public static final String PAGE_SIZE = "pageSize";
  public static final String CONCURRENCY = "concurrency";
  public static final String RATE_LIMIT = "rateLimit";
  public static final String DEFAULT_ZONE = "defaultZone";
  public static final String CALL_OUT_CODES = "callOutCodes";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "AlayaCare";
  }

  @Override
  public List<CredentialField> fields() {
    return List.of(
        CredentialField.setting(TENANT, "The agency's AlayaCare subdomain: 'example' for https://example.alayacare.ca"
            + " (or set baseUrl instead)", false),
        CredentialField.setting(ENVIRONMENT, "Leave empty for production; 'uat' or 'staging' for a test tenant", false),
        CredentialField.setting(DOMAIN, "'ca' (default) or 'com', as in the agency's AlayaCare address", false),
        CredentialField.setting(BASE_URL, "The full AlayaCare address instead of a tenant, e.g."
            + " https://example.alayacare.ca", false),
        CredentialField.secret(PUBLIC_KEY, "The public key of the AlayaCare External API key pair (the Basic user name)"),
        CredentialField.secret(PRIVATE_KEY, "The private key of the AlayaCare External API key pair (the Basic password)"),
        CredentialField.setting(PAGE_SIZE, "Items per list request, 1 to 1000 (default 100)", false),
        CredentialField.setting(CONCURRENCY, "Per-record requests in flight at once, 1 to 32 (default 4)", false),
        CredentialField.setting(RATE_LIMIT, "Most requests a second to send (default 10)", false),
        CredentialField.setting(DEFAULT_ZONE, "Time zone of branches whose clients and employees have none (default"
            + " America/Toronto)", false),
        CredentialField.setting(CALL_OUT_CODES, "Comma-separated cancel codes that mean the caregiver cancelled;"
            + " CODE* matches a prefix (default EMP*)", false));
  }

  @Override
  public Connector create(ConnectorConfig config) {
    Objects.requireNonNull(config, "config");
    if (!ID.equals(config.connectorId())) {
      throw new IllegalArgumentException("This provider makes '" + ID + "' connectors, not '" + config.connectorId() + "'");
    }
    return AlayaCareConnector.create(AlayaCareConnectorConfig.from(config));
  }
}
