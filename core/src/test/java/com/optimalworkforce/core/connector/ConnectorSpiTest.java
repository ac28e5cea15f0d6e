package com.optimalworkforce.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.security.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectorSpiTest {
  static final TimeWindow WINDOW = TimeWindow.of(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

  @Test
  void configNeverPrintsSecrets() {
    ConnectorConfig config = ConnectorConfig.builder("alayacare").setting("tenant", "example")
        .secret("privateKey", Secret.of("s3cr3t-value")).build();
    assertThat(config.toString()).contains("tenant", "example", "privateKey").doesNotContain("s3cr3t-value");
    assertThat(config.requireSecret("privateKey").reveal()).isEqualTo("s3cr3t-value");
    assertThat(config.toBuilder().build()).isEqualTo(config);
  }

  @Test
  void configFailsEarlyWithTheBadValue() {
    assertThatThrownBy(() -> ConnectorConfig.builder(" ")).hasMessageContaining("connectorId").hasMessageContaining("' '");
    assertThatThrownBy(() -> ConnectorConfig.builder("x").timeout(Duration.ofSeconds(-3)))
        .hasMessage("timeout must be positive but was PT-3S");
    assertThatThrownBy(() -> ConnectorConfig.builder("x").build().requireSetting("tenant"))
        .hasMessage("Connector 'x': setting 'tenant' is required but was not set");
  }

  @Test
  void secretRedactsAndComparesByValue() {
    Secret s = Secret.of("hunter2");
    assertThat(s.toString()).isEqualTo("Secret[redacted]");
    assertThat(s).isEqualTo(Secret.of("hunter2")).isNotEqualTo(Secret.of("hunter3"));
    assertThat(s.matches("hunter2")).isTrue();
    assertThatThrownBy(() -> Secret.of(" ")).hasMessage("Secret value is missing or blank");
  }

  @Test
  void readRequestValidates() {
    assertThatThrownBy(() -> ReadRequest.builder(EntityType.VISIT).regions(Set.of()).window(WINDOW).build())
        .hasMessageContaining("select at least one region");
    assertThatThrownBy(() -> ReadRequest.builder(EntityType.VISIT).pageSize(0)).hasMessageContaining("but was 0");
    assertThatThrownBy(() -> ReadRequest.builder(EntityType.VISIT).regions(Set.of("r")).build())
        .hasMessageContaining("window is required");
    ReadRequest r = ReadRequest.builder(EntityType.VISIT).regions(Set.of("r")).window(WINDOW).build();
    assertThat(r.pageSize()).isEqualTo(ReadRequest.DEFAULT_PAGE_SIZE);
    assertThat(r.withCursor(SyncCursor.of("p2")).resumeFrom()).contains(SyncCursor.of("p2"));
  }

  @Test
  void timeWindowIsHalfOpen() {
    assertThat(WINDOW.contains(WINDOW.from())).isTrue();
    assertThat(WINDOW.contains(WINDOW.to())).isFalse();
    assertThat(WINDOW.overlaps(WINDOW.to(), WINDOW.to().plusSeconds(5))).isFalse();
    assertThatThrownBy(() -> TimeWindow.of(WINDOW.to(), WINDOW.from())).hasMessageContaining("must be after from");
  }

  @Test
  void failuresCarryTheirLabel() {
    ConnectorException e = new ConnectorException(ConnectionFailure.ACCESS_DENIED, "the key may not read visits.");
    assertThat(e.getMessage()).isEqualTo("Access denied: the key may not read visits.");
    ConnectionCheck check = e.toCheck(Duration.ofMillis(5));
    assertThat(check.ok()).isFalse();
    assertThat(check.failureKind()).contains(ConnectionFailure.ACCESS_DENIED);
    assertThat(ConnectionCheck.failed(ConnectionFailure.TIMEOUT, "no answer in 30 s.", Duration.ZERO).message())
        .isEqualTo("Connection timeout: no answer in 30 s.");
  }
}
