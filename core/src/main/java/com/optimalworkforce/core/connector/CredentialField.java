package com.optimalworkforce.core.connector;

import java.util.Objects;

/**
 * A setting or credential a connector needs, so a setup form can be drawn without knowing the
 * connector.
 *
 * <pre>{@code
 * for (CredentialField f : provider.fields()) {
 *   form.add(f.name(), f.description(), f.secret() ? PASSWORD : TEXT, f.required());
 * }
 * }</pre>
 *
 * @param name key in {@link ConnectorConfig} ({@code setting(name)} or {@code secret(name)})
 * @param description what to enter and where to find it
 * @param secret true when the value is a credential, held as a {@link com.optimalworkforce.core.security.Secret}
 * @param required true when the connector cannot work without it
 */
public record CredentialField(String name, String description, boolean secret, boolean required) {

  public CredentialField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }

  public static CredentialField setting(String name, String description, boolean required) {
    return new CredentialField(name, description, false, required);
  }

  public static CredentialField secret(String name, String description) {
    return new CredentialField(name, description, true, true);
  }
}
