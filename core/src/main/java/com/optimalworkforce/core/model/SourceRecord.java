package com.optimalworkforce.core.model;

/**
 * A record read from a source system: it knows its id there and can hash its content.
 *
 * <pre>{@code
 * for (SourceRecord record : page.records()) {
 *   if (!record.contentHash().equals(previousHashes.get(record.key()))) {
 *     changed.add(record);
 *   }
 * }
 * }</pre>
 */
public sealed interface SourceRecord permits Client, Caregiver, Visit, Unavailability, ShiftOffer, CallOut {

  /** The record's id in its source system. */
  String id();

  /** Which stream the record belongs to. */
  EntityType type();

  /**
   * A stable hash of every field (hex, 32 characters). Equal content gives an equal hash in any
   * JVM and any run; any change to any field changes it.
   */
  String contentHash();

  /** Type and id together. */
  default RecordKey key() {
    return new RecordKey(type(), id());
  }
}
