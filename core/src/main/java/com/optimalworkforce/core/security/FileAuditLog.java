package com.optimalworkforce.core.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.optimalworkforce.core.security.internal.AuditChain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link AuditLog} in a JSON-lines file: one entry per line, appended and forced to disk before
 * {@link #append} returns; the file is only ever appended to. Reopening the file continues the
 * chain. {@link #verify()} reads the file itself, so a line edited, deleted or moved by anything
 * outside this class is reported at its sequence number.
 *
 * <pre>{@code
 * FileAuditLog audit = FileAuditLog.open(dataDir.resolve("audit.jsonl"), clock);
 * audit.append("integration.disconnected", Map.of("integration", "alayacare-1"));
 * // {"seq":1,"time":"2026-11-20T15:00:00Z","action":"integration.disconnected",
 * //  "details":{"integration":"alayacare-1"},"prev":"000…","hash":"9f2c…"}
 * }</pre>
 *
 * <p>One writer per file: this class is thread-safe, but two processes (or two instances) writing
 * the same file would fork the chain.
 */
public final class FileAuditLog implements AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final Clock clock;
  private long lastSequence;
  private String lastHash;

  private FileAuditLog(Path path, Clock clock, long lastSequence, String lastHash) {
    this.path = path;
    this.clock = clock;
    this.lastSequence = lastSequence;
    this.lastHash = lastHash;
  }

  /**
   * Opens (or creates) the log at {@code path}. The chain continues after the last readable
   * line; a damaged file still opens, and {@link #verify()} says where it is damaged.
   *
   * @throws UncheckedIOException when the file or its directory cannot be created or read
   */
  public static FileAuditLog open(Path path, Clock clock) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(clock, "clock");
    long lastSequence = 0;
    String lastHash = AuditEntry.GENESIS_HASH;
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (Files.exists(path)) {
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          try {
            AuditEntry e = parse(line);
            if (e.sequence() > lastSequence) {
              lastSequence = e.sequence();
              lastHash = e.hash();
            }
          } catch (IOException | RuntimeException unreadable) {
            // verify() reports it; the chain continues from the last readable entry.
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the audit log " + path + ": " + e.getMessage()
          + ". Check that the directory exists and is writable.", e);
    }
    return new FileAuditLog(path, clock, lastSequence, lastHash);
  }

  /** The file this log writes. */
  public Path path() {
    return path;
  }

  @Override
  public synchronized AuditEntry append(String action, Map<String, String> details) {
    Map<String, String> checked = AuditChain.checkedDetails(action, details);
    AuditEntry entry = AuditChain.next(lastSequence + 1, clock.instant(), action, checked, lastHash);
    byte[] line = (format(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to the audit log " + path + ": " + e.getMessage()
          + ". Check free disk space and permissions; the action '" + action + "' was not recorded.", e);
    }
    lastSequence = entry.sequence();
    lastHash = entry.hash();
    return entry;
  }

  /**
   * Every readable entry in file order.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  @Override
  public synchronized List<AuditEntry> entries() {
    List<AuditEntry> out = new ArrayList<>();
    for (String line : lines()) {
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(parse(line));
      } catch (IOException | RuntimeException unreadable) {
        // skipped here; verify() reports it
      }
    }
    return List.copyOf(out);
  }

  @Override
  public synchronized AuditVerification verify() {
    AuditChain.Verifier verifier = new AuditChain.Verifier();
    int lineNumber = 0;
    for (String line : lines()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      AuditEntry e;
      try {
        e = parse(line);
      } catch (IOException | RuntimeException unreadable) {
        verifier.unreadable("line " + lineNumber + " of " + path.getFileName() + " is not a readable audit entry"
            + " (expected entry " + verifier.expectedSequence() + "): it was edited or truncated");
        break;
      }
      if (!verifier.accept(e)) {
        break;
      }
    }
    return verifier.result();
  }

  private List<String> lines() {
    if (!Files.exists(path)) {
      return List.of();
    }
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the audit log " + path + ": " + e.getMessage(), e);
    }
  }

  private static String format(AuditEntry e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("seq", e.sequence());
    node.put("time", e.time().toString());
    node.put("action", e.action());
    ObjectNode details = node.putObject("details");
    e.details().forEach(details::put);
    node.put("prev", e.previousHash());
    node.put("hash", e.hash());
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException ex) {
      throw new IllegalStateException("cannot write an audit entry as JSON", ex);
    }
  }

  private static AuditEntry parse(String line) throws IOException {
    JsonNode node = JSON.readTree(line);
    JsonNode details = required(node, "details");
    if (!details.isObject()) {
      throw new IOException("details is not an object");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : details.properties()) {
      if (!f.getValue().isTextual()) {
        throw new IOException("detail " + f.getKey() + " is not text");
      }
      map.put(f.getKey(), f.getValue().textValue());
    }
    JsonNode seq = required(node, "seq");
    if (!seq.canConvertToExactIntegral()) {
      throw new IOException("seq is not an integer");
    }
    return new AuditEntry(seq.longValue(), Instant.parse(text(node, "time")), text(node, "action"), map,
        text(node, "prev"), text(node, "hash"));
  }

  private static JsonNode required(JsonNode node, String field) throws IOException {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      throw new IOException("missing " + field);
    }
    return v;
  }

  private static String text(JsonNode node, String field) throws IOException {
    JsonNode v = required(node, field);
    if (!v.isTextual()) {
      throw new IOException(field + " is not text");
    }
    return v.textValue();
  }

  @Override
  public String toString() {
    return "FileAuditLog[" + path + "]";
  }
}
