package com.optimalworkforce.core.aggregate;

import static com.optimalworkforce.core.aggregate.Records.TORONTO;
import static com.optimalworkforce.core.aggregate.Records.caregiver;
import static com.optimalworkforce.core.aggregate.Records.client;
import static com.optimalworkforce.core.aggregate.Records.visit;
import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.VisitStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The example in docs/aggregate-snapshot-schema.md is this code's output, verbatim. */
class SnapshotSchemaExampleTest {
  static final Path DOC = Path.of("..", "docs", "aggregate-snapshot-schema.md");

  /** A small Toronto branch over two weeks: 4 areas, one of them UNKNOWN. */
  static AggregateSnapshot example() {
    Aggregator a = Aggregator.builder()
        .clock(Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC)).build();
    String[] postal = {"M4A 1B2", "M4B 2C3", "M4C 3E4"};
    int[] clients = {58, 31, 4};
    int[] caregivers = {17, 12, 0};
    for (int area = 0; area < 3; area++) {
      for (int i = 0; i < clients[area]; i++) {
        a.add(client("C" + area + "-" + i, "toronto-east", postal[area], true));
      }
      for (int i = 0; i < caregivers[area]; i++) {
        a.add(caregiver("E" + area + "-" + i, "toronto-east", postal[area], true));
      }
    }
    a.add(client("C-x", "toronto-east", "not a postal code", true));
    // Visits per area and week: {scheduled, open, cancelled}.
    int[][][] visits = {{{120, 3, 2}, {118, 6, 0}}, {{64, 0, 1}, {70, 2, 3}}, {{9, 0, 0}, {8, 1, 0}}};
    LocalDateTime[] mondays = {LocalDateTime.parse("2026-11-16T09:00"), LocalDateTime.parse("2026-11-23T09:00")};
    int n = 0;
    for (int area = 0; area < 3; area++) {
      for (int week = 0; week < 2; week++) {
        int[] v = visits[area][week];
        for (int k = 0; k < v[0] + v[1] + v[2]; k++) {
          Instant start = mondays[week].plusHours(k % 10).plusDays(k % 7).atZone(TORONTO).toInstant();
          VisitStatus status = k < v[0] ? VisitStatus.SCHEDULED : k < v[0] + v[1] ? VisitStatus.OPEN
              : VisitStatus.CANCELLED;
          a.add(visit("V" + n++, "toronto-east", TORONTO, postal[area], start, Duration.ofMinutes(k % 3 == 0 ? 90 : 60),
              status, status == VisitStatus.OPEN ? null : "E-1"));
        }
      }
    }
    return a.snapshot(PrivacyPolicy.ofDefaults());
  }

  @Test
  void theDocumentedExampleIsWhatTheCodeProduces() throws IOException {
    String json = example().toPrettyJson();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "aggregate-snapshot-example.json"), json, StandardCharsets.UTF_8);
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8).replace("\r\n", "\n"))
        .as("docs/aggregate-snapshot-schema.md must hold target/aggregate-snapshot-example.json verbatim")
        .contains("```json\n" + json.replace("\r\n", "\n") + "\n```");
    assertThat(AggregateSnapshot.fromJson(json)).isEqualTo(example());
  }
}
