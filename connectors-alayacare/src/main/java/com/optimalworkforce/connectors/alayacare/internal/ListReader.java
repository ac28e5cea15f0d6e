package com.optimalworkforce.connectors.alayacare.internal;

import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.RejectedRecord;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.InvalidRecordException;
import com.optimalworkforce.core.model.SourceRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads clients or employees of the selected branches, branch by branch in id order, with
 * {@code page}/{@code count} paging, each item completed by its detail (postal code, location,
 * skills) fetched with bounded concurrency. The cursor holds the branch, the next page, the count
 * it was issued with and the last id returned, so an item that moves to an earlier page when
 * another is added is not returned twice. Not API.
 */
public final class ListReader {
  private final Http http;
  private final Directory directory;
  private final Parallel parallel;
  private final int apiPageSize;

  public ListReader(Http http, Directory directory, Parallel parallel, int apiPageSize) {
    this.http = http;
    this.directory = directory;
    this.parallel = parallel;
    this.apiPageSize = apiPageSize;
  }

  public Page read(ReadRequest r, List<Long> branches) {
    Map<String, Long> c = Cursors.decode(r);
    int count = (int) Cursors.get(c, "count", Math.min(apiPageSize, r.pageSize()));
    int bi = branches.indexOf(Cursors.get(c, "b", branches.get(0)));
    if (bi < 0) {
      throw new IllegalArgumentException("Cursor '" + r.cursor().token() + "' names a branch not selected in this read;"
          + " start the read again without a cursor");
    }
    int page = (int) Cursors.get(c, "p", 1);
    long after = Cursors.get(c, "after", -1);
    List<SourceRecord> records = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    while (true) {
      long branch = branches.get(bi);
      Fetched fetched = r.type() == EntityType.CLIENT ? clients(branch, page, count, after)
          : employees(branch, page, count, after);
      records.addAll(fetched.records);
      rejected.addAll(fetched.rejected);
      long lastId = fetched.lastId >= 0 ? fetched.lastId : after;
      if (page < fetched.totalPages) {
        page++;
        after = lastId;
      } else if (bi + 1 < branches.size()) {
        bi++;
        page = 1;
        after = -1;
      } else {
        return Page.of(records, rejected, null, null);
      }
      if (!records.isEmpty() || !rejected.isEmpty()) {
        Map<String, Long> next = new LinkedHashMap<>();
        next.put("b", branches.get(bi));
        next.put("p", (long) page);
        next.put("count", (long) count);
        next.put("after", after);
        return Page.of(records, rejected, Cursors.encode(r, next), null);
      }
    }
  }

  private record Fetched(List<SourceRecord> records, List<RejectedRecord> rejected, long lastId, int totalPages) {}

  private Fetched clients(long branch, int page, int count, long after) {
    Dto.Paged<Dto.ClientItem> p = http.execute(http.api().clients(branch, page, count));
    List<Dto.ClientItem> items = p.itemsOrEmpty().stream().filter(i -> i.id() != null && i.id() > after)
        .sorted(Comparator.comparingLong(Dto.ClientItem::id)).toList();
    List<Dto.ClientDetail> details = parallel.map(items, i -> http.execute(http.api().client(i.id())));
    List<SourceRecord> records = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      directory.remember(details.get(i));
      try {
        records.add(Mapper.client(items.get(i), details.get(i), branch));
      } catch (InvalidRecordException e) {
        rejected.add(RejectedRecord.of(e));
      }
    }
    long last = items.isEmpty() ? -1 : items.get(items.size() - 1).id();
    return new Fetched(records, rejected, last, p.pages());
  }

  private Fetched employees(long branch, int page, int count, long after) {
    Dto.Paged<Dto.EmployeeItem> p = http.execute(http.api().employees(branch, page, count));
    List<Dto.EmployeeItem> items = p.itemsOrEmpty().stream().filter(i -> i.id() != null && i.id() > after)
        .sorted(Comparator.comparingLong(Dto.EmployeeItem::id)).toList();
    List<Dto.EmployeeDetail> details = parallel.map(items, i -> http.execute(http.api().employee(i.id())));
    List<SourceRecord> records = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (details.get(i).branchId() != null) {
        directory.seenZone(details.get(i).branchId(), details.get(i).timezone());
      }
      try {
        records.add(Mapper.caregiver(items.get(i), details.get(i), branch));
      } catch (InvalidRecordException e) {
        rejected.add(RejectedRecord.of(e));
      }
    }
    long last = items.isEmpty() ? -1 : items.get(items.size() - 1).id();
    return new Fetched(records, rejected, last, p.pages());
  }
}
