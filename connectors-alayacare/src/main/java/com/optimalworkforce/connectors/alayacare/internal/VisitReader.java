package com.optimalworkforce.connectors.alayacare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.RejectedRecord;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.InvalidRecordException;
import com.optimalworkforce.core.model.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads visits (or the call-outs cancelled visits imply) of the selected branches over the window.
 *
 * <p>Offset paging ({@code page}/{@code count}) of one big query loses or repeats records when
 * visits are added or removed between two page requests, which would make the sync engine's
 * window re-read and hash diff report false deletions. So the window is cut into time slices, each
 * small enough that {@code GET scheduler/visits} returns it whole in one request (one consistent
 * answer); a slice that comes back with more than one page is halved and asked again. Slices are
 * disjoint ({@code start_date_to} is inclusive, so a slice ends one second before the next
 * starts), their size follows the density of visits, each is first probed with {@code count=1}
 * (whose {@code total_pages} is the number of visits) so that no large answer is fetched only to
 * be discarded and empty slices cost no fetch, and within a slice visits are ordered by
 * AlayaCare visit id. Up to {@code concurrency} consecutive slices are fetched at once. The cursor
 * holds the branch, the slice (its exact bounds when a page ended inside it) and the last visit id
 * returned, so a page that ends inside a slice resumes exactly after it, in any connector
 * instance. A single second holding more visits than a request, or a resumed slice that has grown
 * past one request, is paged through {@code total_pages}.
 * Not API.
 */
public final class VisitReader {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;
  private static final long FIRST_SLICE_SECONDS = Duration.ofDays(1).toSeconds();

  private final Http http;
  private final Directory directory;
  private final Parallel parallel;
  private final int apiPageSize;
  private final Predicate<String> isCallOutCode;
  private final int concurrency;

  public VisitReader(Http http, Directory directory, Parallel parallel, int apiPageSize, int concurrency,
      Predicate<String> isCallOutCode) {
    this.concurrency = concurrency;
    this.http = http;
    this.directory = directory;
    this.parallel = parallel;
    this.apiPageSize = apiPageSize;
    this.isCallOutCode = isCallOutCode;
  }

