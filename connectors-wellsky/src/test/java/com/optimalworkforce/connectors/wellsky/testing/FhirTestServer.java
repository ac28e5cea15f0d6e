package com.optimalworkforce.connectors.wellsky.testing;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.test.utilities.server.RestfulServerExtension;
import com.optimalworkforce.connectors.wellsky.internal.Fhir;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.wellsky.WellSkyTokenSimulator;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;

/**
 * A real HAPI FHIR plain server (embedded Jetty, through {@link RestfulServerExtension}) serving a
 * {@link SyntheticAgency} as R4 resources, behind bearer tokens checked against a
 * {@link WellSkyTokenSimulator}. {@link #refresh()} writes what changed in the agency since the
 * last load, with a new version and {@code meta.lastUpdated} from the clock.
 *
 * <pre>{@code
 * static final FhirTestServer FHIR = new FhirTestServer(agency, clock, tokens);
 * @RegisterExtension static final RestfulServerExtension SERVER = FHIR.extension();
 * }</pre>
 */
public final class FhirTestServer {
  private final SyntheticAgency agency;
  private final WellSkyTokenSimulator tokens;
  public final AgencyResourceProvider<Organization> organizations;
  public final AgencyResourceProvider<Location> locations;
  public final AgencyResourceProvider<Patient> patients;
  public final AgencyResourceProvider<Practitioner> practitioners;
  public final AgencyResourceProvider<PractitionerRole> roles;
  public final AgencyResourceProvider<Schedule> schedules;
  public final AgencyResourceProvider<Slot> slots;
  public final AgencyResourceProvider<Appointment> appointments;
  private final Map<RecordKey, String> loaded = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean zonesOnLocations;

  public FhirTestServer(SyntheticAgency agency, Clock clock, WellSkyTokenSimulator tokens) {
    this.agency = agency;
    this.tokens = tokens;
    var ctx = Fhir.context();
    Function<Reference, Resource> resolver = this::resolve;
    organizations = new AgencyResourceProvider<>(ctx, Organization.class, clock, resolver);
    locations = new AgencyResourceProvider<>(ctx, Location.class, clock, resolver);
    patients = new AgencyResourceProvider<>(ctx, Patient.class, clock, resolver);
    practitioners = new AgencyResourceProvider<>(ctx, Practitioner.class, clock, resolver);
    roles = new AgencyResourceProvider<>(ctx, PractitionerRole.class, clock, resolver);
    schedules = new AgencyResourceProvider<>(ctx, Schedule.class, clock, resolver);
    slots = new AgencyResourceProvider<>(ctx, Slot.class, clock, resolver);
    appointments = new AgencyResourceProvider<>(ctx, Appointment.class, clock, resolver);
    refresh();
  }

  /** The JUnit extension that runs the server for the whole test class. */
  public RestfulServerExtension extension() {
    FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(200);
    paging.setDefaultPageSize(50);
    paging.setMaximumPageSize(1000);
    return new RestfulServerExtension(Fhir.context(), organizations, locations, patients, practitioners, roles,
        schedules, slots, appointments)
        .withPagingProvider(paging)
        .registerInterceptor(new BearerAuthorization())
        .keepAliveBetweenTests();
  }

  /** Requests refused for a missing, unknown or expired token (401) so far. */
  public int refused() {
    return refused.get();
  }

  /** Requests the server answered (or refused) so far. */
  public int requests() {
    return requests.get();
  }

  /**
   * Moves the regions' time zones from the Organizations to Locations they manage (a server may
   * keep time zones on Locations only).
   */
  public synchronized void zonesOnLocations(boolean onLocations) {
    boolean were = this.zonesOnLocations;
    this.zonesOnLocations = onLocations;
    for (Region r : agency.regions()) {
      Organization o = AgencyFhir.organization(r);
      if (onLocations) {
        o.getExtension().clear();
        locations.put(AgencyFhir.location(r));
      } else if (were) {
        locations.delete(new IdType("Location", AgencyFhir.locationId(r.id())), null);
      }
      organizations.put(o);
    }
  }

