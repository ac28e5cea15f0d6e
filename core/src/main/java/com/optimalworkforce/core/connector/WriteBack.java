package com.optimalworkforce.core.connector;

/**
 * Changes a connector can make in its source system, for systems that allow it.
 *
 * <pre>{@code
 * connector.writeBack().ifPresent(w -> w.assignCaregiver("V-1001", "E-42"));
 * }</pre>
 */
public interface WriteBack {

  /**
   * Assigns a caregiver to a vacant visit.
   *
   * @throws WriteConflictException if the visit changed in the source since it was read
   * @throws ConnectorException if the source refused or failed, classified
   * @throws IllegalArgumentException if the visit or caregiver id is unknown to the source
   */
  void assignCaregiver(String visitId, String caregiverId);
}