  public Page read(ReadRequest r, List<Long> branches) {
    boolean callOuts = r.type() == EntityType.CALL_OUT;
    EntityType type = callOuts ? EntityType.CALL_OUT : EntityType.VISIT;
    Map<String, Long> c = Cursors.decode(r);
    Instant windowFrom = r.window().from();
    Instant windowTo = r.window().to();
    int bi = branches.indexOf(Cursors.get(c, "b", branches.get(0)));
    if (bi < 0) {
      throw new IllegalArgumentException("Cursor '" + r.cursor().token() + "' names a branch not selected in this read;"
          + " start the read again without a cursor");
    }
    Instant from = c.containsKey("from") ? Instant.ofEpochSecond(c.get("from")) : windowFrom;
    long len = Cursors.get(c, "len", FIRST_SLICE_SECONDS);
    long after = Cursors.get(c, "after", -1);
    // A page that ended inside a slice resumes in exactly that slice, after the last id returned.
    Instant partialTo = after >= 0 && c.containsKey("to") ? Instant.ofEpochSecond(c.get("to")) : null;
    List<SourceRecord> records = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    while (true) {
      long branch = branches.get(bi);
      ZoneId zone = directory.zone(branch);
      // Plan the next slices: enough to fill the page, at most `concurrency` fetched at once.
      int room = r.pageSize() - records.size() - rejected.size();
      int wanted = (int) Math.max(1, Math.min(concurrency, Math.ceil(room / (double) target())));
      List<Instant[]> plan = new ArrayList<>();
      Instant f = from;
      while (plan.size() < wanted && f.isBefore(windowTo)) {
        Instant t = plan.isEmpty() && partialTo != null ? partialTo : min(windowTo, f.plusSeconds(len));
        plan.add(new Instant[] {f, t});
        f = t;
      }
      final boolean exact = partialTo != null;
      // Probe each planned slice with count=1 (total_pages is then the number of visits): a slice that
      // would not fit in one request is cut before any large answer is fetched and thrown away, and an
      // empty slice costs no fetch at all.
      List<Long> sizes = parallel.map(plan, sl -> exact && sl[0].equals(plan.get(0)[0]) ? 0L
          : probe(branch, sl[0], sl[1], callOuts));
      int fits = 0;
      while (fits < plan.size() && sizes.get(fits) <= apiPageSize) {
        fits++;
      }
      if (fits == 0) { // the first slice is too big: shrink it to about 80% of a request and plan again
        long n = sizes.get(0);
        len = Math.max(1, Math.min(len / 2, (long) (len * 0.8 * apiPageSize / n)));
        continue;
      }
      List<Instant[]> toFetch = new ArrayList<>();
      for (int i = 0; i < fits; i++) {
        if (sizes.get(i) > 0 || (exact && i == 0)) {
          toFetch.add(plan.get(i));
        }
      }
      final long sliceLen = len;
      List<List<JsonNode>> got = parallel.map(toFetch,
          sl -> slice(branch, sl[0], sl[1], callOuts, exact && sl[0].equals(plan.get(0)[0]) ? 1 : sliceLen));
      List<List<JsonNode>> fetched = new ArrayList<>();
      for (int i = 0, j = 0; i < fits; i++) {
        fetched.add(sizes.get(i) > 0 || (exact && i == 0) ? got.get(j++) : List.of());
      }
      if (fits < plan.size()) {
        plan.subList(fits, plan.size()).clear();
      }
      boolean replan = false;
      for (int i = 0; i < plan.size() && !replan; i++) {
        Instant sliceFrom = plan.get(i)[0];
        Instant sliceTo = plan.get(i)[1];
        List<JsonNode> items = fetched.get(i);
        if (items == null) { // more than one page: halve the slice and ask again
          len = Math.max(1, len / 2);
          replan = true;
          continue;
        }
        final long skip = after;
        List<Item> visits = parse(items, sliceFrom, sliceTo, type);
        visits.removeIf(v -> v.id <= skip && !(skip < 0 && v.id < 0)); // id-less items: first pass only
        Map<Long, Mapper.Place> places = callOuts ? Map.of() : places(visits);
        int space = r.pageSize() - records.size() - rejected.size();
        int taken = 0;
        long lastTaken = after;
        for (Item item : visits) {
          if (taken >= space) {
            break;
          }
          try {
            if (item.error != null) {
              throw item.error;
            }
            Dto.VisitItem v = item.dto;
            if (callOuts) {
              CallOut co = Mapper.callOut(v, zone, isCallOutCode);
              if (co != null) {
                records.add(co);
                taken++;
              }
            } else {
              records.add(Mapper.visit(v, branch, zone, places.get(item.id)));
              taken++;
            }
          } catch (InvalidRecordException e) {
            rejected.add(RejectedRecord.of(e));
            taken++;
          }
          lastTaken = item.id;
        }
        boolean sliceDone = visits.isEmpty() || lastTaken == visits.get(visits.size() - 1).id;
        if (!sliceDone) { // the page is full inside this slice: resume there, after the last visit taken
          return page(r, records, rejected, branch, sliceFrom, sliceTo, len, lastTaken);
        }
        len = nextLength(len, items.size());
        if (i == plan.size() - 1 && fits < sizes.size()) { // the next slice was too big: size it from its probe
          len = Math.max(1, Math.min(len, (long) (sliceLen * 0.8 * apiPageSize / sizes.get(fits))));
        }
        after = -1;
        partialTo = null;
        from = sliceTo;
        if (!from.isBefore(windowTo)) {
          if (bi + 1 >= branches.size()) {
            return Page.of(records, rejected, null, null);
          }
          bi++;
          from = windowFrom;
          len = FIRST_SLICE_SECONDS;
          replan = true;
        }
        if (records.size() + rejected.size() >= r.pageSize()) {
          return page(r, records, rejected, branches.get(bi), from, null, len, -1);
        }
      }
    }
  }

  /** Visits aimed for per slice: most of a request, as probes keep slices from overflowing. */
  private long target() {
    return Math.max(1, apiPageSize * 7 / 10);
  }

  /** How many visits start in {@code [from, to)}: one item asked, {@code total_pages} counts them. */
  private long probe(long branch, Instant from, Instant to, boolean cancelledOnly) {
    Dto.Paged<JsonNode> p = http.execute(http.api().visits(branch, queryFrom(from), queryTo(to),
        cancelledOnly ? Boolean.TRUE : null, 1, 1));
    return p.itemsOrEmpty().isEmpty() ? 0 : p.pages();
  }

  private static String queryFrom(Instant from) {
    return UTC.format(from.truncatedTo(ChronoUnit.SECONDS));
  }

  /** {@code start_date_to} is inclusive: one second before the next slice starts. */
  private static String queryTo(Instant to) {
    Instant end = to.truncatedTo(ChronoUnit.SECONDS).equals(to) ? to.minusSeconds(1) : to.truncatedTo(ChronoUnit.SECONDS);
    return UTC.format(end);
  }

  private Page page(ReadRequest r, List<SourceRecord> records, List<RejectedRecord> rejected, long branch, Instant from,
      Instant to, long len, long after) {
    Map<String, Long> next = new LinkedHashMap<>();
    next.put("b", branch);
    next.put("from", from.getEpochSecond());
    if (to != null) {
      next.put("to", to.getEpochSecond());
    }
    next.put("len", len);
    next.put("after", after);
    return Page.of(records, rejected, Cursors.encode(r, next), null);
  }

