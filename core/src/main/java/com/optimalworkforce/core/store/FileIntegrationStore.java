package com.optimalworkforce.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.store.internal.AtomicFiles;
import com.optimalworkforce.core.store.internal.Json;
import com.optimalworkforce.core.store.internal.Sealer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The durable default {@link IntegrationStore}: one directory per integration under a root
 * directory, one file per kind of state (record, credentials, checkpoint, quarantine, snapshot,
 * release state, rounding key), each
 * replaced atomically (temporary file, fsync, atomic move) and encrypted with the
 * {@link CredentialVault}, bound to its place so a file copied, edited or opened with the wrong key
 * fails with a {@link StoreException} instead of returning wrong data. Needs no server.
 *
 * <pre>{@code
 * CredentialVault vault = CredentialVault.create(KeyProvider.ofBase64(Map.of("k1", key), "k1"));
 * IntegrationStore store = FileIntegrationStore.open(Path.of("/var/lib/agency/integrations"), vault);
 * store.save(IntegrationRecord.create("acme-east", "alayacare", Map.of("tenant", "acme")));
 * }</pre>
 *
 * <p>After a key rotation, {@link #reencrypt()} moves every file to the current key. Thread-safe
 * within one process; one process at a time may open a directory.
 */
public final class FileIntegrationStore implements IntegrationStore {
  private static final String RECORD = "record.bin";
  private static final String CREDENTIALS = "credentials.bin";
  private static final String CHECKPOINT = "checkpoint.bin";
  private static final String QUARANTINE = "quarantine.bin";
  private static final String SNAPSHOT = "snapshot.bin";
  private static final String RELEASE = "release.bin";
  private static final String ROUNDING_KEY = "rounding-key.bin";
  private static final List<String> FILES = List.of(RECORD, CREDENTIALS, CHECKPOINT, QUARANTINE, SNAPSHOT, RELEASE,
      ROUNDING_KEY);
  private static final TypeReference<List<QuarantinedRecord>> QUARANTINE_LIST = new TypeReference<>() {};

  private final Path root;
  /** The directory's real path, for equality. */
  private final Path identity;
  private final Sealer sealer;

  private FileIntegrationStore(Path root, CredentialVault vault) {
    this.root = root;
    this.identity = canonical(root);
    this.sealer = new Sealer(vault, "integration-store/");
  }

  /** Opens (creating if needed) the store in this directory. */
  public static FileIntegrationStore open(Path directory, CredentialVault vault) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(vault, "vault");
    AtomicFiles.createDirectories(directory);
    return new FileIntegrationStore(directory, vault);
  }

  public Path directory() {
    return root;
  }

  private Path dir(String integrationId) {
    Objects.requireNonNull(integrationId, "integrationId");
    return root.resolve(Base64.getUrlEncoder().withoutPadding()
        .encodeToString(integrationId.getBytes(StandardCharsets.UTF_8)));
  }

  private static String context(String integrationId, String file) {
    return integrationId + "/" + file;
  }

  private Optional<byte[]> read(String integrationId, String file) {
    Path path = dir(integrationId).resolve(file);
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    return Optional.of(sealer.readFile(path, context(integrationId, file)));
  }

  private void write(String integrationId, String file, byte[] plain) {
    Path d = dir(integrationId);
    AtomicFiles.createDirectories(d);
    sealer.writeFile(d.resolve(file), plain, context(integrationId, file));
  }

  @Override
  public synchronized Optional<IntegrationRecord> find(String integrationId) {
    return read(integrationId, RECORD).map(b -> Json.read(b, IntegrationRecord.class));
  }

  @Override
  public synchronized void save(IntegrationRecord record) {
    Objects.requireNonNull(record, "record");
    write(record.id(), RECORD, Json.write(record));
  }

  @Override
  public synchronized Set<String> integrationIds() {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        if (Files.exists(d.resolve(RECORD))) {
          ids.add(new String(Base64.getUrlDecoder().decode(d.getFileName().toString()), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new StoreException("Cannot list the integrations in " + root + ": " + e.getMessage(), e);
    }
    return Set.copyOf(ids);
  }

  @Override
  public synchronized void delete(String integrationId) {
    Path d = dir(integrationId);
    for (String f : FILES) {
      AtomicFiles.deleteIfExists(d.resolve(f));
      // A write interrupted before its atomic move leaves its temporary file behind.
      AtomicFiles.deleteIfExists(d.resolve(f + ".tmp"));
    }
    AtomicFiles.deleteIfExists(d);
    AtomicFiles.forceDirectory(root);
  }

  /**
   * Key rotation: rewrites every file still sealed with an older key under the vault's current
   * key (each atomically), so the older key can then be removed from the {@code KeyProvider}. Open
   * the store with a vault that holds both keys, the new one current. Sealed credentials are
   * re-encrypted too, but only their outer layer: the credentials inside were sealed by the caller
   * ({@code Integration.reencryptCredentials()} re-encrypts those).
   *
   * @return how many files were rewritten (0 when everything is on the current key)
   * @throws StoreException when a file does not open (changed, or its key is missing)
   */
  public synchronized long reencrypt() {
    long rewritten = 0;
    for (String integrationId : integrationDirectories()) {
      Path d = dir(integrationId);
      for (String f : FILES) {
        Path file = d.resolve(f);
        if (Files.exists(file) && sealer.resealFile(file, context(integrationId, f))) {
          rewritten++;
        }
      }
    }
    return rewritten;
  }

  /** Ids of every integration with a directory, saved record or not. */
  private Set<String> integrationDirectories() {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        if (Files.isDirectory(d)) {
          ids.add(new String(Base64.getUrlDecoder().decode(d.getFileName().toString()), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new StoreException("Cannot list the integrations in " + root + ": " + e.getMessage(), e);
    }
    return ids;
  }

  @Override
  public synchronized Optional<byte[]> credentials(String integrationId) {
    return read(integrationId, CREDENTIALS);
  }

  @Override
  public synchronized void saveCredentials(String integrationId, byte[] sealed) {
    write(integrationId, CREDENTIALS, Objects.requireNonNull(sealed, "sealed").clone());
  }

  @Override
  public synchronized Optional<String> checkpoint(String integrationId) {
    return read(integrationId, CHECKPOINT).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void saveCheckpoint(String integrationId, String checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    write(integrationId, CHECKPOINT, checkpoint.getBytes(StandardCharsets.UTF_8));
  }

  private LinkedHashMap<String, QuarantinedRecord> loadQuarantine(String integrationId) {
    LinkedHashMap<String, QuarantinedRecord> q = new LinkedHashMap<>();
    read(integrationId, QUARANTINE).ifPresent(b -> {
      try {
        for (QuarantinedRecord r : Json.mapper().readValue(b, QUARANTINE_LIST)) {
          q.put(r.identity(), r);
        }
      } catch (IOException e) {
        throw new StoreException("The quarantine of integration '" + integrationId + "' in " + root
            + " is unreadable: " + e.getMessage(), e);
      }
    });
    return q;
  }

  private void saveQuarantine(String integrationId, LinkedHashMap<String, QuarantinedRecord> q) {
    write(integrationId, QUARANTINE, Json.write(new ArrayList<>(q.values())));
  }

  @Override
  public synchronized void quarantine(String integrationId, Collection<QuarantinedRecord> entries) {
    Objects.requireNonNull(entries, "entries");
    if (entries.isEmpty()) {
      return;
    }
    LinkedHashMap<String, QuarantinedRecord> q = loadQuarantine(integrationId);
    for (QuarantinedRecord r : entries) {
      q.put(Objects.requireNonNull(r, "entry").identity(), r);
    }
    saveQuarantine(integrationId, q);
  }

  @Override
  public synchronized void release(String integrationId, Collection<RecordKey> keys) {
    Set<RecordKey> released = new HashSet<>(Objects.requireNonNull(keys, "keys"));
    LinkedHashMap<String, QuarantinedRecord> q = loadQuarantine(integrationId);
    if (q.values().removeIf(r -> r.key().map(released::contains).orElse(false))) {
      saveQuarantine(integrationId, q);
    }
  }

  @Override
  public synchronized List<QuarantinedRecord> quarantined(String integrationId) {
    return List.copyOf(loadQuarantine(integrationId).values());
  }

  @Override
  public synchronized void clearQuarantine(String integrationId) {
    AtomicFiles.deleteIfExists(dir(integrationId).resolve(QUARANTINE));
  }

  @Override
  public synchronized Optional<AggregateSnapshot> snapshot(String integrationId) {
    return read(integrationId, SNAPSHOT).map(b -> AggregateSnapshot.fromJson(new String(b, StandardCharsets.UTF_8)));
  }

  @Override
  public synchronized void saveSnapshot(String integrationId, AggregateSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    write(integrationId, SNAPSHOT, snapshot.toJson().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public synchronized Optional<byte[]> releaseState(String integrationId) {
    return read(integrationId, RELEASE);
  }

  @Override
  public synchronized void saveReleaseState(String integrationId, byte[] sealed) {
    write(integrationId, RELEASE, Objects.requireNonNull(sealed, "sealed").clone());
  }

  @Override
  public synchronized Optional<byte[]> roundingKey(String integrationId) {
    return read(integrationId, ROUNDING_KEY);
  }

  @Override
  public synchronized void saveRoundingKey(String integrationId, byte[] sealed) {
    write(integrationId, ROUNDING_KEY, Objects.requireNonNull(sealed, "sealed").clone());
  }

  /** Equal to another instance over the same directory: they hold the same data. */
  @Override
  public boolean equals(Object o) {
    return o instanceof FileIntegrationStore other && identity.equals(other.identity);
  }

  @Override
  public int hashCode() {
    return identity.hashCode();
  }

  private static Path canonical(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }

  @Override
  public String toString() {
    return "FileIntegrationStore[" + root + "]";
  }
}
