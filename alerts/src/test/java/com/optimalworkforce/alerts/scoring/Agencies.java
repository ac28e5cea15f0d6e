package com.optimalworkforce.alerts.scoring;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.util.List;
import java.util.stream.Stream;

/** Agencies shared by the scoring tests (built once per test JVM). */
final class Agencies {
  private Agencies() {}

  /** Two regions, 8 weeks of history: the behaviour profiles have enough past to show. */
  static final class Profiles {
    static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(1).regions(2).clients(400).caregivers(80)
        .weeksOfHistory(8).weeksAhead(2).build();
    static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();
    static final List<SourceRecord> RECORDS = records(AGENCY);
    static final MatchHistory HISTORY = history(RECORDS);

    private Profiles() {}
  }

  static List<SourceRecord> records(SyntheticAgency agency) {
    return Stream.of(EntityType.values()).flatMap(agency::records).toList();
  }

  static MatchHistory history(List<SourceRecord> records) {
    MatchHistory h = MatchHistory.create();
    h.loadAll(records);
    return h;
  }
}
