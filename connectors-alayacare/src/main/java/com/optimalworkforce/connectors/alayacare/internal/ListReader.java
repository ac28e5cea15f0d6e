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
import java.util.function.Function;
import java.util.function.LongFunction;
import retrofit2.Call;

/**
 * Reads clients or employees of the selected branches, branch by branch, with {@code page}/{@code
 * count} paging, each item completed by its detail (postal code, location, skills) fetched with
 * bounded concurrency. The cursor holds the branch, the next page, the count it was issued with,
 * the last id returned and whether the lists have come in id order.
 *
 * <p>AlayaCare documents no order for these lists. While every page comes in ascending id order,
 * an item whose id is not above the last one returned is one that moved onto a later page when an
 * earlier item was removed, and is skipped rather than returned twice. Once a page comes in any
 * other order that rule would drop records, so it is switched off for the rest of the read (a
 * record then read twice is harmless: the sync engine finds its hash unchanged).
 *
 * <p>An item without an id, or whose detail answers 404 (removed during the read, or not visible to
 * the API user), is rejected with the reason rather than dropped: the sync engine quarantines it
 * and keeps what it stored before. Not API.
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
    boolean idOrder = Cursors.get(c, "ordered", 1) == 1;
    List<SourceRecord> records = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    while (true) {
      long branch = branches.get(bi);
      Fetched fetched = r.type() == EntityType.CLIENT ? clients(branch, page, count, idOrder ? after : -1)
          : employees(branch, page, count, idOrder ? after : -1);
      idOrder &= fetched.idOrder;
      records.addAll(fetched.records);
      rejected.addAll(fetched.rejected);
      long lastId = fetched.lastId >= 0 ? fetched.lastId : after;
      if (page < fetched.totalPages) {
        page++;
        after = idOrder ? lastId : -1;
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
        next.put("ordered", idOrder ? 1L : 0L);
        return Page.of(records, rejected, Cursors.encode(r, next), null);
      }
    }
  }

  /**
   * One list page made into records: {@code lastId} is the highest id taken from it (-1 for none),
   * {@code idOrder} whether its items came in ascending id order.
   */
  private record Fetched(List<SourceRecord> records, List<RejectedRecord> rejected, long lastId, int totalPages,
      boolean idOrder) {}

  /** Makes the record of a list item and its detail. */
  @FunctionalInterface
  private interface MapperFn<I, D> {
    SourceRecord map(I item, D detail);
  }

  private Fetched clients(long branch, int page, int count, long after) {
    Dto.Paged<Dto.ClientItem> p = http.execute(http.api().clients(branch, page, count));
    return fetched(EntityType.CLIENT, branch, p, Dto.ClientItem::id, after, id -> http.api().client(id),
        "patients/clients/", (item, detail) -> {
          directory.remember(detail);
          return Mapper.client(item, detail, branch);
        });
  }

  private Fetched employees(long branch, int page, int count, long after) {
    Dto.Paged<Dto.EmployeeItem> p = http.execute(http.api().employees(branch, page, count));
    return fetched(EntityType.CAREGIVER, branch, p, Dto.EmployeeItem::id, after, id -> http.api().employee(id),
        "employees/employees/", (item, detail) -> {
          if (detail.branchId() != null) {
            directory.seenZone(detail.branchId(), detail.timezone());
          }
          return Mapper.caregiver(item, detail, branch);
        });
  }

  private <I, D> Fetched fetched(EntityType type, long branch, Dto.Paged<I> p, Function<I, Long> idOf, long after,
      LongFunction<Call<D>> detailCall, String detailPath, MapperFn<I, D> mapper) {
    List<RejectedRecord> rejected = new ArrayList<>();
    boolean idOrder = true;
    long previous = Long.MIN_VALUE;
    List<I> items = new ArrayList<>();
    for (I item : p.itemsOrEmpty()) {
      Long id = item == null ? null : idOf.apply(item);
      if (id == null) {
        rejected.add(RejectedRecord.of(new InvalidRecordException(type, null, "id", "is missing in page " + p.page()
            + " of branch " + branch + "'s list")));
        continue;
      }
      idOrder &= id > previous;
      previous = id;
      if (id > after) {
        items.add(item);
      }
    }
    items.sort(Comparator.comparing(idOf));
    List<D> details = parallel.map(items, i -> http.executeOrNull(detailCall.apply(idOf.apply(i))));
    List<SourceRecord> records = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      long id = idOf.apply(items.get(i));
      if (details.get(i) == null) {
        rejected.add(RejectedRecord.of(new InvalidRecordException(type, Long.toString(id), "detail", "(GET "
            + detailPath + id + ") answered 404 though the list of branch " + branch + " has it: it was removed"
            + " during the read, or the API user may not see it")));
        continue;
      }
      try {
        records.add(mapper.map(items.get(i), details.get(i)));
      } catch (InvalidRecordException e) {
        rejected.add(RejectedRecord.of(e));
      }
    }
    long last = items.isEmpty() ? -1 : idOf.apply(items.get(items.size() - 1));
    return new Fetched(records, rejected, last, p.pages(), idOrder);
  }

}
