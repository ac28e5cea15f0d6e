package com.optimalworkforce.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Visit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbedConnectorAndSyncTest {
  static EmbedConnectorAndSync.Result result;
  static String out;

  @BeforeAll
  static void runTheExample() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    result = EmbedConnectorAndSync.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    out = buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theInitialSyncFillsTheHostStore() {
    assertThat(result.initial().completed()).as(out).isTrue();
    assertThat(result.initial().quarantined()).isZero();
    assertThat(result.initial().created()).isGreaterThan(300);
    long rowsAfterInitial = result.initial().created();
    long rowsNow = result.store().size();
    assertThat(rowsNow).isEqualTo(rowsAfterInitial - result.incremental().deleted());
    assertThat(out).contains("Connection: Connected to").contains("Your store now holds " + rowsAfterInitial + " rows")
        .contains("The listener heard " + rowsAfterInitial + " changes");
    assertThat(result.store().countsByTypeAndRegion()).containsKeys("CLIENT", "CAREGIVER", "VISIT");
  }

  @Test
  void theIncrementalSyncBringsExactlyWhatChangedAtTheSource() {
    assertThat(result.incremental().completed()).as(out).isTrue();
    assertThat(result.visitsChangedAtSource()).hasSizeGreaterThan(2);
    assertThat(result.visitsDeletedAtSource()).hasSize(2);
    Set<RecordKey> updated = result.changesHeard().stream().filter(Change::isUpdate).map(Change::key)
        .collect(Collectors.toSet());
    Set<RecordKey> deletedVisits = result.changesHeard().stream().filter(Change::isDelete).map(Change::key)
        .filter(k -> k.type() == EntityType.VISIT).collect(Collectors.toSet());
    assertThat(updated).isEqualTo(result.visitsChangedAtSource());
    assertThat(deletedVisits).isEqualTo(result.visitsDeletedAtSource());
    assertThat(result.changesHeard()).noneMatch(Change::isCreate);
    assertThat(result.incremental().updated()).isEqualTo(updated.size());
    assertThat(result.changesHeard()).filteredOn(Change::isUpdate).allSatisfy(c ->
        assertThat(((Visit) c.after()).end()).isEqualTo(((Visit) c.before()).end().plus(Duration.ofMinutes(15))));
    for (RecordKey k : result.visitsChangedAtSource()) {
      assertThat(result.store().find(k)).isPresent();
      assertThat(out).contains("updated Visit " + k.sourceId() + ": ends ");
    }
    for (RecordKey k : result.visitsDeletedAtSource()) {
      assertThat(result.store().find(k)).isEmpty();
      assertThat(out).contains("deleted Visit " + k.sourceId());
    }
  }
}
