package com.optimalworkforce.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.alerts.rules.Alert;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.alerts.rules.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAlertStoreTest {
  static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
  final AlertStore store = AlertStore.inMemory();

  private static Alert alert(String rule, Subject subject, String region, Severity severity) {
    return Alert.builder(rule, subject).region(region).severity(severity).message("m").build();
  }

  @Test
  void answersTheDashboardByRegionSeverityTimeAndState() {
    AlertRecord a = AlertRecord.open("a", alert("capacity", Subject.region("east", "w1"), "east", Severity.INFO), T0);
    AlertRecord b = AlertRecord.open("b", alert("unfilled-shift", Subject.shift("V1"), "east", Severity.URGENT),
        T0.plus(Duration.ofHours(1)));
    AlertRecord c = AlertRecord.open("c", alert("unfilled-shift", Subject.shift("V2"), "west", Severity.WARNING),
        T0.plus(Duration.ofHours(2)));
    List.of(a, b, c).forEach(store::save);
    store.save(c.resolved(T0.plus(Duration.ofHours(3))));

    assertThat(store.query(AlertQuery.all())).extracting(AlertRecord::id).containsExactly("c", "b", "a");
    assertThat(store.query(AlertQuery.builder().region("east").build())).extracting(AlertRecord::id)
        .containsExactly("b", "a");
    assertThat(store.query(AlertQuery.builder().minSeverity(Severity.WARNING).openOnly(true).build()))
        .extracting(AlertRecord::id).containsExactly("b");
    assertThat(store.query(AlertQuery.builder().since(T0.plus(Duration.ofMinutes(30))).until(T0.plus(Duration.ofHours(2)))
        .build())).extracting(AlertRecord::id).containsExactly("b");
    assertThat(store.query(AlertQuery.builder().rule("capacity").limit(5).build())).extracting(AlertRecord::id)
        .containsExactly("a");
  }

  @Test
  void findsTheLatestEpisodeAndOpenAlertsBySubject() {
    Subject maria = Subject.caregiver("E1", "MONDAY");
    store.save(AlertRecord.open("old", alert("call-out-pattern", maria, "east", Severity.INFO), T0).resolved(T0));
    store.save(AlertRecord.open("new", alert("call-out-pattern", maria, "east", Severity.WARNING), T0.plusSeconds(60)));
    store.save(AlertRecord.open("tue", alert("call-out-pattern", Subject.caregiver("E1", "TUESDAY"), "east",
        Severity.INFO), T0));
    assertThat(store.latest("call-out-pattern", maria)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("new"));
    assertThat(store.open("call-out-pattern", Subject.Kind.CAREGIVER, "E1")).extracting(AlertRecord::id)
        .containsExactlyInAnyOrder("new", "tue");
    assertThat(store.open("call-out-pattern", Subject.Kind.CAREGIVER, "E2")).isEmpty();
    assertThat(store.open("call-out-pattern")).hasSize(2);
    store.save(store.get("tue").orElseThrow().resolved(T0.plusSeconds(120)));
    assertThat(store.open("call-out-pattern", Subject.Kind.CAREGIVER, "E1")).extracting(AlertRecord::id)
        .containsExactly("new");
  }

  @Test
  void badQueriesAreRefused() {
    assertThatThrownBy(() -> AlertQuery.builder().limit(0)).hasMessageContaining("at least 1 but was 0");
    assertThatThrownBy(() -> AlertQuery.builder().since(T0).until(T0).build()).hasMessageContaining("must be after");
  }
}
