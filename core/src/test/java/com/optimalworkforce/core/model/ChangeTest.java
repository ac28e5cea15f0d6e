package com.optimalworkforce.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ChangeTest {
  static final Visit V1 = Visit.builder().id("V-1").clientId("C-1").regionId("r").zone(ZoneId.of("UTC"))
      .start(Instant.parse("2026-11-20T10:00:00Z")).end(Instant.parse("2026-11-20T12:00:00Z")).build();

  @Test
  void kindsAreDerivedFromBeforeAndAfter() {
    assertThat(Change.created(V1).isCreate()).isTrue();
    assertThat(Change.updated(V1, V1.toBuilder().serviceCode("RN").build()).isUpdate()).isTrue();
    assertThat(Change.deleted(V1).isDelete()).isTrue();
    assertThat(Change.deleted(V1).type()).isEqualTo(EntityType.VISIT);
  }

  @Test
  void recordsMustMatchTheKey() {
    Visit other = V1.toBuilder().id("V-2").build();
    assertThatThrownBy(() -> Change.updated(V1, other)).hasMessageContaining("before has key VISIT:V-1");
    assertThatThrownBy(() -> new Change(V1.key(), null, null)).hasMessageContaining("both missing");
  }
}
