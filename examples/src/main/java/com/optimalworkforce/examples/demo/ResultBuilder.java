package com.optimalworkforce.examples.demo;

import com.optimalworkforce.alerts.scoring.MatchRanking;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.security.AuditVerification;
import com.optimalworkforce.core.sync.SyncReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Collects a {@link DemoResult}'s figures as the sections produce them. */
final class ResultBuilder {
  ConnectionCheck alayaCareWrongKey;
  ConnectionCheck alayaCareRightKey;
  ConnectionCheck wellSkyWrongSecret;
  ConnectionCheck wellSkyRightSecret;
  List<String> regionsListed = List.of();
  List<String> selected = List.of();
  List<String> selectedNames = List.of();
  AggregateSnapshot preview;
  AggregateSnapshot wellSkyPreview;
  SyncReport initial;
  int progressShown;
  DemoResult.SourceChanges changes;
  SyncReport incremental;
  AggregateSnapshot published;
  Path publishedJson;
  DemoResult.Withheld withheld;
  List<AlertRecord> alerts = List.of();
  MatchRanking ranking;
  AuditVerification audit;
  AuditVerification tampered;
  CapacitySeries capacity;
  Path report;
  Duration elapsed;

  DemoResult build() {
    return new DemoResult(alayaCareWrongKey, alayaCareRightKey, wellSkyWrongSecret, wellSkyRightSecret, regionsListed,
        selected, preview, wellSkyPreview, initial, progressShown, changes, incremental, published, publishedJson,
        withheld, alerts, ranking, audit, tampered, capacity, report, elapsed);
  }
}
