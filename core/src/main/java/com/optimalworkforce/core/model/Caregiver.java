package com.optimalworkforce.core.model;

import static com.optimalworkforce.core.model.internal.Checks.checkId;
import static com.optimalworkforce.core.model.internal.Checks.optionalText;
import static com.optimalworkforce.core.model.internal.Checks.required;
import static com.optimalworkforce.core.model.internal.Checks.requiredText;
import static com.optimalworkforce.core.model.internal.Checks.textSet;

import com.optimalworkforce.core.model.internal.ContentHasher;
import java.util.Set;

/**
 * A caregiver (employee, worker, practitioner). Personal data: {@link #toString()} leaves out the
 * name, postal code and home location.
 *
 * <pre>{@code
 * Caregiver sarah = Caregiver.builder()
 *     .id("E-42").regionId("toronto-east").name(PersonName.of("Sarah", "Nguyen"))
 *     .skills(Set.of("PSW", "DEMENTIA")).active(true)
 *     .build();
 * }</pre>
 *
 * @param id the caregiver's id in the source system
 * @param regionId the caregiver's home branch
 * @param name the caregiver's name
 * @param postalCode home postal code or ZIP, or {@code null}
 * @param home coordinates of the caregiver's home, or {@code null}
 * @param active whether the caregiver is currently employed and schedulable
 * @param skills skill or qualification codes (e.g. {@code PSW}, {@code RN})
 */
public record Caregiver(
    String id,
    String regionId,
    PersonName name,
    String postalCode,
    GeoPoint home,
    boolean active,
    Set<String> skills) implements SourceRecord {

  public Caregiver {
    checkId(EntityType.CAREGIVER, id);
    requiredText(EntityType.CAREGIVER, id, "regionId", regionId);
    required(EntityType.CAREGIVER, id, "name", name);
    postalCode = optionalText(postalCode);
    skills = textSet(EntityType.CAREGIVER, id, "skills", skills);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().id(id).regionId(regionId).name(name).postalCode(postalCode).home(home)
        .active(active).skills(skills);
  }

  @Override
  public EntityType type() {
    return EntityType.CAREGIVER;
  }

  @Override
  public String contentHash() {
    return ContentHasher.of("Caregiver").add(id).add(regionId)
        .add(name.given()).add(name.family()).add(name.prefix())
        .add(postalCode)
        .add(home == null ? null : home.latitude() + "," + home.longitude())
        .add(active).addSorted(skills).hex();
  }

  @Override
  public String toString() {
    return "Caregiver[id=" + id + ", regionId=" + regionId + ", active=" + active + ", skills=" + skills + "]";
  }

  /** Builds a {@link Caregiver}; {@link #build()} validates. */
  public static final class Builder {
    private String id;
    private String regionId;
    private PersonName name;
    private String postalCode;
    private GeoPoint home;
    private boolean active = true;
    private Set<String> skills = Set.of();

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

    public Builder home(GeoPoint home) {
      this.home = home;
      return this;
    }

    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    public Builder skills(Set<String> skills) {
      this.skills = skills;
      return this;
    }

    public Caregiver build() {
      return new Caregiver(id, regionId, name, postalCode, home, active, skills);
    }
  }
}
