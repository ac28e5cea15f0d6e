package com.optimalworkforce.connectors.alayacare.internal;

import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.RejectedRecord;
import com.optimalworkforce.core.model.InvalidRecordException;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Unavailability;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads unavailability of the employees of the selected branches that overlaps the window: one
 * request per employee ({@code GET employees/employee/{id}/unavailabilities}), several in flight
 * at once, each entry's {@code rrule} expanded into occurrences. Entries are asked by UTC date
 * ({@code start_date_to} the window's last day, {@code end_date_from} its first), so a rule that
 * began before the window is found; occurrences are then cut to the window exactly. Employees go
 * in id order; the cursor holds the branch, the employee to resume at and how many of its
 * occurrences were already returned. Not API.
 */
public final class UnavailabilityReader {
  private final Http http;
  private final Directory directory;
  private final Parallel parallel;
  private final int apiPageSize;
  private final int concurrency;

  public UnavailabilityReader(Http http, Directory directory, Parallel parallel, int apiPageSize, int concurrency) {
    this.http = http;
    this.directory = directory;
    this.parallel = parallel;
    this.apiPageSize = apiPageSize;
    this.concurrency = concurrency;
  }

  public Page read(ReadRequest r, List<Long> branches) {
    Map<String, Long> c = Cursors.decode(r);
    int bi = branches.indexOf(Cursors.get(c, "b", branches.get(0)));
    if (bi < 0) {
      throw new IllegalArgumentException("Cursor '" + r.cursor().token() + "' names a branch not selected in this read;"
          + " start the read again without a cursor");
    }
    long fromEmployee = Cursors.get(c, "e", Long.MIN_VALUE);
    long skip = Cursors.get(c, "skip", 0);
    List<SourceRecord> records = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    String startTo = r.window().to().atZone(ZoneOffset.UTC).toLocalDate().toString();
    String endFrom = r.window().from().minus(Duration.ofDays(1)).atZone(ZoneOffset.UTC).toLocalDate().toString();
    while (true) {
      long branch = branches.get(bi);
      ZoneId zone = directory.zone(branch);
      final long first = fromEmployee;
      List<Long> employees = employeeIds(branch).stream().filter(id -> id >= first).toList();
      for (int start = 0; start < employees.size(); start += concurrency) {
        List<Long> batch = employees.subList(start, Math.min(employees.size(), start + concurrency));
        List<List<Dto.Unavailability>> entries = parallel.map(batch, id -> entries(id, startTo, endFrom));
        for (int i = 0; i < batch.size(); i++) {
          long employee = batch.get(i);
          List<Object> occurrences = occurrences(entries.get(i), employee, zone, r);
          int from = employee == fromEmployee ? (int) Math.min(skip, occurrences.size()) : 0;
          for (int k = from; k < occurrences.size(); k++) {
            if (records.size() + rejected.size() >= r.pageSize()) {
              return page(r, records, rejected, branch, employee, k);
            }
            Object o = occurrences.get(k);
            if (o instanceof RejectedRecord rr) {
              rejected.add(rr);
            } else {
              records.add((SourceRecord) o);
            }
          }
        }
      }
      if (bi + 1 >= branches.size()) {
        return Page.of(records, rejected, null, null);
      }
      bi++;
      fromEmployee = Long.MIN_VALUE;
      skip = 0;
      if (records.size() + rejected.size() >= r.pageSize()) {
        return page(r, records, rejected, branches.get(bi), Long.MIN_VALUE, 0);
      }
    }
  }

  private Page page(ReadRequest r, List<SourceRecord> records, List<RejectedRecord> rejected, long branch,
      long employee, long skip) {
    Map<String, Long> next = new LinkedHashMap<>();
    next.put("b", branch);
    next.put("e", employee);
    next.put("skip", skip);
    return Page.of(records, rejected, Cursors.encode(r, next), null);
  }

  /** Occurrences (or rejections) of one employee in a stable order: by start, then id. */
  private static List<Object> occurrences(List<Dto.Unavailability> entries, long employee, ZoneId zone, ReadRequest r) {
    List<Unavailability> ok = new ArrayList<>();
    List<Object> out = new ArrayList<>();
    for (Dto.Unavailability u : entries) {
      try {
        ok.addAll(Mapper.unavailabilities(u, employee, zone, r.window().from(), r.window().to()));
      } catch (InvalidRecordException e) {
        out.add(RejectedRecord.of(e));
      }
    }
    ok.sort(Comparator.comparing(Unavailability::start).thenComparing(Unavailability::id));
    out.addAll(ok);
    return out;
  }

  /** The employee's entries; none when AlayaCare answers 404 (the employee was removed during the read). */
  private List<Dto.Unavailability> entries(long employee, String startTo, String endFrom) {
    List<Dto.Unavailability> out = new ArrayList<>();
    int page = 1;
    Dto.Paged<Dto.Unavailability> p;
    do {
      p = http.executeOrNull(http.api().unavailabilities(employee, startTo, endFrom, page, apiPageSize));
      if (p == null) {
        return List.of();
      }
      out.addAll(p.itemsOrEmpty());
      page++;
    } while (page <= p.pages());
    out.sort(Comparator.comparing(u -> u.id() == null ? Long.MIN_VALUE : u.id()));
    return out;
  }

  /** The branch's employee ids, ascending. */
  private List<Long> employeeIds(long branch) {
    List<Long> ids = new ArrayList<>();
    int page = 1;
    Dto.Paged<Dto.EmployeeItem> p;
    do {
      p = http.execute(http.api().employees(branch, page, apiPageSize));
      p.itemsOrEmpty().stream().map(Dto.EmployeeItem::id).filter(id -> id != null).forEach(ids::add);
      page++;
    } while (page <= p.pages());
    return ids.stream().distinct().sorted().toList();
  }
}
