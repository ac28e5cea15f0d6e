package com.optimalworkforce.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.store.internal.AtomicFiles;
import com.optimalworkforce.core.store.internal.Json;
import com.optimalworkforce.core.store.internal.Sealer;
import com.optimalworkforce.core.store.internal.WriteAheadLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The durable default {@link ScheduleStore}: encrypted files in one directory, no server, memory
 * bounded by a small cache whatever the schedule's size (a million visits sync in a 256 MB heap).
 *
 * <pre>{@code
 * CredentialVault vault = CredentialVault.create(KeyProvider.ofBase64(Map.of("k1", key), "k1"));
 * try (FileScheduleStore store = FileScheduleStore.open(Path.of("/var/lib/agency/schedule"), vault)) {
 *   SyncEngine engine = SyncEngine.builder("acme-east", connector).scheduleStore(store).build();
 *   engine.sync(Set.of("toronto-east"));
 * }
 * }</pre>
 *
 * <p>How it works: records are kept in key order in buckets of at most
 * {@link Builder#bucketSize(int)} records, one encrypted file each, listed by a manifest. Every
 * batch ({@link #apply}) is first appended to an encrypted write-ahead log and forced to disk, so it
 * is durable and atomic when the call returns; buckets are changed in a cache of
 * {@link Builder#cachedBuckets(int)} buckets and written (always to new files) when evicted or at a
 * checkpoint. A checkpoint (when the log passes {@link Builder#logLimitBytes(long)}, and on
 * {@link #close()}) writes the dirty buckets, replaces the manifest atomically (temporary file,
 * fsync, atomic move) and empties the log. On open, the log is replayed over the manifest; a torn
 * last log frame is cut off. Every file is sealed with the {@link CredentialVault}, bound to its
 * name: a changed byte, a file from elsewhere or a wrong key fails with a {@link StoreException};
 * after a key rotation, {@link #reencrypt()} moves every file to the current key.
 *
 * <p>Thread-safe within one process; one process at a time may open a directory. Close it.
 */
public final class FileScheduleStore implements ScheduleStore {
  private static final RecordKey MIN = RecordKey.of(EntityType.values()[0], "");
  private static final String MANIFEST = "manifest.bin";
  private static final String LOG = "wal.bin";
  private static final TypeReference<List<StoredRecord>> BUCKET = new TypeReference<>() {};
  private static final TypeReference<List<LogOp>> BATCH = new TypeReference<>() {};

  /** The manifest as written: the log's generation, the next file number, the buckets. */
  record Manifest(long generation, long nextFile, List<BucketRef> buckets) {}

  /** A bucket: its lowest key and its file number ({@code -1}: empty, no file). */
  record BucketRef(RecordKey low, long file) {}

  /** A write as logged. */
  record LogOp(char op, StoredRecord stored, RecordKey key, long run) {
    static LogOp of(ScheduleWrite w) {
      if (w instanceof ScheduleWrite.Put p) {
        return new LogOp('P', p.stored(), null, 0);
      } else if (w instanceof ScheduleWrite.Remove r) {
        return new LogOp('R', null, r.key(), 0);
      }
      ScheduleWrite.Touch t = (ScheduleWrite.Touch) w;
      return new LogOp('T', null, t.key(), t.run());
    }
  }

  /** A bucket in memory. */
  private static final class Bucket {
    final RecordKey low;
    long file;
    final TreeMap<RecordKey, StoredRecord> entries;
    boolean dirty;

    Bucket(RecordKey low, long file, TreeMap<RecordKey, StoredRecord> entries, boolean dirty) {
      this.low = low;
      this.file = file;
      this.entries = entries;
      this.dirty = dirty;
    }
  }

  private final Path dir;
  private final Sealer sealer;
  private final int bucketSize;
  private final int cachedBuckets;
  private final long logLimitBytes;
  private final TreeMap<RecordKey, Long> buckets = new TreeMap<>();
  private final LinkedHashMap<RecordKey, Bucket> cache = new LinkedHashMap<>(16, 0.75f, true);
  private final Set<Long> durableFiles = new HashSet<>();
  private long generation;
  private long nextFile;
  private WriteAheadLog log;
  private boolean closed;

  private FileScheduleStore(Builder b) {
    this.dir = b.dir;
    this.sealer = new Sealer(b.vault, "schedule-store/");
    this.bucketSize = b.bucketSize;
    this.cachedBuckets = b.cachedBuckets;
    this.logLimitBytes = b.logLimitBytes;
  }

  /** Opens (creating if needed) the store in this directory with default sizes. */
  public static FileScheduleStore open(Path directory, CredentialVault vault) {
    return builder(directory, vault).open();
  }

  public static Builder builder(Path directory, CredentialVault vault) {
    return new Builder(directory, vault);
  }

  private synchronized FileScheduleStore load() {
    AtomicFiles.createDirectories(dir);
    Path manifestFile = dir.resolve(MANIFEST);
    Manifest m;
    if (Files.exists(manifestFile)) {
      m = Json.read(sealer.readFile(manifestFile, MANIFEST), Manifest.class);
    } else {
      m = new Manifest(1, 1, List.of(new BucketRef(MIN, -1)));
      sealer.writeFile(manifestFile, Json.write(m), MANIFEST);
    }
    generation = m.generation();
    nextFile = m.nextFile();
    for (BucketRef ref : m.buckets()) {
      buckets.put(ref.low(), ref.file());
      if (ref.file() >= 0) {
        durableFiles.add(ref.file());
      }
    }
    removeStrayFiles();
    log = WriteAheadLog.open(dir.resolve(LOG), sealer, generation, this::replay);
    return this;
  }

  private void replay(byte[] batch) {
    try {
      List<LogOp> ops = Json.mapper().readValue(batch, BATCH);
      for (LogOp op : ops) {
        applyOne(op);
      }
    } catch (IOException e) {
      throw new StoreException("A logged batch in " + dir.resolve(LOG) + " is unreadable: " + e.getMessage(), e);
    }
  }

  private void removeStrayFiles() {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith(".tmp") || name.startsWith("b-") && !durableFiles.contains(fileNumber(name))) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new StoreException("Cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static long fileNumber(String name) {
    try {
      return Long.parseLong(name.substring(2, name.length() - 4));
    } catch (RuntimeException e) {
      return -2;
    }
  }

  private Path bucketFile(long file) {
    return dir.resolve("b-" + file + ".bin");
  }

  // ------------------------------------------------------------------ buckets and cache

  private Bucket bucket(RecordKey low) {
    Bucket b = cache.get(low);
    if (b != null) {
      return b;
    }
    long file = buckets.get(low);
    TreeMap<RecordKey, StoredRecord> entries = new TreeMap<>();
    if (file >= 0) {
      Path path = bucketFile(file);
      try {
        for (StoredRecord s : Json.mapper().readValue(sealer.readFile(path, path.getFileName().toString()), BUCKET)) {
          entries.put(s.key(), s);
        }
      } catch (IOException e) {
        throw new StoreException("Schedule store file " + path + " is unreadable: " + e.getMessage(), e);
      }
    }
    b = new Bucket(low, file, entries, false);
    cache.put(low, b);
    evictBeyond(cachedBuckets, low);
    return b;
  }

  private void evictBeyond(int capacity, RecordKey keep) {
    Iterator<Map.Entry<RecordKey, Bucket>> it = cache.entrySet().iterator();
    while (cache.size() > capacity && it.hasNext()) {
      Bucket b = it.next().getValue();
      if (b.low.equals(keep)) {
        continue;
      }
      if (b.dirty) {
        writeBucket(b);
      }
      it.remove();
    }
  }

  /** Writes the bucket to a new file; the old file stays while the durable manifest names it. */
  private void writeBucket(Bucket b) {
    long file = nextFile++;
    Path path = bucketFile(file);
    sealer.writeFile(path, Json.write(new ArrayList<>(b.entries.values())), path.getFileName().toString());
    if (b.file >= 0 && !durableFiles.contains(b.file)) {
      AtomicFiles.deleteIfExists(bucketFile(b.file));
    }
    b.file = file;
    b.dirty = false;
    buckets.put(b.low, file);
  }

  private void applyOne(LogOp op) {
    RecordKey key = op.op() == 'P' ? op.stored().key() : op.key();
    Bucket b = bucket(buckets.floorKey(key));
    switch (op.op()) {
      case 'P' -> b.entries.put(key, op.stored());
      case 'R' -> {
        if (b.entries.remove(key) == null) {
          return;
        }
      }
      case 'T' -> {
        StoredRecord s = b.entries.get(key);
        if (s == null || s.lastSeenRun() == op.run()) {
          return;
        }
        b.entries.put(key, s.seenIn(op.run()));
      }
      default -> throw new StoreException("Unknown logged write '" + op.op() + "' in " + dir.resolve(LOG));
    }
    b.dirty = true;
    if (b.entries.size() > bucketSize) {
      split(b);
    }
  }

  private void split(Bucket b) {
    RecordKey middle = b.entries.keySet().stream().skip(b.entries.size() / 2).findFirst().orElseThrow();
    TreeMap<RecordKey, StoredRecord> upper = new TreeMap<>(b.entries.tailMap(middle, true));
    b.entries.tailMap(middle, true).clear();
    Bucket right = new Bucket(middle, -1, upper, true);
    buckets.put(middle, -1L);
    cache.put(middle, right);
    evictBeyond(cachedBuckets, b.low);
  }

  // ------------------------------------------------------------------ ScheduleStore

  @Override
  public synchronized Optional<StoredRecord> find(RecordKey key) {
    Objects.requireNonNull(key, "key");
    checkOpen();
    return Optional.ofNullable(bucket(buckets.floorKey(key)).entries.get(key));
  }

  @Override
  public synchronized void apply(List<? extends ScheduleWrite> writes) {
    Objects.requireNonNull(writes, "writes");
    checkOpen();
    if (writes.isEmpty()) {
      return;
    }
    List<LogOp> ops = new ArrayList<>(writes.size());
    for (ScheduleWrite w : writes) {
      ops.add(LogOp.of(Objects.requireNonNull(w, "write")));
    }
    log.append(Json.write(ops));
    for (LogOp op : ops) {
      applyOne(op);
    }
    if (log.size() > logLimitBytes) {
      checkpoint();
    }
  }

  @Override
  public Stream<StoredRecord> query(ScheduleQuery query) {
    Objects.requireNonNull(query, "query");
    List<RecordKey> lows;
    synchronized (this) {
      checkOpen();
      lows = new ArrayList<>(buckets.keySet());
    }
    List<RecordKey[]> ranges = new ArrayList<>();
    for (int i = 0; i < lows.size(); i++) {
      RecordKey lo = lows.get(i);
      RecordKey hi = i + 1 < lows.size() ? lows.get(i + 1) : null;
      if (mayHoldTypes(lo, hi, query.types())) {
        ranges.add(new RecordKey[] {lo, hi});
      }
    }
    return ranges.stream().flatMap(r -> collect(r[0], r[1], query).stream());
  }

  private static boolean mayHoldTypes(RecordKey lo, RecordKey hi, Set<EntityType> types) {
    if (types.isEmpty()) {
      return true;
    }
    EntityType[] all = EntityType.values();
    for (EntityType t : types) {
      RecordKey first = RecordKey.of(t, "");
      boolean startsBeforeTypeEnds = t.ordinal() + 1 >= all.length || lo.compareTo(RecordKey.of(all[t.ordinal() + 1], "")) < 0;
      boolean endsAfterTypeStarts = hi == null || hi.compareTo(first) > 0;
      if (startsBeforeTypeEnds && endsAfterTypeStarts) {
        return true;
      }
    }
    return false;
  }

  /** The matching records with keys in {@code [lo, hi)}, from whichever buckets hold them now. */
  private synchronized List<StoredRecord> collect(RecordKey lo, RecordKey hi, ScheduleQuery query) {
    checkOpen();
    List<StoredRecord> out = new ArrayList<>();
    RecordKey low = buckets.floorKey(lo);
    while (low != null && (hi == null || low.compareTo(hi) < 0)) {
      Bucket b = bucket(low);
      RecordKey from = low.compareTo(lo) < 0 ? lo : low;
      Map<RecordKey, StoredRecord> range = hi == null ? b.entries.tailMap(from, true) : b.entries.subMap(from, true, hi, false);
      for (StoredRecord s : range.values()) {
        if (query.matches(s)) {
          out.add(s);
        }
      }
      low = buckets.higherKey(low);
    }
    return out;
  }

  /**
   * Writes every changed bucket, replaces the manifest and empties the log. Runs by itself when
   * the log grows past its limit and on {@link #close()}.
   */
  public synchronized void checkpoint() {
    checkOpen();
    for (Bucket b : cache.values()) {
      if (b.dirty) {
        writeBucket(b);
      }
    }
    List<BucketRef> refs = new ArrayList<>(buckets.size());
    Set<Long> files = new HashSet<>();
    buckets.forEach((low, file) -> {
      refs.add(new BucketRef(low, file));
      if (file >= 0) {
        files.add(file);
      }
    });
    long next = generation + 1;
    sealer.writeFile(dir.resolve(MANIFEST), Json.write(new Manifest(next, nextFile, refs)), MANIFEST);
    log.reset(next);
    generation = next;
    for (Long old : durableFiles) {
      if (!files.contains(old)) {
        AtomicFiles.deleteIfExists(bucketFile(old));
      }
    }
    durableFiles.clear();
    durableFiles.addAll(files);
  }

  /**
   * Key rotation: checkpoints (so the log is empty and the manifest is written with the current
   * key), then rewrites every bucket file still sealed with an older key under the vault's current
   * key, each atomically, so the older key can then be removed from the {@code KeyProvider}. Open
   * the store with a vault that holds both keys, the new one current.
   *
   * @return how many files were on an older key and were rewritten (the manifest included)
   * @throws StoreException when a file does not open (changed, or its key is missing)
   */
  public synchronized long reencrypt() {
    checkOpen();
    Path manifestFile = dir.resolve(MANIFEST);
    long rewritten = sealer.needsReseal(manifestFile, MANIFEST) ? 1 : 0;
    checkpoint();
    for (long file : new TreeSet<>(durableFiles)) {
      Path path = bucketFile(file);
      if (sealer.resealFile(path, path.getFileName().toString())) {
        rewritten++;
      }
    }
    return rewritten;
  }

  public Path directory() {
    return dir;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("The schedule store in " + dir + " is closed; open it again");
    }
  }

  /** Checkpoints and releases the log file. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    checkpoint();
    log.close();
    closed = true;
    cache.clear();
  }

  @Override
  public String toString() {
    return "FileScheduleStore[" + dir + ", " + buckets.size() + " buckets]";
  }

  /** Builds and opens a {@link FileScheduleStore}; each setter checks its value. */
  public static final class Builder {
    private final Path dir;
    private final CredentialVault vault;
    private int bucketSize = 2048;
    private int cachedBuckets = 16;
    private long logLimitBytes = 32L << 20;

    private Builder(Path dir, CredentialVault vault) {
      this.dir = Objects.requireNonNull(dir, "directory");
      this.vault = Objects.requireNonNull(vault, "vault");
    }

    /** Most records per bucket file before it splits (default 2048). */
    public Builder bucketSize(int records) {
      if (records < 2 || records > 1_000_000) {
        throw new IllegalArgumentException("bucketSize must be within [2, 1000000] but was " + records);
      }
      this.bucketSize = records;
      return this;
    }

    /** Buckets held in memory (default 16); memory is about this times bucketSize records. */
    public Builder cachedBuckets(int buckets) {
      if (buckets < 2) {
        throw new IllegalArgumentException("cachedBuckets must be at least 2 but was " + buckets);
      }
      this.cachedBuckets = buckets;
      return this;
    }

    /** Log size that triggers a checkpoint (default 32 MiB). */
    public Builder logLimitBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("logLimitBytes must be at least 1024 but was " + bytes);
      }
      this.logLimitBytes = bytes;
      return this;
    }

    public FileScheduleStore open() {
      return new FileScheduleStore(this).load();
    }
  }
}
