package com.optimalworkforce.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.security.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
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

  @Test
  void failuresFallIntoTheSixCategoriesEachWithItsOwnLabelAndAdvice() {
    assertThat(ConnectionFailure.values()).containsExactly(ConnectionFailure.INVALID_CREDENTIALS,
        ConnectionFailure.ACCESS_DENIED, ConnectionFailure.TIMEOUT, ConnectionFailure.UNREACHABLE,
        ConnectionFailure.RATE_LIMITED, ConnectionFailure.UNEXPECTED_RESPONSE);
    assertThat(Arrays.stream(ConnectionFailure.values()).map(ConnectionFailure::label).distinct()).hasSize(6);
    for (ConnectionFailure f : ConnectionFailure.values()) {
      // Advice is a next step a person can take, not a restatement of the category.
      assertThat(f.advice()).as("advice for %s", f).hasSizeGreaterThan(30).doesNotContainIgnoringCase(f.label());
      ConnectionCheck check = ConnectionCheck.failed(f, "example.test answered 418. " + f.advice(), Duration.ofMillis(3));
      assertThat(check.ok()).isFalse();
      assertThat(check.failureKind()).contains(f);
      assertThat(check.message()).isEqualTo(f.label() + ": example.test answered 418. " + f.advice());
    }
  }

  @Test
  void aSuccessfulCheckHasNoFailure() {
    ConnectionCheck ok = ConnectionCheck.success("Connected to example.test (3 branches visible)", Duration.ofMillis(40));
    assertThat(ok.ok()).isTrue();
    assertThat(ok.failureKind()).isEmpty();
    assertThat(ok.elapsed()).isEqualTo(Duration.ofMillis(40));
  }

  @Test
  void capabilitiesSayWhatTheConnectorCanDo() {
    Set<EntityType> mutable = new HashSet<>(Set.of(EntityType.VISIT, EntityType.CLIENT));
    Capabilities caps = Capabilities.of(false, true, mutable);
    mutable.add(EntityType.CALL_OUT);
    assertThat(caps.serverSideIncremental()).isFalse();
    assertThat(caps.writeBack()).isTrue();
    assertThat(caps.supports(EntityType.VISIT)).isTrue();
    assertThat(caps.supports(EntityType.CALL_OUT)).as("a copy, not a view").isFalse();
    assertThat(Capabilities.of(true, false, EnumSet.allOf(EntityType.class)).entityTypes()).hasSize(6);
    assertThat(Capabilities.of(true, false, Set.of()).supports(EntityType.VISIT)).isFalse();
    assertThatThrownBy(() -> caps.entityTypes().add(EntityType.CAREGIVER)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aConnectorWithoutWriteBackSaysSoByDefault() {
    Connector minimal = new Connector() {
      @Override
      public String providerId() {
        return "minimal";
      }

      @Override
      public ConnectionCheck testConnection() {
        return ConnectionCheck.success("ok", Duration.ZERO);
      }

      @Override
      public java.util.List<com.optimalworkforce.core.model.Region> listRegions() {
        return java.util.List.of();
      }

      @Override
      public Page read(ReadRequest request) {
        return Page.last(java.util.List.of(), java.util.List.of());
      }

      @Override
      public Capabilities capabilities() {
        return Capabilities.of(false, false, Set.of(EntityType.VISIT));
      }
    };
    assertThat(minimal.writeBack()).isEmpty();
    minimal.close();
  }

  @Test
  void secretsNeverShowUpInTextButConfigsStillCompareThem() {
    Secret key = Secret.of("correct-horse-battery-staple");
    ConnectorConfig a = ConnectorConfig.builder("acme").secret("apiKey", key).setting("tenant", "t1").build();
    ConnectorConfig b = ConnectorConfig.builder("acme").secret("apiKey", Secret.of("another-key")).setting("tenant", "t1")
        .clock(a.clock()).build();
    assertThat(a).isNotEqualTo(b);
    assertThat(a.secretNames()).containsExactly("apiKey");
    for (String text : new String[] {a.toString(), key.toString(), String.valueOf(key.hashCode()),
        a.secret("apiKey").orElseThrow().toString()}) {
      assertThat(text).doesNotContain("correct-horse", "battery");
    }
    assertThat(a.toString()).contains("apiKey").contains("redacted");
  }
}
