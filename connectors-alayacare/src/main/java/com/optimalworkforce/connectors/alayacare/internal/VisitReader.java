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
 * starts), their size follows the density of visits, and within a slice visits are ordered by
 * AlayaCare visit id. The cursor holds the branch, the slice and the last visit id returned, so a
 * page that ends inside a slice resumes exactly after it, in any connector instance. Only a
 * single second holding more visits than a page falls back to paging through {@code total_pages}.
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

  public VisitReader(Http http, Directory directory, Parallel parallel, int apiPageSize,
      Predicate<String> isCallOutCode) {
    this.http = http;
    this.directory = directory;
    this.parallel = parallel;
    this.apiPageSize = apiPageSize;
    this.isCallOutCode = isCallOutCode;
  }

  public Page read(ReadRequest r, List<Long> branches) {
    boolean callOuts = r.type() == EntityType.CALL_OUT;
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
    List<SourceRecord> records = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    while (true) {
      long branch = branches.get(bi);
      ZoneId zone = directory.zone(branch);
      Instant to = min(windowTo, from.plusSeconds(len));
      List<JsonNode> items = slice(branch, from, to, callOuts, len);
      if (items == null) { // more than one page: halve the slice and ask again
        len = Math.max(1, len / 2);
        continue;
      }
      EntityType type = callOuts ? EntityType.CALL_OUT : EntityType.VISIT;
      final long skip = after;
      List<Item> visits = parse(items, from, to, type);
      visits.removeIf(v -> v.id <= skip && !(skip < 0 && v.id < 0)); // id-less items: first pass only
      if (!callOuts) {
        prefetchPlaces(visits);
      }
      int room = r.pageSize() - records.size() - rejected.size();
      int taken = 0;
      long lastTaken = after;
      for (Item item : visits) {
        if (taken >= room) {
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
            records.add(Mapper.visit(v, branch, zone, directory.place(v.alayacareClientId())));
            taken++;
          }
        } catch (InvalidRecordException e) {
          rejected.add(RejectedRecord.of(e));
          taken++;
        }
        lastTaken = item.id;
      }
      boolean sliceDone = visits.isEmpty() || lastTaken == visits.get(visits.size() - 1).id;
      if (!sliceDone) { // the page is full inside this slice: resume after the last visit taken
        return page(r, records, rejected, branch, from, len, lastTaken);
      }
      // Next slice: sized so it holds about half a request's worth of visits.
      len = nextLength(len, items.size());
      after = -1;
      from = to;
      if (!from.isBefore(windowTo)) {
        if (bi + 1 >= branches.size()) {
          return Page.of(records, rejected, null, null);
        }
        bi++;
        from = windowFrom;
        len = FIRST_SLICE_SECONDS;
      }
      if (records.size() + rejected.size() >= r.pageSize()) {
        return page(r, records, rejected, branches.get(bi), from, len, -1);
      }
    }
  }

  private Page page(ReadRequest r, List<SourceRecord> records, List<RejectedRecord> rejected, long branch, Instant from,
      long len, long after) {
    Map<String, Long> next = new LinkedHashMap<>();
    next.put("b", branch);
    next.put("from", from.getEpochSecond());
    next.put("len", len);
    next.put("after", after);
    return Page.of(records, rejected, Cursors.encode(r, next), null);
  }

  private long nextLength(long len, int found) {
    long target = Math.max(1, apiPageSize / 2);
    long next = found == 0 ? len * 4 : len * target / found;
    return Math.max(1, Math.min(Math.max(next, len / 4), len * 4));
  }

  /**
   * The visits starting in {@code [from, to)} in one request, or null when they do not fit in one
   * page. A one-second slice that still does not fit is paged through.
   */
  private List<JsonNode> slice(long branch, Instant from, Instant to, boolean cancelledOnly, long len) {
    String qFrom = UTC.format(from.truncatedTo(ChronoUnit.SECONDS));
    Instant end = to.truncatedTo(ChronoUnit.SECONDS).equals(to) ? to.minusSeconds(1) : to.truncatedTo(ChronoUnit.SECONDS);
    String qTo = UTC.format(end);
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

  private void prefetchPlaces(List<Item> visits) {
    List<Long> missing = visits.stream().filter(i -> i.dto != null).map(i -> i.dto.alayacareClientId())
        .filter(id -> id != null && !directory.knowsPlace(id)).distinct().toList();
    parallel.map(missing, directory::place);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
