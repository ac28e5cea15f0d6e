package com.optimalworkforce.testkit.wellsky.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes a synthetic agency's records in WellSky Personal Care's Home Connect wire format:
 * FHIR-flavoured Patient / Practitioner / Location resources whose agency data rides in
 * {@code meta.tag}, and the non-FHIR shift ("appointment") JSON. Not API.
 */
public final class HomeConnectJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  /** {@code status} tag of a client receiving care. */
  public static final String CARE_STARTED = "80";
  /** {@code status} tag of a client whose care ended (any status but 80 is "not receiving care"). */
  public static final String CARE_ENDED = "90";
  /** {@code status} tag of a hired caregiver. */
  public static final String HIRED = "100";
  /** {@code status} tag of a caregiver no longer working (any status but 100 is "not active"). */
  public static final String TERMINATED = "110";
  /** {@code status} tag of a prospect (a Patient who is not a client) or an applicant. */
  public static final String LEAD = "10";
  public static final String TIMEZONE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/timezone";
  private static final DateTimeFormatter UTC_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private HomeConnectJson() {}

  public static ObjectNode patient(Client c, String agencyId) {
    ObjectNode p = resource("Patient", c.id());
    tags(p, agencyId, "isClient", "true", c.active() ? CARE_STARTED : CARE_ENDED, c.regionId(), null);
    p.set("name", names(c.name()));
    if (c.address() != null || c.postalCode() != null) {
      ObjectNode a = p.putArray("address").addObject().put("use", "home");
      if (c.address() != null) {
        a.putArray("line").add(c.address());
      }
      if (c.postalCode() != null) {
        a.put("postalCode", c.postalCode());
      }
    }
    return p;
  }

  /** A Patient that is a prospect, not a client: the connector must leave it out. */
  public static ObjectNode prospect(String id, String agencyId, String regionId) {
    ObjectNode p = resource("Patient", id);
    tags(p, agencyId, "isClient", "false", LEAD, regionId, null);
    p.set("name", names(PersonName.of("Prospective", "Client")));
    return p;
  }

  public static ObjectNode practitioner(Caregiver c, String agencyId) {
    ObjectNode p = resource("Practitioner", c.id());
    tags(p, agencyId, "isHired", "true", c.active() ? HIRED : TERMINATED, c.regionId(),
        String.join(",", new TreeSet<>(c.skills())));
    p.set("name", names(c.name()));
    if (c.postalCode() != null) {
      p.putArray("address").addObject().put("use", "home").put("postalCode", c.postalCode());
    }
    return p;
  }

  /** A Practitioner that is an applicant, not a caregiver: the connector must leave it out. */
  public static ObjectNode applicant(String id, String agencyId, String regionId) {
    ObjectNode p = resource("Practitioner", id);
    tags(p, agencyId, "isHired", "false", LEAD, regionId, "");
    p.set("name", names(PersonName.of("Job", "Applicant")));
    return p;
  }

  public static ObjectNode location(Region r, boolean withTimezone) {
    ObjectNode l = resource("Location", r.id());
    l.put("status", "active");
    l.put("name", r.name());
    if (withTimezone) {
      l.putArray("extension").addObject().put("url", TIMEZONE_EXTENSION).put("valueCode", r.zone().getId());
    }
    return l;
  }

  /** A shift in Home Connect's own JSON; times are UTC without an offset, as the API sends them. */
  public static ObjectNode appointment(Visit v) {
    ObjectNode a = MAPPER.createObjectNode();
    a.put("id", v.id());
    if (v.caregiverId() != null) {
      a.putObject("caregiver").put("id", v.caregiverId());
    } else {
      a.putNull("caregiver");
    }
    a.putObject("client").put("id", v.clientId());
    a.put("start", utc(v.start()));
    a.put("end", utc(v.end()));
    a.put("status", status(v.status()));
    a.putArray("scheduledItems");
    a.putArray("tasks");
    if (v.location() != null) {
      a.putObject("position").put("latitude", v.location().latitude()).put("longitude", v.location().longitude());
    }
    return a;
  }

  /** The three shift statuses Home Connect has. */
  public static String status(VisitStatus s) {
    return switch (s) {
      case COMPLETED -> "COMPLETED";
      case CANCELLED, MISSED -> "CANCELLED";
      case SCHEDULED, OPEN, OFFERED, ON_HOLD, IN_PROGRESS -> "SCHEDULED";
    };
  }

  public static String utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(UTC_LOCAL);
  }

  /**
   * A search result. Entries alternate between the wrapped ({@code {"resource": ...}}) and bare
   * forms, since the API returns both.
   */
  public static ObjectNode bundle(List<ObjectNode> resources, long totalRecords, int firstIndex) {
    ObjectNode b = MAPPER.createObjectNode();
    b.put("resourceType", "Bundle");
    b.put("type", "searchset");
    b.put("totalRecords", totalRecords);
    ArrayNode entries = b.putArray("entry");
    for (int i = 0; i < resources.size(); i++) {
      if ((firstIndex + i) % 2 == 0) {
        entries.addObject().set("resource", resources.get(i));
      } else {
        entries.add(resources.get(i));
      }
    }
    return b;
  }

  private static ObjectNode resource(String type, String id) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("resourceType", type);
    r.put("id", id);
    return r;
  }

  private static void tags(ObjectNode r, String agencyId, String kind, String kindValue, String status, String locationId,
      String profileTags) {
    ArrayNode tags = r.putObject("meta").putArray("tag");
    tags.addObject().put("code", "agencyId").put("display", agencyId);
    tags.addObject().put("code", kind).put("display", kindValue);
    tags.addObject().put("code", "status").put("display", status);
    tags.addObject().put("code", "locationId").put("display", locationId);
    if (profileTags != null) {
      tags.addObject().put("code", "profileTags").put("display", profileTags);
    }
  }

  private static ArrayNode names(PersonName n) {
    ArrayNode names = MAPPER.createArrayNode();
    ObjectNode name = names.addObject().put("use", "official");
    if (n.family() != null) {
      name.put("family", n.family());
    }
    if (n.given() != null) {
      name.putArray("given").add(n.given());
    }
    if (n.prefix() != null) {
      name.putArray("prefix").add(n.prefix());
    }
    return names;
  }
}
