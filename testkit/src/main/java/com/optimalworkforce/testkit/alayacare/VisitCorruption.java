package com.optimalworkforce.testkit.alayacare;

/**
 * Bad data the {@link AlayaCareSimulator} can serve in one visit, to check that a connector
 * quarantines that visit with a reason and syncs the rest. The bad visit breaks the published
 * Swagger file where the API itself would never send it (a missing required field, a status
 * outside the enum); that is the point.
 *
 * <pre>{@code
 * simulator.corruptVisit("V000042", VisitCorruption.NO_CLIENT_ID);
 * }</pre>
 */
public enum VisitCorruption {
  /** {@code end_at} an hour before {@code start_at}. */
  END_BEFORE_START,
  /** No {@code alayacare_client_id} (nor {@code client_id}). */
  NO_CLIENT_ID,
  /** A {@code status} that is none of the ten AlayaCare documents. */
  UNKNOWN_STATUS,
  /** A {@code start_at} that is not an ISO 8601 date-time (the simulator still files it by its real start). */
  UNREADABLE_START
}
