package com.optimalworkforce.testkit.alayacare.internal;

import com.optimalworkforce.testkit.alayacare.VisitCorruption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulator serves differently from the agency on request: corrupted visits, clients
 * whose postal code is not under {@code zip}, and the order of client and employee lists. Not API.
 */
public final class Tweaks {
  private final Map<String, VisitCorruption> corruptVisits = new ConcurrentHashMap<>();
  private final Set<String> postalCodesOutsideZip = ConcurrentHashMap.newKeySet();
  private final boolean listsByName;

  public Tweaks(boolean listsByName) {
    this.listsByName = listsByName;
  }

  public void corrupt(String agencyVisitId, VisitCorruption how) {
    corruptVisits.put(agencyVisitId, how);
  }

  /** How the visit is corrupted, or {@code null}. */
  public VisitCorruption corruption(String agencyVisitId) {
    return corruptVisits.get(agencyVisitId);
  }

  public void postalCodeOutsideZip(String agencyClientId) {
    postalCodesOutsideZip.add(agencyClientId);
  }

  public boolean isPostalCodeOutsideZip(String agencyClientId) {
    return postalCodesOutsideZip.contains(agencyClientId);
  }

  /** Whether client and employee lists come ordered by name rather than by id. */
  public boolean listsByName() {
    return listsByName;
  }

  public void clear() {
    corruptVisits.clear();
    postalCodesOutsideZip.clear();
  }
}
