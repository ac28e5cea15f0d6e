package com.optimalworkforce.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileScheduleStoreTest {
  static final CredentialVault VAULT = CredentialVault.create(KeyProvider.of("k1", key(1)));
  static final CredentialVault OTHER_KEY = CredentialVault.create(KeyProvider.of("k1", key(2)));

  @TempDir
  Path dir;

  static byte[] key(int seed) {
    byte[] k = new byte[32];
    new SplittableRandom(seed).nextBytes(k);
    return k;
  }

  static Visit visit(int i) {
    return Samples.VISIT.toBuilder().id("V" + i).start(Samples.START.plusSeconds(3600L * i))
        .end(Samples.START.plusSeconds(3600L * i + 5400)).build();
  }

  static Map<RecordKey, StoredRecord> content(ScheduleStore store) {
    Map<RecordKey, StoredRecord> out = new TreeMap<>();
    try (Stream<StoredRecord> s = store.query(ScheduleQuery.all())) {
      s.forEach(r -> out.put(r.key(), r));
    }
    return out;
  }

  @Test
  void everyRecordTypeSurvivesReopeningFieldForField() {
    try (FileScheduleStore store = FileScheduleStore.open(dir, VAULT)) {
      for (SourceRecord r : Samples.ALL) {
        store.apply(List.of(ScheduleWrite.put("east", r, 7)));
      }
    }
    try (FileScheduleStore store = FileScheduleStore.open(dir, VAULT)) {
      for (SourceRecord r : Samples.ALL) {
        assertThat(store.find(r.key())).contains(StoredRecord.of(r, "east", 7));
        assertThat(store.get(r.key()).orElseThrow().contentHash()).isEqualTo(r.contentHash());
      }
    }
  }

  @Test
  void batchesAreDurableWithoutCloseThroughTheLog() {
    FileScheduleStore crashed = FileScheduleStore.open(dir, VAULT);
    crashed.apply(List.of(ScheduleWrite.put("east", visit(1), 1), ScheduleWrite.put("east", visit(2), 1)));
    crashed.apply(List.of(ScheduleWrite.remove(visit(1).key()), ScheduleWrite.touch(visit(2).key(), 2)));
    // no close: the process died

    try (FileScheduleStore store = FileScheduleStore.open(dir, VAULT)) {
      assertThat(content(store)).containsOnlyKeys(visit(2).key());
      assertThat(store.find(visit(2).key())).get().extracting(StoredRecord::lastSeenRun).isEqualTo(2L);
    }
  }

  @Test
  void aTornLastLogFrameIsCutOffAndTheBatchesBeforeItKept() throws IOException {
    FileScheduleStore crashed = FileScheduleStore.open(dir, VAULT);
    crashed.apply(List.of(ScheduleWrite.put("east", visit(1), 1)));
    // A crash in the middle of appending the next frame: a length and half a body.
    Files.write(dir.resolve("wal.bin"), new byte[] {0, 0, 4, 0, 1, 2, 3}, StandardOpenOption.APPEND);

    try (FileScheduleStore store = FileScheduleStore.open(dir, VAULT)) {
      assertThat(content(store)).containsOnlyKeys(visit(1).key());
      store.apply(List.of(ScheduleWrite.put("east", visit(2), 1)));
    }
    try (FileScheduleStore store = FileScheduleStore.open(dir, VAULT)) {
      assertThat(content(store)).containsOnlyKeys(visit(1).key(), visit(2).key());
    }
  }

  @Test
  void aWrongKeyFailsClearlyOnOpen() {
    try (FileScheduleStore store = FileScheduleStore.open(dir, VAULT)) {
      store.upsert("east", visit(1));
    }
    assertThatThrownBy(() -> FileScheduleStore.open(dir, OTHER_KEY))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Cannot decrypt " + dir.resolve("manifest.bin"))
        .hasMessageContaining("key other than the one that wrote it");
  }

  @Test
  void rotationReencryptsEveryFileSoTheOldKeyCanBeRemoved() throws IOException {
    CredentialVault rotating = CredentialVault.create(KeyProvider.of(Map.of("k1", key(1), "k2", key(3)), "k2"));
    CredentialVault rotated = CredentialVault.create(KeyProvider.of("k2", key(3)));
    FileScheduleStore.Builder small = FileScheduleStore.builder(dir, VAULT).bucketSize(4).cachedBuckets(2);
    try (FileScheduleStore store = small.open()) {
      for (int i = 0; i < 40; i++) {
        store.upsert("east", visit(i));
      }
    }
    long bucketFiles;
    try (Stream<Path> files = Files.list(dir)) {
      bucketFiles = files.filter(f -> f.getFileName().toString().startsWith("b-")).count();
    }
    Map<RecordKey, StoredRecord> expected;
    long rewritten;
    try (FileScheduleStore store = FileScheduleStore.builder(dir, rotating).bucketSize(4).cachedBuckets(2).open()) {
      store.apply(List.of(ScheduleWrite.put("east", visit(100), 2)));   // logged under the new key
      rewritten = store.reencrypt();
      assertThat(store.reencrypt()).isZero();
      expected = content(store);
    }
    // The manifest and every bucket file but the one the new write changed (written under the new key).
    assertThat(bucketFiles).isGreaterThanOrEqualTo(10);
    assertThat(rewritten).isGreaterThanOrEqualTo(bucketFiles);
    assertThat(expected).hasSize(41);
    try (FileScheduleStore store = FileScheduleStore.open(dir, rotated)) {
      assertThat(content(store)).isEqualTo(expected);
    }
  }

  @Test
  void aTamperedBucketFileFailsClearlyInsteadOfReturningWrongData() throws IOException {
    try (FileScheduleStore store = FileScheduleStore.open(dir, VAULT)) {
      store.upsert("east", visit(1));
    }
    Path bucket;
    try (Stream<Path> files = Files.list(dir)) {
      bucket = files.filter(p -> p.getFileName().toString().startsWith("b-")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(bucket);
    bytes[bytes.length - 5] ^= 1;
    Files.write(bucket, bytes);

    try (FileScheduleStore store = FileScheduleStore.open(dir, VAULT)) {
      assertThatThrownBy(() -> store.find(visit(1).key()))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("Cannot decrypt " + bucket)
          .hasMessageContaining("the file was changed");
    }
  }

  @Test
  void aBucketFileCopiedOverAnotherDoesNotOpen() throws IOException {
    try (FileScheduleStore store = FileScheduleStore.builder(dir, VAULT).bucketSize(4).open()) {
      for (int i = 0; i < 20; i++) {
        store.upsert("east", visit(i));
      }
    }
    List<Path> buckets;
    try (Stream<Path> files = Files.list(dir)) {
      buckets = files.filter(p -> p.getFileName().toString().startsWith("b-")).sorted().toList();
    }
    assertThat(buckets.size()).isGreaterThan(2);
    Files.copy(buckets.get(0), buckets.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (FileScheduleStore store = FileScheduleStore.open(dir, VAULT)) {
      assertThatThrownBy(() -> content(store)).isInstanceOf(StoreException.class).hasMessageContaining("Cannot decrypt");
    }
  }

  @Test
  void behavesLikeTheInMemoryStoreUnderRandomBatchesSplitsEvictionsAndReopens() throws IOException {
    InMemoryScheduleStore reference = InMemoryScheduleStore.create();
    SplittableRandom rnd = new SplittableRandom(42);
    FileScheduleStore store = FileScheduleStore.builder(dir, VAULT).bucketSize(8).cachedBuckets(3)
        .logLimitBytes(20_000).open();
    try {
      for (int round = 0; round < 60; round++) {
        List<ScheduleWrite> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          int n = rnd.nextInt(150);
          int kind = rnd.nextInt(10);
          if (kind < 6) {
            batch.add(ScheduleWrite.put(rnd.nextBoolean() ? "east" : "west", visit(n), round));
          } else if (kind < 8) {
            batch.add(ScheduleWrite.touch(visit(n).key(), round));
          } else {
            batch.add(ScheduleWrite.remove(visit(n).key()));
          }
        }
        if (round % 7 == 3) {
          batch.add(ScheduleWrite.put("east", Samples.ALL.get(round % Samples.ALL.size()), round));
        }
        reference.apply(batch);
        store.apply(batch);
        if (round % 10 == 9) {
          store.close();
          store = FileScheduleStore.builder(dir, VAULT).bucketSize(8).cachedBuckets(3).logLimitBytes(20_000).open();
        } else if (round % 10 == 4) {
          store = FileScheduleStore.builder(dir, VAULT).bucketSize(8).cachedBuckets(3).logLimitBytes(20_000).open();
        }
        assertThat(content(store)).as("round %d", round).isEqualTo(new TreeMap<>(reference.snapshot()));
      }
      assertThat(store.count(ScheduleQuery.of(EntityType.VISIT))).isEqualTo(reference.count(ScheduleQuery.of(EntityType.VISIT)));
      assertThat(store.count(ScheduleQuery.region("west"))).isEqualTo(reference.count(ScheduleQuery.region("west")));
      assertThat(store.count(ScheduleQuery.of(EntityType.CLIENT))).isEqualTo(reference.count(ScheduleQuery.of(EntityType.CLIENT)));
    } finally {
      store.close();
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void aClosedStoreSaysSo() {
    FileScheduleStore store = FileScheduleStore.open(dir, VAULT);
    store.close();
    assertThatThrownBy(() -> store.find(visit(1).key())).hasMessageContaining("is closed");
  }
}