  /** Writes every record that is new or changed since the last load, and deletes removed ones. */
  public synchronized void refresh() {
    Set<RecordKey> seen = new HashSet<>();
    Map<String, Caregiver> caregivers = new HashMap<>();
    for (Region r : agency.regions()) {
      RecordKey key = RecordKey.of(EntityType.CLIENT, "region:" + r.id());
      seen.add(key);
      if (!r.contentHash().equals(loaded.put(key, r.contentHash()))) {
        Organization o = AgencyFhir.organization(r);
        if (zonesOnLocations) {
          o.getExtension().clear();
        }
        organizations.put(o);
      }
    }
    for (Client c : agency.clients()) {
      if (changed(c, seen)) {
        patients.put(AgencyFhir.patient(c));
      }
    }
    for (Caregiver c : agency.caregivers()) {
      caregivers.put(c.id(), c);
      if (changed(c, seen)) {
        practitioners.put(AgencyFhir.practitioner(c));
        roles.put(AgencyFhir.role(c));
        schedules.put(AgencyFhir.schedule(c));
      }
    }
    for (Unavailability u : agency.unavailabilities()) {
      if (changed(u, seen)) {
        slots.put(AgencyFhir.slot(u));
      }
    }
    agency.visits().forEach(v -> {
      if (changed(v, seen)) {
        appointments.put(AgencyFhir.appointment(v));
      }
    });
    for (RecordKey key : List.copyOf(loaded.keySet())) {
      if (!seen.contains(key)) {
        loaded.remove(key);
        delete(key);
      }
    }
  }

  private boolean changed(SourceRecord r, Set<RecordKey> seen) {
    seen.add(r.key());
    return !r.contentHash().equals(loaded.put(r.key(), r.contentHash()));
  }

  private void delete(RecordKey key) {
    switch (key.type()) {
      case CLIENT -> patients.delete(new IdType("Patient", key.sourceId()), null);
      case CAREGIVER -> {
        practitioners.delete(new IdType("Practitioner", key.sourceId()), null);
        roles.delete(new IdType("PractitionerRole", AgencyFhir.roleId(key.sourceId())), null);
      }
      case VISIT -> appointments.delete(new IdType("Appointment", key.sourceId()), null);
      case UNAVAILABILITY -> slots.delete(new IdType("Slot", key.sourceId()), null);
      default -> { } // regions are never deleted by the agency
    }
  }

  private Resource resolve(Reference ref) {
    var id = ref.getReferenceElement();
    String type = id.getResourceType();
    if (type == null) {
      return null;
    }
    AgencyResourceProvider<? extends Resource> provider = switch (type) {
      case "Patient" -> patients;
      case "Practitioner" -> practitioners;
      case "PractitionerRole" -> roles;
      case "Schedule" -> schedules;
      case "Organization" -> organizations;
      default -> null;
    };
    if (provider == null) {
      return null;
    }
    return provider.getStoredResources().stream()
        .filter(r -> r != null && r.getIdElement().getIdPart().equals(id.getIdPart())).findFirst().orElse(null);
  }

  /** Checks the bearer token of every request against the token simulator. */
  @Interceptor
  public final class BearerAuthorization {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean authorize(RequestDetails details) {
      requests.incrementAndGet();
      String header = details.getHeader("Authorization");
      if (header == null || !header.startsWith("Bearer ")) {
        refused.incrementAndGet();
        throw new AuthenticationException("Bearer token required");
      }
      switch (tokens.status(header.substring(7).strip())) {
        case VALID -> {
          return true;
        }
        case UNLICENSED -> throw new ForbiddenOperationException(
            "The client is not authorized to read scheduling data for this organization");
        case EXPIRED -> {
          refused.incrementAndGet();
          throw new AuthenticationException("The access token expired");
        }
        default -> {
          refused.incrementAndGet();
          throw new AuthenticationException("The access token is not valid");
        }
      }
    }
  }
}
