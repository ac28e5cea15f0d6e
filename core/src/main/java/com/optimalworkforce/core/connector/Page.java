package com.optimalworkforce.core.connector;

import com.optimalworkforce.core.model.SourceRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a read: the records, the ones that were rejected, and the cursor of the next page.
 * A page may carry records derived from the stream's own (an AlayaCare visit page carries the
 * call-outs its cancelled visits imply).
 *
 * <pre>{@code
 * ReadRequest request = ReadRequest.builder(EntityType.VISIT).regions(regions).window(window).build();
 * Page page;
 * do {
 *   page = connector.read(request);
 *   apply(page.records());
 *   quarantine(page.rejected());
 *   request = page.next().map(request::withCursor).orElse(null);
 * } while (request != null);
 * }</pre>
 *
 * @param records valid records on this page
 * @param rejected records that failed validation
 * @param nextCursor cursor of the next page, or {@code null} on the last page
 * @param totalRecords how many records the whole read will return, when the source says; else {@code null}
 */
public record Page(List<SourceRecord> records, List<RejectedRecord> rejected, SyncCursor nextCursor, Long totalRecords) {

  public Page {
    records = List.copyOf(Objects.requireNonNull(records, "records"));
    rejected = List.copyOf(Objects.requireNonNull(rejected, "rejected"));
    if (totalRecords != null && totalRecords < 0) {
      throw new IllegalArgumentException("totalRecords must not be negative but was " + totalRecords);
    }
  }

  /** A page of any record type. */
  public static Page of(List<? extends SourceRecord> records, List<RejectedRecord> rejected, SyncCursor next, Long totalRecords) {
    return new Page(List.copyOf(records), rejected, next, totalRecords);
  }

  /** The last page of a read. */
  public static Page last(List<? extends SourceRecord> records, List<RejectedRecord> rejected) {
    return new Page(List.copyOf(records), rejected, null, null);
  }

  public Optional<SyncCursor> next() {
    return Optional.ofNullable(nextCursor);
  }

  public boolean hasNext() {
    return nextCursor != null;
  }

  public OptionalLong total() {
    return totalRecords == null ? OptionalLong.empty() : OptionalLong.of(totalRecords);
  }
}
