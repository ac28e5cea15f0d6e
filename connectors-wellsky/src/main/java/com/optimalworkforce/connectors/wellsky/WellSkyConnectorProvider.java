package com.optimalworkforce.connectors.wellsky;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorProvider;
import com.optimalworkforce.core.connector.CredentialField;
import java.util.List;
import java.util.Objects;

/**
 * Provider of the {@link WellSkyConnector}, id {@code wellsky}; listed in
 * {@code META-INF/services} for discovery.
 *
 * <pre>{@code
 * ConnectorConfig config = ConnectorConfig.builder("wellsky")
 *     .setting("dialect", "home-connect")
 *     .setting("clientId", clientId)
 *     .secret("clientSecret", Secret.of(clientSecret))
 *     .setting("zone", "America/Toronto")
 *     .build();
 * Connector connector = ConnectorRegistry.loadDefault().create(config);
 * }</pre>
 */
public final class WellSkyConnectorProvider implements ConnectorProvider {
  /** Setting: {@code fhir-r4} or {@code home-connect}. */
  public static final String DIALECT = "dialect";
  /** Setting: the OAuth 2.0 client id. */
  public static final String CLIENT_ID = "clientId";
  /** Credential: the OAuth 2.0 client secret. */
  public static final String CLIENT_SECRET = "clientSecret";

  @Override
  public String id() {
    return WellSkyConnector.PROVIDER_ID;
  }

  @Override
  public String displayName() {
    return "WellSky";
  }

  @Override
  public List<CredentialField> fields() {
    return List.of(
        CredentialField.setting(DIALECT, "Which WellSky API: 'home-connect' (WellSky Personal Care, formerly ClearCare)"
            + " or 'fhir-r4' (a WellSky FHIR R4 endpoint)", true),
        CredentialField.setting(CLIENT_ID, "The OAuth 2.0 client id WellSky issued for this agency's API access", true),
        CredentialField.secret(CLIENT_SECRET, "The OAuth 2.0 client secret issued with the client id"),
        CredentialField.setting("baseUrl", "FHIR R4: the server's base URL (required). Home Connect: defaults to "
            + WellSkyConnectorConfig.HOME_CONNECT_BASE_URL, false),
        CredentialField.setting("tokenUrl", "FHIR R4: the OAuth 2.0 token endpoint (required). Home Connect: defaults to"
            + " /oauth/accesstoken on the base URL's host", false),
        CredentialField.setting("scope", "The OAuth scope to request, if WellSky asks for one", false),
        CredentialField.setting("zone", "IANA time zone of branches that declare none, e.g. America/Toronto", false),
        CredentialField.setting("regionZones", "Per-branch time zones: 'branch-id=America/Toronto;other=America/Vancouver'",
            false),
        CredentialField.setting("pageSize", "Records per request (Home Connect: at most 100)", false),
        CredentialField.setting("requestsPerSecond", "Client-side rate limit (default 80 for Home Connect, 50 for FHIR)",
            false),
        CredentialField.setting("tls", "'default' (TLS 1.2 and 1.3) or 'tls1.3'", false),
        CredentialField.setting("branchType", "FHIR R4: Organization.type code of branches (default prov)", false),
        CredentialField.setting("unavailabilityLookbackDays", "FHIR R4: how far before a window unavailability may start"
            + " (default 31)", false),
        CredentialField.setting("validateServer", "FHIR R4: read /metadata before the first request (default false)",
            false));
  }

  @Override
  public Connector create(ConnectorConfig config) {
    Objects.requireNonNull(config, "config");
    return WellSkyConnector.create(WellSkyConnectorConfig.from(config));
  }
}