  private long nextLength(long len, int found) {
    long target = target();
    long next = found == 0 ? len * 2 : len * target / found;
    return Math.max(1, Math.min(Math.max(next, len / 4), len * 2));
  }

  /**
   * The visits starting in {@code [from, to)} in one request, or null when they do not fit in one
   * page. A one-second slice that still does not fit is paged through.
   */
  private List<JsonNode> slice(long branch, Instant from, Instant to, boolean cancelledOnly, long len) {
    String qFrom = queryFrom(from);
    String qTo = queryTo(to);
    Boolean cancelled = cancelledOnly ? Boolean.TRUE : null;
    Dto.Paged<JsonNode> first = http.execute(http.api().visits(branch, qFrom, qTo, cancelled, 1, apiPageSize));
    if (first.pages() <= 1) {
      return first.itemsOrEmpty();
    }
    if (len > 1) {
      return null;
    }
    List<JsonNode> all = new ArrayList<>(first.itemsOrEmpty());
    for (int p = 2; p <= first.pages(); p++) {
      all.addAll(http.execute(http.api().visits(branch, qFrom, qTo, cancelled, p, apiPageSize)).itemsOrEmpty());
    }
    return all;
  }

  /** A visit item by id: its DTO, or why it could not be read. */
  private record Item(long id, Dto.VisitItem dto, InvalidRecordException error) {}

  /**
   * Parses items one by one (a bad item is rejected, not the page), keeps those starting in the
   * slice (and those whose start cannot be read, which the server placed there), sorted by id.
   * Items without an id cannot be resumed past and are rejected once, on the slice's first page.
   */
  private static List<Item> parse(List<JsonNode> items, Instant from, Instant to, EntityType type) {
    List<Item> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (JsonNode node : items) {
      JsonNode idNode = node == null ? null : node.get("alayacare_visit_id");
      if (idNode == null || !idNode.canConvertToLong()) {
        out.add(new Item(Long.MIN_VALUE + out.size(), null, new InvalidRecordException(type, null,
            "alayacare_visit_id", "is missing or not a number")));
        continue;
      }
      long id = idNode.asLong();
      if (!seen.add(id)) {
        continue;
      }
      Dto.VisitItem v;
      try {
        v = Http.JSON.treeToValue(node, Dto.VisitItem.class);
      } catch (Exception e) {
        out.add(new Item(id, null, new InvalidRecordException(type, Long.toString(id), "item",
            "could not be read: " + e.getMessage())));
        continue;
      }
      Instant start;
      try {
        start = Mapper.instant(v.startAt(), type, Long.toString(id), "start_at");
      } catch (InvalidRecordException e) {
        out.add(new Item(id, null, e));
        continue;
      }
      if (!start.isBefore(from) && start.isBefore(to)) {
        out.add(new Item(id, v, null));
      }
    }
    out.sort(Comparator.comparingLong(Item::id));
    return out;
  }

  /**
   * Where each visit takes place, by visit id: its client's home (client details fetched with
   * bounded concurrency, once per client), completed from the visit's route ({@code zip_code}) where
   * the client's demographics hold no postal code. The route of one visit per such client is read
   * first, since a home stop then serves the client's other visits. Visits without a client id get
   * none: the mapper rejects them.
   */
  private Map<Long, Mapper.Place> places(List<Item> visits) {
    List<Item> placed = visits.stream().filter(i -> i.dto != null && i.dto.alayacareClientId() != null).toList();
    parallel.map(placed.stream().map(i -> i.dto.alayacareClientId()).distinct().filter(id -> !directory.knowsPlace(id))
        .toList(), directory::place);
    Map<Long, Mapper.Place> out = new HashMap<>();
    List<Item> firsts = new ArrayList<>();
    List<Item> rest = new ArrayList<>();
    Set<Long> clients = new HashSet<>();
    for (Item i : placed) {
      long client = i.dto.alayacareClientId();
      Mapper.Place home = directory.place(client);
      out.put(i.id, home);
      if (home.postalCode() == null) {
        (!directory.knowsHomeRoute(client) && clients.add(client) ? firsts : rest).add(i);
      }
    }
    for (List<Item> batch : List.of(firsts, rest)) {
      List<Mapper.Place> routes = parallel.map(batch, i -> directory.routePlace(i.id, i.dto.alayacareClientId()));
      for (int k = 0; k < batch.size(); k++) {
        out.put(batch.get(k).id, out.get(batch.get(k).id).orElse(routes.get(k)));
      }
    }
    return out;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
