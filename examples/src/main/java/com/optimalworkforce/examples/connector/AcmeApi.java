package com.optimalworkforce.examples.connector;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stand-in for a vendor's client library ("Acme Scheduling"), serving a synthetic agency with the
 * quirks real APIs have: API keys, a key without schedule permission, offset paging, string dates,
 * its own status words, latency and a malformed record. The example connector is written against
 * this class exactly as it would be against a real vendor SDK.
 */
public final class AcmeApi {
  /** A key that is valid but may not read schedules. */
  public static final String READ_ONLY_KEY = "acme-read-only";

  private final SyntheticAgency agency;
  private final String validKey;
  private final Duration latency;
  private final String corruptShiftId;

  private AcmeApi(SyntheticAgency agency, String validKey, Duration latency, String corruptShiftId) {
    this.agency = agency;
    this.validKey = validKey;
    this.latency = latency;
    this.corruptShiftId = corruptShiftId;
  }

  public static AcmeApi serving(SyntheticAgency agency) {
    return new AcmeApi(Objects.requireNonNull(agency, "agency"), agency.apiKey().reveal(), Duration.ZERO, null);
  }

  /** The same API, answering every call after {@code latency}. */
  public AcmeApi withLatency(Duration latency) {
    return new AcmeApi(agency, validKey, latency, corruptShiftId);
  }

  /** The same API, returning the shift with this id with its end before its start. */
  public AcmeApi withCorruptShift(String shiftId) {
    return new AcmeApi(agency, validKey, latency, shiftId);
  }

  /** The vendor's error: an HTTP-like status and its message. */
  public static final class AcmeApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    AcmeApiException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** A branch as Acme describes it. */
  public record AcmeBranch(String code, String label, String timeZone) {}

  /** A client (Acme calls them "members"). */
  public record AcmeMember(String memberNo, String branch, String firstName, String lastName, String zip, boolean active) {}

  /** A caregiver (Acme calls them "workers"). */
  public record AcmeWorker(String workerNo, String branch, String firstName, String lastName, boolean active) {}

  /** A shift: dates are ISO-8601 strings, status is Acme's own word. */
  public record AcmeShift(String shiftNo, String memberNo, String workerNo, String branch, String startsAt, String endsAt,
      String state, String service, String zip) {}

  /** One page of results with the total, offset-paged. */
  public record AcmePage<T>(List<T> items, int offset, int total) {}

  private void enter(String apiKey, boolean schedule) {
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AcmeApiException(499, "interrupted");
      }
    }
    if (READ_ONLY_KEY.equals(apiKey)) {
      if (schedule) {
        throw new AcmeApiException(403, "Key lacks the schedule.read scope");
      }
      return;
    }
    if (!validKey.equals(apiKey)) {
      throw new AcmeApiException(401, "Unknown API key");
    }
  }

  public List<AcmeBranch> branches(String apiKey) {
    enter(apiKey, true);
    return agency.regions().stream().map(r -> new AcmeBranch(r.id(), r.name(), r.zone().getId())).toList();
  }

  public AcmePage<AcmeMember> members(String apiKey, String branch, int offset, int limit) {
    enter(apiKey, true);
    List<AcmeMember> all = agency.clients().stream().filter(c -> c.regionId().equals(branch))
        .map(AcmeApi::member).toList();
    return page(all, offset, limit);
  }

  public AcmePage<AcmeWorker> workers(String apiKey, String branch, int offset, int limit) {
    enter(apiKey, true);
    List<AcmeWorker> all = agency.caregivers().stream().filter(c -> c.regionId().equals(branch))
        .map(AcmeApi::worker).toList();
    return page(all, offset, limit);
  }

  public AcmePage<AcmeShift> shifts(String apiKey, String branch, Instant from, Instant to, int offset, int limit) {
    enter(apiKey, true);
    List<AcmeShift> all = agency.visits()
        .filter(v -> v.regionId().equals(branch) && !v.start().isBefore(from) && v.start().isBefore(to))
        .map(this::shift).toList();
    return page(all, offset, limit);
  }

  private static <T> AcmePage<T> page(List<T> all, int offset, int limit) {
    int end = Math.min(all.size(), offset + limit);
    return new AcmePage<>(offset >= all.size() ? List.of() : all.subList(offset, end), offset, all.size());
  }

  private static AcmeMember member(Client c) {
    return new AcmeMember(c.id(), c.regionId(), c.name().given(), c.name().family(), c.postalCode(), c.active());
  }

  private static AcmeWorker worker(Caregiver c) {
    return new AcmeWorker(c.id(), c.regionId(), c.name().given(), c.name().family(), c.active());
  }

  private AcmeShift shift(Visit v) {
    String state = switch (v.status()) {
      case OPEN, OFFERED -> "UNASSIGNED";
      case CANCELLED -> "CANCELLED";
      case COMPLETED -> "DONE";
      case MISSED -> "NO_SHOW";
      case IN_PROGRESS -> "STARTED";
      case ON_HOLD -> "HOLD";
      case SCHEDULED -> "BOOKED";
    };
    String end = v.id().equals(corruptShiftId) ? v.start().minusSeconds(3600).toString() : v.end().toString();
    return new AcmeShift(v.id(), v.clientId(), v.caregiverId(), v.regionId(), v.start().toString(), end, state,
        v.serviceCode(), v.postalCode());
  }
}
