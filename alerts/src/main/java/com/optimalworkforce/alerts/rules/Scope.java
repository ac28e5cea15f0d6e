package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The part of the schedule a rule should re-check: everything (a scheduled run), or the shifts,
 * caregivers, clients and regions that a batch of changes touched. A rule that honours the scope
 * re-checks only those, which is what keeps re-evaluation after one changed visit cheap.
 *
 * <pre>{@code
 * Scope scope = Scope.affectedBy(changes);  // a visit moved from Tom to nobody:
 * scope.shiftIds();                         // [V-1001]
 * scope.caregiverIds();                     // [E-31] (Tom)
 * scope.covers(Subject.caregiver("E-31", "MONDAY")); // true
 * }</pre>
 */
public final class Scope {
  private static final Scope ALL = new Scope(true, Set.of(), Set.of(), Set.of(), Set.of());

  private final boolean all;
  private final Set<String> shifts;
  private final Set<String> caregivers;
  private final Set<String> clients;
  private final Set<String> regions;

  private Scope(boolean all, Set<String> shifts, Set<String> caregivers, Set<String> clients, Set<String> regions) {
    this.all = all;
    this.shifts = Set.copyOf(shifts);
    this.caregivers = Set.copyOf(caregivers);
    this.clients = Set.copyOf(clients);
    this.regions = Set.copyOf(regions);
  }

  /** Everything. */
  public static Scope all() {
    return ALL;
  }

  /** Exactly these records. */
  public static Scope of(Set<String> shiftIds, Set<String> caregiverIds, Set<String> clientIds, Set<String> regionIds) {
    return new Scope(false, Objects.requireNonNull(shiftIds, "shiftIds"),
        Objects.requireNonNull(caregiverIds, "caregiverIds"), Objects.requireNonNull(clientIds, "clientIds"),
        Objects.requireNonNull(regionIds, "regionIds"));
  }

  /**
   * What a batch of changes touched: each changed visit, its caregivers and client before and
   * after, and its region; the caregiver of a changed call-out, unavailability or offer (and the
   * shift of a call-out or offer); a changed caregiver or client and its region.
   */
  public static Scope affectedBy(Collection<Change> changes) {
    Objects.requireNonNull(changes, "changes");
    Set<String> shifts = new HashSet<>();
    Set<String> caregivers = new HashSet<>();
    Set<String> clients = new HashSet<>();
    Set<String> regions = new HashSet<>();
    for (Change c : changes) {
      for (SourceRecord r : new SourceRecord[] {c.before(), c.after()}) {
        if (r instanceof Visit v) {
          shifts.add(v.id());
          clients.add(v.clientId());
          regions.add(v.regionId());
          if (v.caregiverId() != null) {
            caregivers.add(v.caregiverId());
          }
        } else if (r instanceof CallOut co) {
          caregivers.add(co.caregiverId());
          shifts.add(co.visitId());
        } else if (r instanceof Unavailability u) {
          caregivers.add(u.caregiverId());
        } else if (r instanceof ShiftOffer o) {
          caregivers.add(o.caregiverId());
          shifts.add(o.visitId());
        } else if (r instanceof Caregiver cg) {
          caregivers.add(cg.id());
          regions.add(cg.regionId());
        } else if (r instanceof Client cl) {
          clients.add(cl.id());
          regions.add(cl.regionId());
        }
      }
    }
    return new Scope(false, shifts, caregivers, clients, regions);
  }

  public boolean isAll() {
    return all;
  }

  /** True when the scope holds nothing to re-check. */
  public boolean isEmpty() {
    return !all && shifts.isEmpty() && caregivers.isEmpty() && clients.isEmpty() && regions.isEmpty();
  }

  public Set<String> shiftIds() {
    return shifts;
  }

  public Set<String> caregiverIds() {
    return caregivers;
  }

  public Set<String> clientIds() {
    return clients;
  }

  public Set<String> regionIds() {
    return regions;
  }

  public boolean coversShift(String visitId) {
    return all || shifts.contains(visitId);
  }

  public boolean coversCaregiver(String caregiverId) {
    return all || caregivers.contains(caregiverId);
  }

  public boolean coversRegion(String regionId) {
    return all || regions.contains(regionId);
  }

  /** True when the subject's record is in the scope (the qualifier does not matter). */
  public boolean covers(Subject subject) {
    if (all) {
      return true;
    }
    return switch (subject.kind()) {
      case SHIFT -> shifts.contains(subject.id());
      case CAREGIVER -> caregivers.contains(subject.id());
      case CLIENT -> clients.contains(subject.id());
      case REGION -> regions.contains(subject.id());
    };
  }

  @Override
  public String toString() {
    return all ? "Scope[all]" : "Scope[shifts=" + shifts.size() + ", caregivers=" + caregivers.size() + ", clients="
        + clients.size() + ", regions=" + regions.size() + "]";
  }
}
