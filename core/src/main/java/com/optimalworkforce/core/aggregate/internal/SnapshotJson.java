package com.optimalworkforce.core.aggregate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one Jackson mapper for aggregate snapshots: strict on read, stable on write. */
public final class SnapshotJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);

  private SnapshotJson() {}

  public static String write(Object snapshot, boolean pretty) throws JsonProcessingException {
    return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot)
        : MAPPER.writeValueAsString(snapshot);
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException iae) {
        throw new IllegalArgumentException("Invalid aggregate snapshot JSON: " + iae.getMessage(), e);
      }
      throw new IllegalArgumentException("Invalid aggregate snapshot JSON: " + e.getOriginalMessage(), e);
    }
  }
}
