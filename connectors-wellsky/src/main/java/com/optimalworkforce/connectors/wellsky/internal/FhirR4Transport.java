package com.optimalworkforce.connectors.wellsky.internal;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import com.optimalworkforce.connectors.wellsky.WellSkyConnectorConfig;
import com.optimalworkforce.connectors.wellsky.internal.FhirMapper.ClientFacts;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.RejectedRecord;
import com.optimalworkforce.core.connector.SyncCursor;
import com.optimalworkforce.core.connector.WriteConflictException;
import com.optimalworkforce.core.http.ClientCredentialsTokenProvider;
import com.optimalworkforce.core.http.HttpResilience;
import com.optimalworkforce.core.http.TokenProvider;
import com.optimalworkforce.core.http.okhttp.OkHttpClients;
import com.optimalworkforce.core.http.okhttp.ResilienceInterceptor;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.InvalidRecordException;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.Redactor;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fhir-r4 dialect: HAPI FHIR's generic client on the core OkHttp stack (TLS policy, timeouts,
 * retries with {@code Retry-After}, rate limit), a bearer token per request from the core
 * {@link TokenProvider}, searches with {@code _lastUpdated}, {@code _include} (with a fallback
 * fetch for servers that ignore it), Bundle {@code next} paging whose link is the cursor, and
 * version-aware updates. Not API.
 *
 * <p>Searches: regions are {@code Organization?type=<branchType>} (zones from the timezone
 * extension, else a managed Location's); clients {@code Patient?organization=...}; caregivers
 * {@code Practitioner} with their branch from {@code PractitionerRole?practitioner=...}; visits
 * {@code Appointment?date=ge..&date=lt..&_include=Appointment:patient}, each in its Patient's
 * branch; unavailability {@code Slot?status=busy-unavailable&start=...&_include=Slot:schedule},
 * each of the Practitioner its Schedule belongs to.
 */
public final class FhirR4Transport implements WellSkyTransport {
  private static final Logger LOG = LoggerFactory.getLogger(FhirR4Transport.class);
  private static final String CURSOR_PREFIX = "wellsky-fhir:";
  private static final int MAX_PAGES_PER_READ = 50;
  private static final int LOOKUP_COUNT = 200;

  private final WellSkyConnectorConfig config;
  private final OkHttpClient http;
  private final IGenericClient client;
  private final FhirTokenInterceptor auth;
  private final FhirFailures failures;
  private final URI base;

  public FhirR4Transport(WellSkyConnectorConfig config) {
    this(config, tokens(config));
  }

  /** With an explicit token provider (tests, or a host that manages tokens itself). */
  public FhirR4Transport(WellSkyConnectorConfig config, TokenProvider tokens) {
    this.config = config;
    this.base = config.baseUrl();
    Redactor redactor = Redactor.standard().with(config.clientSecret());
    this.failures = new FhirFailures(base, redactor);
    HttpResilience resilience = HttpResilience.builder()
        .retryPolicy(config.retryPolicy())
        .rateLimitPolicy(config.rateLimit())
        .clock(config.clock())
        .name("wellsky-fhir")
        .redactor(redactor)
        .build();
    this.http = OkHttpClients.builder(config.tlsPolicy(), config.timeout())
        .addInterceptor(ResilienceInterceptor.of(resilience))
        .build();
    this.client = Fhir.newClient(base.toString());
    this.client.setEncoding(EncodingEnum.JSON);
    this.auth = new FhirTokenInterceptor(tokens);
    this.client.registerInterceptor(auth);
  }

  /** A token provider for this configuration (scope included when set). */
  public static TokenProvider tokens(WellSkyConnectorConfig config) {
    ClientCredentialsTokenProvider.Builder b = ClientCredentialsTokenProvider.builder()
        .tokenEndpoint(config.tokenUrl())
        .clientId(config.clientId())
        .clientSecret(config.clientSecret())
        .clock(config.clock())
        .timeout(config.timeout())
        .tlsPolicy(config.tlsPolicy())
        .resilience(HttpResilience.builder().retryPolicy(config.retryPolicy()).clock(config.clock())
            .name("wellsky-fhir-token").build());
    config.scope().ifPresent(b::scope);
    return b.build();
  }

  @Override
  public String host() {
    return failures.host();
  }

  @Override
  public Set<EntityType> streams() {
    return EnumSet.of(EntityType.CLIENT, EntityType.CAREGIVER, EntityType.VISIT, EntityType.UNAVAILABILITY);
  }

  @Override
  public boolean serverSideIncremental() {
    return true;
  }

  // ---------------------------------------------------------------- regions

  @Override
  public List<Region> regions() {
    String type = FhirExtensions.ORGANIZATION_TYPE + "|" + config.branchType();
    List<Organization> branches = new ArrayList<>();
    for (Resource r : searchAll("Organization?type=" + enc(type) + "&_count=" + LOOKUP_COUNT)) {
      if (r instanceof Organization o && (!o.hasActive() || o.getActive()) && isBranch(o)) {
        branches.add(o);
      }
    }
    branches.sort(Comparator.comparing(FhirMapper::idOf));
    Map<String, Optional<java.time.ZoneId>> declared = new HashMap<>();
    List<String> withoutZone = new ArrayList<>();
    for (Organization o : branches) {
      Optional<java.time.ZoneId> zone = declaredZone(o);
      declared.put(FhirMapper.idOf(o), zone);
      if (zone.isEmpty() && !config.regionZones().containsKey(FhirMapper.idOf(o))) {
        withoutZone.add(FhirMapper.idOf(o));
      }
    }
    if (!withoutZone.isEmpty()) {
      // A server may keep the time zone on the branch's Location rather than the Organization.
      String orgs = withoutZone.stream().map(id -> "Organization/" + id).collect(Collectors.joining(","));
      for (Resource r : searchAll("Location?organization=" + enc(orgs) + "&_count=" + LOOKUP_COUNT)) {
        if (r instanceof Location l) {
          String org = FhirMapper.referenceId(l.getManagingOrganization(), "Organization");
          Optional<java.time.ZoneId> zone = declaredZone(l);
          if (org != null && zone.isPresent() && declared.getOrDefault(org, Optional.empty()).isEmpty()) {
            declared.put(org, zone);
          }
        }
      }
    }
    List<Region> out = new ArrayList<>();
    for (Organization o : branches) {
      String id = FhirMapper.idOf(o);
      out.add(FhirMapper.region(id, o.getName(), Zones.resolve(config, "Organization", id, declared.get(id))));
    }
    return out;
  }

  private boolean isBranch(Organization o) {
    return o.getType().stream().flatMap(c -> c.getCoding().stream()).anyMatch(c -> config.branchType().equals(c.getCode()));
  }

  private Optional<java.time.ZoneId> declaredZone(org.hl7.fhir.r4.model.DomainResource r) {
    try {
      return FhirMapper.declaredZone(r);
    } catch (IllegalArgumentException e) {
      throw new ConnectorException(com.optimalworkforce.core.connector.ConnectionFailure.UNEXPECTED_RESPONSE,
          e.getMessage() + ". Fix it on the server, or set the connector's 'regionZones' for this branch.", e);
    }
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Page read(ReadRequest request, RegionDirectory regions) {
    EntityType type = request.type();
    int count = Math.min(request.pageSize(), config.pageSize());
    String url = request.resumeFrom().map(c -> cursorUrl(c, type)).orElseGet(() -> firstUrl(request, count));
    boolean first = request.resumeFrom().isEmpty();
    for (int fetched = 1; ; fetched++) {
      String current = url;
      boolean isFirst = first;
      Bundle bundle = call(() -> isFirst
          ? client.search().byUrl(current).returnBundle(Bundle.class).execute()
          : client.loadPage().byUrl(current).andReturnBundle(Bundle.class).execute());
      List<SourceRecord> records = new ArrayList<>();
      List<RejectedRecord> rejected = new ArrayList<>();
      map(request, bundle, regions, records, rejected);
      String next = nextLink(bundle);
      // A page whose records all fall outside the selected regions is skipped rather than
      // returned empty, up to a bound, so a read does not crawl through empty pages.
      if (!records.isEmpty() || !rejected.isEmpty() || next == null || fetched >= MAX_PAGES_PER_READ) {
        Long total = type == EntityType.CLIENT && bundle.hasTotal() ? (long) bundle.getTotal() : null;
        return Page.of(records, rejected, next == null ? null : SyncCursor.of(CURSOR_PREFIX + type + ":" + next), total);
      }
      url = next;
      first = false;
    }
  }

  private String firstUrl(ReadRequest request, int count) {
    String resource;
    List<String> params = new ArrayList<>();
    switch (request.type()) {
      case CLIENT -> {
        resource = "Patient";
        params.add("organization=" + enc(request.regionIds().stream().sorted()
            .map(id -> "Organization/" + id).collect(Collectors.joining(","))));
      }
      case CAREGIVER -> resource = "Practitioner";
      case VISIT -> {
        resource = "Appointment";
        params.add("date=ge" + enc(iso(request.window().from())));
        params.add("date=lt" + enc(iso(request.window().to())));
        params.add("_include=Appointment:patient");
      }
      case UNAVAILABILITY -> {
        resource = "Slot";
        params.add("status=busy-unavailable");
        params.add("start=ge" + enc(iso(request.window().from().minus(config.unavailabilityLookback()))));
        params.add("start=lt" + enc(iso(request.window().to())));
        params.add("_include=Slot:schedule");
      }
      default -> throw new IllegalArgumentException("WellSky FHIR R4 does not offer the " + request.type().displayName()
          + " stream; see the connector's capabilities");
    }
    request.changedSinceInstant().ifPresent(since -> params.add("_lastUpdated=gt" + enc(iso(since))));
    params.add("_count=" + count);
    return resource + "?" + String.join("&", params);
  }

  private String cursorUrl(SyncCursor cursor, EntityType type) {
    String prefix = CURSOR_PREFIX + type + ":";
    if (!cursor.token().startsWith(prefix)) {
      throw new IllegalArgumentException("Cursor '" + cursor.token() + "' was not issued by the WellSky FHIR R4 connector"
          + " for " + type + "; start the read again without a cursor");
    }
    String url = cursor.token().substring(prefix.length());
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Cursor for " + type + " holds a malformed link; start the read again without a"
          + " cursor", e);
    }
    // The link carries our bearer token when followed: never to another server.
    if (!sameServer(uri, base)) {
      throw new IllegalArgumentException("Cursor for " + type + " points to " + uri.getScheme() + "://" + uri.getAuthority()
          + ", not to the configured server " + base.getScheme() + "://" + base.getAuthority()
          + "; start the read again without a cursor");
    }
    return url;
  }

  private static boolean sameServer(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private void map(ReadRequest request, Bundle bundle, RegionDirectory regions, List<SourceRecord> records,
      List<RejectedRecord> rejected) {
    List<Resource> matches = new ArrayList<>();
    Map<String, Resource> included = new HashMap<>();
    for (BundleEntryComponent e : bundle.getEntry()) {
      Resource r = e.getResource();
      if (r == null) {
        continue;
      }
      if (e.hasSearch() && e.getSearch().getMode() == SearchEntryMode.INCLUDE) {
        included.put(r.fhirType() + "/" + FhirMapper.idOf(r), r);
      } else if (e.hasSearch() && e.getSearch().getMode() == SearchEntryMode.OUTCOME) {
        LOG.debug("{} search returned an OperationOutcome entry", request.type());
      } else {
        matches.add(r);
      }
    }
    switch (request.type()) {
      case CLIENT -> mapClients(request, matches, records, rejected);
      case CAREGIVER -> mapCaregivers(request, matches, regions, records, rejected);
      case VISIT -> mapVisits(request, matches, included, regions, records, rejected);
      case UNAVAILABILITY -> mapUnavailability(request, matches, included, regions, records, rejected);
      default -> throw new IllegalStateException("unreachable: " + request.type());
    }
  }

  private void mapClients(ReadRequest request, List<Resource> matches, List<SourceRecord> records,
      List<RejectedRecord> rejected) {
    for (Resource r : matches) {
      if (!(r instanceof Patient p)) {
        continue;
      }
      String region = FhirMapper.referenceId(p.getManagingOrganization(), "Organization");
      if (region != null && !request.regionIds().contains(region)) {
        continue;
      }
      try {
        if (region == null) {
          throw new InvalidRecordException(EntityType.CLIENT, FhirMapper.idOf(p), "managingOrganization",
              "is missing: the Patient is not linked to a branch Organization");
        }
        records.add(FhirMapper.client(p, region, !p.hasActive() || p.getActive()));
      } catch (InvalidRecordException e) {
        rejected.add(RejectedRecord.of(e));
      }
    }
  }

  private void mapCaregivers(ReadRequest request, List<Resource> matches, RegionDirectory regions,
      List<SourceRecord> records, List<RejectedRecord> rejected) {
    List<Practitioner> practitioners = new ArrayList<>();
    matches.forEach(r -> {
      if (r instanceof Practitioner p) {
        practitioners.add(p);
      }
    });
    Map<String, String> branch = branches(practitioners.stream().map(FhirMapper::idOf).collect(Collectors.toSet()),
        regions);
    for (Practitioner p : practitioners) {
      String id = FhirMapper.idOf(p);
      String region = branch.get(id);
      if (region != null && !request.regionIds().contains(region)) {
        continue;
      }
      try {
        if (region == null) {
          throw new InvalidRecordException(EntityType.CAREGIVER, id, "PractitionerRole",
              "is missing: no active PractitionerRole links the Practitioner to a branch Organization");
        }
        records.add(FhirMapper.caregiver(p, region, !p.hasActive() || p.getActive(), FhirMapper.qualificationCodes(p)));
      } catch (InvalidRecordException e) {
        rejected.add(RejectedRecord.of(e));
      }
    }
  }

  /** The branch of each practitioner: its first active role (by id) whose organization is a region. */
  private Map<String, String> branches(Set<String> practitionerIds, RegionDirectory regions) {
    Map<String, String> out = new HashMap<>();
    if (practitionerIds.isEmpty()) {
      return out;
    }
    String ids = new TreeSet<>(practitionerIds).stream().map(id -> "Practitioner/" + id).collect(Collectors.joining(","));
    List<PractitionerRole> roles = new ArrayList<>();
    for (Resource r : searchAll("PractitionerRole?practitioner=" + enc(ids) + "&_count=" + LOOKUP_COUNT)) {
      if (r instanceof PractitionerRole role && (!role.hasActive() || role.getActive())) {
        roles.add(role);
      }
    }
    roles.sort(Comparator.comparing(FhirMapper::idOf));
    for (PractitionerRole role : roles) {
      String practitioner = FhirMapper.referenceId(role.getPractitioner(), "Practitioner");
      String org = FhirMapper.referenceId(role.getOrganization(), "Organization");
      if (practitioner != null && org != null && !out.containsKey(practitioner) && regions.known(org) != null) {
        out.put(practitioner, org);
      }
    }
    return out;
  }

  private void mapVisits(ReadRequest request, List<Resource> matches, Map<String, Resource> included,
      RegionDirectory regions, List<SourceRecord> records, List<RejectedRecord> rejected) {
    List<Appointment> appointments = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    for (Resource r : matches) {
      if (r instanceof Appointment a) {
        appointments.add(a);
        String patient = FhirMapper.patientId(a);
        if (patient != null && !included.containsKey("Patient/" + patient)) {
          missing.add(patient);
        }
      }
    }
    fetchMissing("Patient", missing, included);
    for (Appointment a : appointments) {
      String id = FhirMapper.idOf(a);
      try {
        String patientId = FhirMapper.patientId(a);
        if (patientId == null) {
          throw new InvalidRecordException(EntityType.VISIT, id, "participant", "has no Patient: a visit needs a client");
        }
        Resource found = included.get("Patient/" + patientId);
        if (!(found instanceof Patient patient)) {
          throw new InvalidRecordException(EntityType.VISIT, id, "participant",
              "refers to Patient '" + patientId + "', which the server does not return");
        }
        String regionId = FhirMapper.referenceId(patient.getManagingOrganization(), "Organization");
        if (regionId != null && !request.regionIds().contains(regionId)) {
          continue;
        }
        Region region = regionId == null ? null : regions.get(regionId);
        if (region == null) {
          throw new InvalidRecordException(EntityType.VISIT, id, "participant",
              "refers to Patient '" + patientId + "', whose managingOrganization is not a branch");
        }
        Visit v = FhirMapper.visit(a, id, FhirMapper.clientFacts(patient, region.id(), region.zone()));
        if (request.window().contains(v.start())) {
          records.add(v);
        }
      } catch (InvalidRecordException e) {
        rejected.add(RejectedRecord.of(e));
      }
    }
  }

  private void mapUnavailability(ReadRequest request, List<Resource> matches, Map<String, Resource> included,
      RegionDirectory regions, List<SourceRecord> records, List<RejectedRecord> rejected) {
    List<Slot> slots = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    for (Resource r : matches) {
      if (r instanceof Slot s && s.getStatus() == Slot.SlotStatus.BUSYUNAVAILABLE) {
        slots.add(s);
        String schedule = FhirMapper.referenceId(s.getSchedule(), "Schedule");
        if (schedule != null && !included.containsKey("Schedule/" + schedule)) {
          missing.add(schedule);
        }
      }
    }
    fetchMissing("Schedule", missing, included);
    Map<String, String> practitionerOfSlot = new HashMap<>();
    for (Slot s : slots) {
      String schedule = FhirMapper.referenceId(s.getSchedule(), "Schedule");
      if (schedule != null && included.get("Schedule/" + schedule) instanceof Schedule sc) {
        for (Reference actor : sc.getActor()) {
          String practitioner = FhirMapper.referenceId(actor, "Practitioner");
          if (practitioner != null) {
            practitionerOfSlot.put(FhirMapper.idOf(s), practitioner);
            break;
          }
        }
      }
    }
    Map<String, String> branch = branches(new java.util.HashSet<>(practitionerOfSlot.values()), regions);
    for (Slot s : slots) {
      String id = FhirMapper.idOf(s);
      try {
        String practitioner = practitionerOfSlot.get(id);
        if (practitioner == null) {
          throw new InvalidRecordException(EntityType.UNAVAILABILITY, id, "schedule",
              "does not lead to a Practitioner (Slot.schedule → Schedule.actor)");
        }
        String regionId = branch.get(practitioner);
        if (regionId != null && !request.regionIds().contains(regionId)) {
          continue;
        }
        Region region = regionId == null ? null : regions.get(regionId);
        if (region == null) {
          throw new InvalidRecordException(EntityType.UNAVAILABILITY, id, "schedule",
              "belongs to Practitioner '" + practitioner + "', who has no active PractitionerRole at a branch");
        }
        Unavailability u = FhirMapper.unavailability(s, practitioner, region.zone());
        if (request.window().overlaps(u.start(), u.end())) {
          records.add(u);
        }
      } catch (InvalidRecordException e) {
        rejected.add(RejectedRecord.of(e));
      }
    }
  }

  /** Reads resources an {@code _include} should have brought but did not. */
  private void fetchMissing(String type, Set<String> ids, Map<String, Resource> into) {
    if (ids.isEmpty()) {
      return;
    }
    LOG.debug("the server did not include {} {} resources; fetching them", ids.size(), type);
    for (Resource r : searchAll(type + "?_id=" + enc(String.join(",", ids)) + "&_count=" + LOOKUP_COUNT)) {
      into.put(r.fhirType() + "/" + FhirMapper.idOf(r), r);
    }
  }

  /** Every matching resource of a search, following next links. */
  private List<Resource> searchAll(String query) {
    List<Resource> out = new ArrayList<>();
    Bundle bundle = call(() -> client.search().byUrl(query).returnBundle(Bundle.class).execute());
    for (int page = 0; ; page++) {
      for (BundleEntryComponent e : bundle.getEntry()) {
        if (e.getResource() != null && (!e.hasSearch() || e.getSearch().getMode() != SearchEntryMode.OUTCOME)) {
          out.add(e.getResource());
        }
      }
      String next = nextLink(bundle);
      if (next == null || page > 1000) {
        return out;
      }
      Bundle current = bundle;
      bundle = call(() -> client.loadPage().next(current).execute());
    }
  }

  private static String nextLink(Bundle bundle) {
    Bundle.BundleLinkComponent next = bundle.getLink(Bundle.LINK_NEXT);
    return next == null || next.getUrl() == null || next.getUrl().isBlank() ? null : next.getUrl();
  }

  // ---------------------------------------------------------------- write-back

  @Override
  public void assignCaregiver(String visitId, String caregiverId) {
    Appointment appointment;
    try {
      appointment = call(() -> client.read().resource(Appointment.class).withId(visitId).execute());
    } catch (ConnectorException e) {
      if (notFound(e)) {
        throw new IllegalArgumentException("Visit '" + visitId + "' is not an Appointment on " + host()
            + " (404); it may have been deleted. Sync again before assigning.", e);
      }
      throw e;
    }
    try {
      call(() -> client.read().resource(Practitioner.class).withId(caregiverId).execute());
    } catch (ConnectorException e) {
      if (notFound(e)) {
        throw new IllegalArgumentException("Caregiver '" + caregiverId + "' is not a Practitioner on " + host()
            + " (404). Sync caregivers again and pick one that exists.", e);
      }
      throw e;
    }
    String version = appointment.getIdElement().getVersionIdPart();
    if (version == null && appointment.getMeta().hasVersionId()) {
      version = appointment.getMeta().getVersionId();
    }
    for (AppointmentParticipantComponent p : appointment.getParticipant()) {
      String practitioner = FhirMapper.referenceId(p.getActor(), "Practitioner");
      if (practitioner != null && !practitioner.equals(caregiverId) && p.getStatus() == ParticipationStatus.ACCEPTED) {
        throw new WriteConflictException("Visit '" + visitId + "' was changed by someone else: caregiver '"
            + practitioner + "' is already booked on it. Sync again and choose another open visit.");
      }
    }
    switch (appointment.getStatus()) {
      case PROPOSED, PENDING, BOOKED, WAITLIST -> { }
      default -> throw new WriteConflictException("Visit '" + visitId + "' was changed by someone else: it is now "
          + appointment.getStatus().toCode() + " and can no longer be assigned. Sync again before assigning.");
    }
    AppointmentParticipantComponent mine = null;
    for (AppointmentParticipantComponent p : appointment.getParticipant()) {
      if (caregiverId.equals(FhirMapper.referenceId(p.getActor(), "Practitioner"))) {
        mine = p;
      }
    }
    if (mine == null) {
      mine = appointment.addParticipant().setActor(new Reference("Practitioner/" + caregiverId));
    }
    mine.setStatus(ParticipationStatus.ACCEPTED);
    appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
    if (version != null) {
      appointment.setId(appointment.getIdElement().toUnqualified().withVersion(version));
    }
    try {
      // A versioned id makes HAPI send If-Match, so the server refuses the update if the
      // appointment changed after the read above.
      call(() -> client.update().resource(appointment).execute());
    } catch (ConnectorException e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof PreconditionFailedException || c instanceof ResourceVersionConflictException) {
          throw new WriteConflictException("Visit '" + visitId + "' was changed by someone else while it was being"
              + " assigned (" + host() + " refused version " + version + " of the appointment: "
              + ((ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException) c).getStatusCode()
              + "). Sync again; assign it if it is still open.", e);
        }
      }
      throw e;
    }
    LOG.info("assigned caregiver {} to visit {} on {}", caregiverId, visitId, host());
  }

  private static boolean notFound(ConnectorException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ResourceNotFoundException || c instanceof ResourceGoneException) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- plumbing

  /** Runs one client call: one token refresh and retry after a 401, failures classified. */
  private <T> T call(Supplier<T> op) {
    try {
      checkServerOnce();
      try {
        return Fhir.using(http, op);
      } catch (AuthenticationException e) {
        LOG.debug("{} answered 401; refreshing the token and retrying once", host());
        auth.refreshAfterRejection();
        return Fhir.using(http, op);
      }
    } catch (ConnectorException e) {
      throw e;
    } catch (RuntimeException e) {
      // A server may quote the token it refused: mask the one this thread's request carried too.
      FhirFailures sent = failures.sent(auth.lastSent());
      ConnectorException classified = sent.of(e);
      if (classified.getCause() != null) {
        throw classified;
      }
      // Keep what the client threw as the cause (secrets masked): callers look for HAPI's exception types in it.
      String label = classified.failure().label() + ": ";
      String detail = classified.getMessage().startsWith(label)
          ? classified.getMessage().substring(label.length()) : classified.getMessage();
      throw new ConnectorException(classified.failure(), detail, sent.redacted(e));
    }
  }

  private volatile boolean serverChecked;

  /** With validateServer, reads /metadata before the first request and checks the server speaks R4. */
  private void checkServerOnce() {
    if (!config.validateServer() || serverChecked) {
      return;
    }
    CapabilityStatement cs;
    try {
      cs = Fhir.using(http, () -> client.capabilities().ofType(CapabilityStatement.class).execute());
    } catch (AuthenticationException e) {
      auth.refreshAfterRejection();
      cs = Fhir.using(http, () -> client.capabilities().ofType(CapabilityStatement.class).execute());
    }
    String version = cs.hasFhirVersion() ? cs.getFhirVersion().toCode() : null;
    if (version == null || !version.startsWith("4.0")) {
      throw new ConnectorException(com.optimalworkforce.core.connector.ConnectionFailure.UNEXPECTED_RESPONSE, host()
          + " is not a FHIR R4 server: its /metadata declares FHIR version " + version + ". Check the base URL, or use"
          + " the home-connect dialect for WellSky Personal Care.");
    }
    serverChecked = true;
  }

  private static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
