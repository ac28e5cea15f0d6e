package com.optimalworkforce.connectors.wellsky.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import com.optimalworkforce.core.http.okhttp.BearerTokenInterceptor;
import com.optimalworkforce.core.http.okhttp.Idempotent;
import com.optimalworkforce.core.http.okhttp.OkHttpClients;
import com.optimalworkforce.core.http.okhttp.ResilienceInterceptor;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.InvalidRecordException;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home-connect dialect on the core OkHttp stack (TLS policy, timeouts, retries honouring
 * {@code Retry-After}, the rate limit, a bearer token refreshed before expiry and once after a
 * 401). Searches are {@code POST <resource>/_search/?_page=&_count=} paged by
 * {@code totalRecords}; shifts are read per client of the selected regions, in five-day chunks
 * of the window each searched with a day's margin on both sides ({@code startDate} +
 * {@code additionalDays: 6}), and kept in the chunk of their local start date, so a shift is
 * returned once whichever calendar the API searches by. Not API.
 *
 * <p>Cursors: clients and caregivers {@code offset:count}; visits the patient page, the client's
 * index in it, the chunk and the shift page. Offset paging means a record deleted between two
 * pages of one read shifts the rest by one; the next window re-read finds what was skipped.
 */
public final class HomeConnectTransport implements WellSkyTransport {
  private static final Logger LOG = LoggerFactory.getLogger(HomeConnectTransport.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
  private static final String CURSOR_PREFIX = "wellsky-hc:";
  /** Days of schedule kept per shift search; the search asks for 7 (the API's most) with a day either side. */
  static final int CHUNK_DAYS = 5;
  private static final int MAX_REQUESTS_PER_READ = 60;
  /** How long a page of patients read for the visit stream may serve the reads that resume it. */
  private static final Duration PATIENT_PAGE_REUSE = Duration.ofSeconds(60);
  private static final int REMEMBERED_SHIFTS = 200_000;

  private final WellSkyConnectorConfig config;
  private final OkHttpClient http;
  private final HomeConnectFailures failures;
  private final HttpUrl base;
  private final Map<String, ReadShift> readShifts = Collections.synchronizedMap(
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReadShift> eldest) {
          return size() > REMEMBERED_SHIFTS;
        }
      });
  private volatile PatientPage lastPatientPage;

  /** What the connector remembers of a shift it read, to find it again and detect a change. */
  private record ReadShift(String clientId, ClientFacts client, String contentHash) {}

  private record PatientPage(int page, int count, List<JsonNode> entries, long total, Instant fetchedAt,
      Map<Integer, Optional<ClientFacts>> facts) {}

  public HomeConnectTransport(WellSkyConnectorConfig config) {
    this(config, tokens(config));
  }

  /** With an explicit token provider. */
  public HomeConnectTransport(WellSkyConnectorConfig config, TokenProvider tokens) {
    this.config = config;
    this.base = HttpUrl.get(config.baseUrl());
    Redactor redactor = Redactor.standard().with(config.clientSecret());
    this.failures = new HomeConnectFailures(config.baseUrl(), redactor);
    HttpResilience resilience = HttpResilience.builder()
        .retryPolicy(config.retryPolicy())
        .rateLimitPolicy(config.rateLimit())
        .clock(config.clock())
        .name("wellsky-home-connect")
        .redactor(redactor)
        .build();
    this.http = OkHttpClients.builder(config.tlsPolicy(), config.timeout())
        .addInterceptor(ResilienceInterceptor.of(resilience))
        .addInterceptor(BearerTokenInterceptor.of(tokens))
        .build();
  }

  /** The token provider of a configuration: form-encoded client credentials, string expires_in accepted. */
  public static TokenProvider tokens(WellSkyConnectorConfig config) {
    ClientCredentialsTokenProvider.Builder b = ClientCredentialsTokenProvider.builder()
        .tokenEndpoint(config.tokenUrl())
        .clientId(config.clientId())
        .clientSecret(config.clientSecret())
        .clock(config.clock())
        .timeout(config.timeout())
        .tlsPolicy(config.tlsPolicy())
        .resilience(HttpResilience.builder().retryPolicy(config.retryPolicy()).clock(config.clock())
            .name("wellsky-home-connect-token").build());
    config.scope().ifPresent(b::scope);
    return b.build();
  }

  @Override
  public String host() {
    return failures.host();
  }

  @Override
  public Set<EntityType> streams() {
    return EnumSet.of(EntityType.CLIENT, EntityType.CAREGIVER, EntityType.VISIT);
  }

  @Override
  public boolean serverSideIncremental() {
    return false; // shifts have no "changed since" query: the sync engine re-reads windows
  }

  // ---------------------------------------------------------------- regions

  @Override
  public List<Region> regions() {
    List<Region> out = new ArrayList<>();
    int count = WellSkyConnectorConfig.HOME_CONNECT_MAX_PAGE_SIZE;
    for (int page = 0; page < 1000; page++) {
      JsonNode bundle = search("locations/_search", page, count, JSON.createObjectNode());
      List<JsonNode> entries = HomeConnectRecords.entries(bundle);
      for (JsonNode entry : entries) {
        Location l;
        try {
          l = HomeConnectRecords.parse(entry, Location.class, EntityType.CLIENT);
        } catch (InvalidRecordException e) {
          throw new ConnectorException(com.optimalworkforce.core.connector.ConnectionFailure.UNEXPECTED_RESPONSE,
              host() + " returned a location that is not readable (" + e.getMessage() + ")", e);
        }
        if (l.getStatus() == Location.LocationStatus.INACTIVE) {
          continue;
        }
        String id = FhirMapper.idOf(l);
        java.util.Optional<ZoneId> declared;
        try {
          declared = FhirMapper.declaredZone(l);
        } catch (IllegalArgumentException e) {
          throw new ConnectorException(com.optimalworkforce.core.connector.ConnectionFailure.UNEXPECTED_RESPONSE,
              e.getMessage() + ". Set the connector's 'regionZones' for this location.", e);
        }
        out.add(FhirMapper.region(id, l.getName(), Zones.resolve(config, "Location", id, declared)));
      }
      if (isLast(bundle, entries, page, count)) {
        return out;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Page read(ReadRequest request, RegionDirectory regions) {
    return switch (request.type()) {
      case CLIENT, CAREGIVER -> readPeople(request);
      case VISIT -> readVisits(request, regions);
      default -> throw new IllegalArgumentException("WellSky Home Connect does not offer the "
          + request.type().displayName() + " stream; see the connector's capabilities");
    };
  }

  private Page readPeople(ReadRequest request) {
    EntityType type = request.type();
    boolean clients = type == EntityType.CLIENT;
    String path = clients ? "patients/_search/" : "practitioners/_search/";
    long[] position = request.resumeFrom().map(c -> numbers(c, type, 2))
        .orElse(new long[] {0, Math.min(request.pageSize(), config.pageSize())});
    long offset = position[0];
    int count = (int) position[1];
    if (count > request.pageSize()) {
      count = request.pageSize();
    }
    ObjectNode body = JSON.createObjectNode();
    // Home Connect filters people by update date; a day's granularity returns a superset, which
    // the sync engine's content hashes reduce to the real changes.
    request.changedSinceInstant().ifPresent(since -> body.put("updated", "ge" + since.atZone(ZoneOffset.UTC).toLocalDate()));
    for (int requests = 1; ; requests++) {
      int page = (int) (offset / count);
      JsonNode bundle = search(path, page, count, body);
      List<JsonNode> entries = HomeConnectRecords.entries(bundle);
      List<SourceRecord> records = new ArrayList<>();
      List<RejectedRecord> rejected = new ArrayList<>();
      for (JsonNode entry : entries) {
        try {
          SourceRecord r = clients ? client(entry, request.regionIds()) : caregiver(entry, request.regionIds());
          if (r != null) {
            records.add(r);
          }
        } catch (InvalidRecordException e) {
          rejected.add(RejectedRecord.of(e));
        }
      }
      boolean last = isLast(bundle, entries, page, count);
      offset = (long) (page + 1) * count;
      if (last) {
        return Page.of(records, rejected, null, null);
      }
      if (!records.isEmpty() || !rejected.isEmpty() || requests >= MAX_REQUESTS_PER_READ) {
        return Page.of(records, rejected, cursor(type, offset, count), null);
      }
    }
  }

  private SourceRecord client(JsonNode entry, Set<String> regions) {
    Patient p = HomeConnectRecords.parse(entry, Patient.class, EntityType.CLIENT);
    if (!HomeConnectRecords.flag(p, "isClient")) {
      return null; // a prospect
    }
    String region = HomeConnectRecords.region(p, EntityType.CLIENT);
    return regions.contains(region) ? HomeConnectRecords.client(p, region) : null;
  }

  private SourceRecord caregiver(JsonNode entry, Set<String> regions) {
    Practitioner p = HomeConnectRecords.parse(entry, Practitioner.class, EntityType.CAREGIVER);
    if (!HomeConnectRecords.flag(p, "isHired")) {
      return null; // an applicant
    }
    String region = HomeConnectRecords.region(p, EntityType.CAREGIVER);
    return regions.contains(region) ? HomeConnectRecords.caregiver(p, region) : null;
  }

  /**
   * Visits: for each client of the selected regions, for each chunk of the window, each page of
   * shifts; the results of several searches fill one page. A search whose shifts would overflow
   * the page is left for the next read (the cursor points at it), costing one repeated request.
   */
  private Page readVisits(ReadRequest request, RegionDirectory regions) {
    long[] s = request.resumeFrom().map(c -> numbers(c, EntityType.VISIT, 6))
        .orElse(new long[] {0, config.pageSize(), 0, 0, 0, Math.min(request.pageSize(), config.pageSize())});
    int patientPage = (int) s[0];
    int patientCount = (int) s[1];
    int index = (int) s[2];
    int chunk = (int) s[3];
    int shiftPage = (int) s[4];
    int shiftCount = (int) Math.min(s[5], request.pageSize());
    List<SourceRecord> records = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    int requests = 0;
    // A read that starts afresh sees the clients as they are now; one that resumes may go on with
    // the page of patients the previous read used, if it is recent.
    PatientPage reusable = request.resumeFrom().isPresent() ? lastPatientPage : null;
    if (reusable != null && !config.clock().instant().isBefore(reusable.fetchedAt().plus(PATIENT_PAGE_REUSE))) {
      reusable = null;
    }
    while (requests < MAX_REQUESTS_PER_READ) {
      PatientPage patients;
      if (reusable != null && reusable.page() == patientPage && reusable.count() == patientCount) {
        patients = reusable;
      } else {
        patients = patientPage(patientPage, patientCount);
        reusable = patients;
        requests++;
      }
      if (index >= patients.entries().size()) {
        if (isLast(patients.total(), patients.entries().size(), patientPage, patientCount)) {
          return Page.of(records, rejected, null, null);
        }
        patientPage++;
        index = 0;
        chunk = 0;
        shiftPage = 0;
        continue;
      }
      JsonNode patient = patients.entries().get(index);
      // Parsed once per patient page, not once per chunk.
      ClientFacts client = patients.facts().computeIfAbsent(index, i -> Optional.ofNullable(visitClient(patient, regions)))
          .filter(f -> request.regionIds().contains(f.regionId())).orElse(null);
      List<LocalDate[]> chunks = client == null ? List.of() : chunks(request, client.zone());
      if (chunk >= chunks.size()) {
        index++;
        chunk = 0;
        shiftPage = 0;
        continue;
      }
      String clientId = HomeConnectRecords.id(patient);
      LocalDate[] days = chunks.get(chunk);
      ObjectNode body = JSON.createObjectNode();
      body.put("clientId", clientId);
      body.put("startDate", days[0].minusDays(1).format(YYYYMMDD));
      body.put("additionalDays", CHUNK_DAYS + 1);
      JsonNode bundle = search("appointment/_search/", shiftPage, shiftCount, body);
      requests++;
      List<JsonNode> shifts = HomeConnectRecords.entries(bundle);
      List<Visit> found = new ArrayList<>();
      List<RejectedRecord> bad = new ArrayList<>();
      for (JsonNode shift : shifts) {
        try {
          Visit v = HomeConnectRecords.visit(shift, client);
          LocalDate day = v.localStart().toLocalDate();
          if (!day.isBefore(days[0]) && !day.isAfter(days[1]) && request.window().contains(v.start())) {
            found.add(v); // else another chunk's, or outside the window
          }
        } catch (InvalidRecordException e) {
          bad.add(RejectedRecord.of(e));
        }
      }
      if (!records.isEmpty() && records.size() + found.size() > request.pageSize()) {
        // Full: this search is the next read's first.
        return Page.of(records, rejected,
            cursor(EntityType.VISIT, patientPage, patientCount, index, chunk, shiftPage, shiftCount), null);
      }
      for (Visit v : found) {
        readShifts.put(v.id(), new ReadShift(clientId, client, v.contentHash()));
      }
      records.addAll(found);
      rejected.addAll(bad);
      if (isLast(bundle, shifts, shiftPage, shiftCount)) {
        chunk++;
        shiftPage = 0;
      } else {
        shiftPage++;
      }
      if (records.size() >= request.pageSize()) {
        break;
      }
    }
    return Page.of(records, rejected, cursor(EntityType.VISIT, patientPage, patientCount, index, chunk, shiftPage,
        shiftCount), null);
  }

  /** The facts of a patient entry if it is a client in a known region, else null. */
  private ClientFacts visitClient(JsonNode entry, RegionDirectory regions) {
    try {
      Patient p = HomeConnectRecords.parse(entry, Patient.class, EntityType.CLIENT);
      if (!HomeConnectRecords.flag(p, "isClient")) {
        return null;
      }
      String regionId = HomeConnectRecords.region(p, EntityType.CLIENT);
      Region region = regions.known(regionId); // selected regions are known; others need no reload

      return region == null ? null : FhirMapper.clientFacts(p, regionId, region.zone());
    } catch (InvalidRecordException e) {
      // The client stream quarantines this patient; without a region its shifts cannot be placed.
      LOG.debug("skipping the shifts of patient {}: {}", HomeConnectRecords.id(entry), e.getMessage());
      return null;
    }
  }

  /** Five-day chunks of local dates covering the window in the client's zone. */
  private static List<LocalDate[]> chunks(ReadRequest request, ZoneId zone) {
    LocalDate first = request.window().from().atZone(zone).toLocalDate();
    LocalDate last = request.window().to().minusNanos(1).atZone(zone).toLocalDate();
    List<LocalDate[]> out = new ArrayList<>();
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    for (long d = 0; d < days; d += CHUNK_DAYS) {
      LocalDate start = first.plusDays(d);
      LocalDate end = start.plusDays(CHUNK_DAYS - 1);
      out.add(new LocalDate[] {start, end.isAfter(last) ? last : end});
    }
    return out;
  }

  /** One page of patients, fetched now and remembered for the read that resumes this one. */
  private PatientPage patientPage(int page, int count) {
    Instant now = config.clock().instant();
    JsonNode bundle = search("patients/_search/", page, count, JSON.createObjectNode());
    PatientPage fresh = new PatientPage(page, count, HomeConnectRecords.entries(bundle),
        bundle.path("totalRecords").asLong(-1), now, new java.util.concurrent.ConcurrentHashMap<>());
    lastPatientPage = fresh;
    return fresh;
  }

  // ---------------------------------------------------------------- write-back

  @Override
  public void assignCaregiver(String visitId, String caregiverId) {
    ReadShift known = readShifts.get(visitId);
    LocalDate day = HomeConnectRecords.day(visitId);
    if (known == null || day == null) {
      throw new IllegalArgumentException("Visit '" + visitId + "' was not read by this connector: Home Connect finds a"
          + " shift only by client and date. Read the visits (sync) with this connector, then assign.");
    }
    String shiftId = HomeConnectRecords.shiftId(visitId);
    ObjectNode body = JSON.createObjectNode();
    body.put("clientId", known.clientId());
    body.put("startDate", day.minusDays(1).format(YYYYMMDD));
    body.put("additionalDays", 2);
    JsonNode current = null;
    Visit now = null;
    for (JsonNode shift : HomeConnectRecords.entries(search("appointment/_search/", 0,
        WellSkyConnectorConfig.HOME_CONNECT_MAX_PAGE_SIZE, body))) {
      if (!shiftId.equals(HomeConnectRecords.id(shift))) {
        continue;
      }
      Visit v;
      try {
        v = HomeConnectRecords.visit(shift, known.client());
      } catch (InvalidRecordException e) {
        throw new WriteConflictException("Visit '" + visitId + "' was changed by someone else and is no longer valid ("
            + e.getMessage() + "). Sync again before assigning.", e);
      }
      if (v.id().equals(visitId)) { // the occurrence of that day: a recurring series shares the id
        current = shift;
        now = v;
      }
    }
    if (current == null) {
      throw new WriteConflictException("Visit '" + visitId + "' was deleted or moved by someone else since it was read."
          + " Sync again before assigning.");
    }
    if (!now.contentHash().equals(known.contentHash())) {
      throw new WriteConflictException("Visit '" + visitId + "' was changed by someone else since it was read"
          + (now.caregiverId() != null ? " (caregiver '" + now.caregiverId() + "' is on it now)" : "")
          + ". Sync again; assign it if it is still open.");
    }
    ObjectNode update = current.deepCopy();
    update.putObject("caregiver").put("id", caregiverId);
    update.put("status", "SCHEDULED");
    String path = "appointment/" + shiftId + "/";
    HttpUrl url = base.newBuilder().addPathSegment("appointment").addPathSegment(shiftId).addPathSegment("").build();
    Request put = new Request.Builder().url(url).put(RequestBody.create(update.toString(), JSON_TYPE)).build();
    try (Response r = http.newCall(put).execute()) {
      String text = r.body() == null ? "" : r.body().string();
      if (r.code() == 404) {
        throw new WriteConflictException("Visit '" + visitId + "' was deleted by someone else since it was read (404).");
      }
      HomeConnectFailures sent = failures.sent(r.request().header("Authorization"));
      if (r.code() == 422) {
        throw new IllegalArgumentException("WellSky refused to assign caregiver '" + caregiverId + "' to visit '" + visitId
            + "' (422 \"" + sent.redactedSaid(r.header("Content-Type"), text) + "\"). Check that the caregiver"
            + " exists and may work with this client.");
      }
      if (!r.isSuccessful()) {
        throw sent.fromResponse("PUT " + path, r.code(), r.header("Content-Type"), text);
      }
    } catch (IOException e) {
      throw failures.classify(e);
    }
    readShifts.remove(visitId);
    LOG.info("assigned caregiver {} to visit {} on {}", caregiverId, visitId, host());
  }

  // ---------------------------------------------------------------- plumbing

  /** One search; a body that cannot be read (e.g. truncated) is fetched once more. */
  private JsonNode search(String path, int page, int count, ObjectNode body) {
    HttpUrl url = base.resolve(path).newBuilder()
        .addQueryParameter("_page", Integer.toString(page))
        .addQueryParameter("_count", Integer.toString(count))
        .build();
    Request request = Idempotent.mark(new Request.Builder().url(url).post(RequestBody.create(body.toString(), JSON_TYPE)))
        .build();
    String what = "POST " + path;
    for (int attempt = 1; ; attempt++) {
      try (Response r = http.newCall(request).execute()) {
        String text = r.body() == null ? "" : r.body().string();
        if (!r.isSuccessful()) {
          // A server may quote the token it refused: mask the one this request carried too.
          throw failures.sent(r.request().header("Authorization")).fromResponse(what, r.code(),
              r.header("Content-Type"), text);
        }
        try {
          JsonNode node = JSON.readTree(text);
          if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
          }
          return node;
        } catch (IOException unreadable) {
          if (attempt >= 2) {
            throw failures.unreadable(what, unreadable.getClass().getSimpleName() + ": "
                + String.valueOf(unreadable.getMessage()).lines().findFirst().orElse(""));
          }
          LOG.debug("{} answered a body that is not JSON; asking once more", what);
        }
      } catch (IOException e) {
        throw failures.classify(e);
      }
    }
  }

  private static boolean isLast(JsonNode bundle, List<JsonNode> entries, int page, int count) {
    return isLast(bundle.path("totalRecords").asLong(-1), entries.size(), page, count);
  }

  private static boolean isLast(long total, int entries, int page, int count) {
    if (entries == 0 || entries < count) {
      return true;
    }
    return total >= 0 && (long) (page + 1) * count >= total;
  }

  private static SyncCursor cursor(EntityType type, long... numbers) {
    StringBuilder sb = new StringBuilder(CURSOR_PREFIX).append(type);
    for (long n : numbers) {
      sb.append(':').append(n);
    }
    return SyncCursor.of(sb.toString());
  }

  private static long[] numbers(SyncCursor cursor, EntityType type, int expected) {
    String prefix = CURSOR_PREFIX + type + ":";
    String token = cursor.token();
    if (!token.startsWith(prefix)) {
      throw new IllegalArgumentException("Cursor '" + token + "' was not issued by the WellSky Home Connect connector for "
          + type + "; start the read again without a cursor");
    }
    String[] parts = token.substring(prefix.length()).split(":");
    if (parts.length != expected) {
      throw new IllegalArgumentException("Cursor '" + token + "' is malformed; start the read again without a cursor");
    }
    long[] out = new long[expected];
    try {
      for (int i = 0; i < expected; i++) {
        out[i] = Long.parseLong(parts[i]);
        if (out[i] < 0) {
          throw new NumberFormatException("negative");
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Cursor '" + token + "' is malformed; start the read again without a cursor", e);
    }
    return out;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
