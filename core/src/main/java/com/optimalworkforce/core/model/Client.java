package com.optimalworkforce.core.model;

import static com.optimalworkforce.core.model.internal.Checks.checkId;
import static com.optimalworkforce.core.model.internal.Checks.optionalText;
import static com.optimalworkforce.core.model.internal.Checks.required;
import static com.optimalworkforce.core.model.internal.Checks.requiredText;
import static com.optimalworkforce.core.model.internal.Checks.textSet;

import com.optimalworkforce.core.model.internal.ContentHasher;
import java.util.Set;

/**
 * A person who receives care. Personal data: stays in the agency zone; {@link #toString()} leaves
 * out the name, address, postal code and location.
 *
 * <pre>{@code
 * Client client = Client.builder()
 *     .id("C-7").regionId("toronto-east").name(PersonName.of("Ruth", "Anderson", "Mrs."))
 *     .postalCode("M4A 1B2").active(true)
 *     .build();
 * }</pre>
 *
 * @param id the client's id in the source system
 * @param regionId the branch the client belongs to
 * @param name the client's name
 * @param postalCode full postal code or ZIP as the source holds it, or {@code null}; generalized
 *     before anything leaves the agency
 * @param address street address, or {@code null}
 * @param location coordinates of the home, or {@code null}
 * @param active whether the client currently receives service
 * @param blockedCaregiverIds caregivers the client must not be sent
 */
public record Client(
    String id,
    String regionId,
    PersonName name,
    String postalCode,
    String address,
    GeoPoint location,
    boolean active,
    Set<String> blockedCaregiverIds) implements SourceRecord {

  public Client {
    checkId(EntityType.CLIENT, id);
    requiredText(EntityType.CLIENT, id, "regionId", regionId);
    required(EntityType.CLIENT, id, "name", name);
    postalCode = optionalText(postalCode);
    address = optionalText(address);
    blockedCaregiverIds = textSet(EntityType.CLIENT, id, "blockedCaregiverIds", blockedCaregiverIds);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().id(id).regionId(regionId).name(name).postalCode(postalCode).address(address)
        .location(location).active(active).blockedCaregiverIds(blockedCaregiverIds);
  }

  @Override
  public EntityType type() {
    return EntityType.CLIENT;
  }

  @Override
  public String contentHash() {
    return ContentHasher.of("Client").add(id).add(regionId)
        .add(name.given()).add(name.family()).add(name.prefix())
        .add(postalCode).add(address)
        .add(location == null ? null : location.latitude() + "," + location.longitude())
        .add(active).addSorted(blockedCaregiverIds).hex();
  }

  @Override
  public String toString() {
    return "Client[id=" + id + ", regionId=" + regionId + ", active=" + active + "]";
  }

  /** Builds a {@link Client}; {@link #build()} validates. */
  public static final class Builder {
    private String id;
    private String regionId;
    private PersonName name;
    private String postalCode;
    private String address;
    private GeoPoint location;
    private boolean active = true;
    private Set<String> blockedCaregiverIds = Set.of();

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder regionId(String regionId) {
      this.regionId = regionId;
      return this;
    }

    public Builder name(PersonName name) {
      this.name = name;
      return this;
    }

    public Builder postalCode(String postalCode) {
      this.postalCode = postalCode;
      return this;
    }

    public Builder address(String address) {
      this.address = address;
      return this;
    }

    public Builder location(GeoPoint location) {
      this.location = location;
      return this;
    }

    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    public Builder blockedCaregiverIds(Set<String> blockedCaregiverIds) {
      this.blockedCaregiverIds = blockedCaregiverIds;
      return this;
    }

    public Client build() {
      return new Client(id, regionId, name, postalCode, address, location, active, blockedCaregiverIds);
    }
  }
}
