package com.optimalworkforce.core.aggregate.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a release remembers so that the next one stays consistent with it, per region: each
 * table's exact cells and which were hidden, and the alternatives ("second tables") that keep its
 * hidden cells safe, by area and week code. Agency-zone data: it holds exact small counts.
 *
 * <pre>{@code
 * String json = ReleaseMemory.write(snapshotJson, memory);
 * ReleaseMemory.Document back = ReleaseMemory.read(json);
 * }</pre>
 */
public final class ReleaseMemory {
  /** Version of the release JSON; bump when the shape changes and keep reading old versions. */
  public static final int SCHEMA_VERSION = 1;
  /** The row of regional totals and the column of window totals in the cell codes. */
  public static final String TOTAL = "TOTAL";
  public static final String WINDOW = "WINDOW";

  private static final String CONTENT = "aggregate release with exact counts: agency zone only, never publish";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

  private ReleaseMemory() {}

  /** A non-zero cell of a table: area code (or TOTAL), week (or WINDOW), exact value, hidden or not. */
  public record Cell(
      @JsonProperty("area") String area,
      @JsonProperty("week") String week,
      @JsonProperty("value") long value,
      @JsonProperty("hidden") boolean hidden) {
    public Cell {
      Objects.requireNonNull(area, "area");
      Objects.requireNonNull(week, "week");
    }
  }

  /** One cell's change in an alternative. */
  public record Step(
      @JsonProperty("metric") String metric,
      @JsonProperty("area") String area,
      @JsonProperty("week") String week,
      @JsonProperty("delta") int delta) {
    public Step {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(area, "area");
      Objects.requireNonNull(week, "week");
    }
  }

  /**
   * A region's memory: cells per metric (JSON name), and the alternatives per group of tables
   * protected together (named by the first metric of the group).
   */
  public record Region(
      @JsonProperty("tables") SortedMap<String, List<Cell>> tables,
      @JsonProperty("alternatives") SortedMap<String, List<List<Step>>> alternatives) {
    public Region {
      tables = new TreeMap<>(Objects.requireNonNull(tables, "tables"));
      alternatives = new TreeMap<>(Objects.requireNonNull(alternatives, "alternatives"));
    }
  }

  /** The stored form: the published snapshot (as its own JSON) and the memory of every region. */
  public record Document(
      @JsonProperty("schemaVersion") int schemaVersion,
      @JsonProperty("content") String content,
      @JsonProperty("snapshot") JsonNode snapshot,
      @JsonProperty("regions") SortedMap<String, Region> regions) {}

  public static String write(String snapshotJson, Map<String, Region> regions) {
    try {
      return MAPPER.writeValueAsString(new Document(SCHEMA_VERSION, CONTENT, MAPPER.readTree(snapshotJson),
          new TreeMap<>(regions)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the aggregate release as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IllegalArgumentException if the text is not release JSON of a known schema version
   */
  public static Document read(String json) {
    Document doc;
    try {
      doc = MAPPER.readValue(json, Document.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not aggregate release JSON: " + e.getOriginalMessage(), e);
    }
    if (doc.schemaVersion() != SCHEMA_VERSION) {
      throw new IllegalArgumentException("Aggregate release JSON has schemaVersion " + doc.schemaVersion()
          + "; this version of the SDK reads " + SCHEMA_VERSION);
    }
    if (doc.snapshot() == null || doc.regions() == null) {
      throw new IllegalArgumentException("Not aggregate release JSON: 'snapshot' and 'regions' are required");
    }
    return doc;
  }
}
