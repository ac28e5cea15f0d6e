package com.optimalworkforce.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.alerts.rules.UnfilledShiftRule;
import com.optimalworkforce.alerts.store.AlertRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WriteYourOwnNotifierTest {
  static WriteYourOwnNotifier.Result result;
  static String out;

  @BeforeAll
  static void runTheExample() throws InterruptedException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    result = WriteYourOwnNotifier.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    out = buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theEngineDeliversEveryRoutedAlertToTheRecipientsRoom() {
    assertThat(result.feed()).as(out).isNotEmpty()
        .allSatisfy(r -> assertThat(r.alert().ruleId()).isEqualTo(UnfilledShiftRule.ID))
        .allSatisfy(r -> assertThat(r.deliveryState()).isEqualTo(AlertRecord.DeliveryState.DELIVERED));
    assertThat(result.delivered()).hasSameSizeAs(result.feed()).allSatisfy(m -> {
      assertThat(m.room()).isEqualTo("scheduling-east");
      assertThat(m.severity()).isIn("INFO", "WARNING", "URGENT");
      assertThat(m.text()).contains("unfilled");
    });
    assertThat(result.feed()).extracting(r -> r.alert().message())
        .containsExactlyInAnyOrderElementsOf(result.delivered().stream().map(WriteYourOwnNotifier.ChatMessage::text).toList());
    assertThat(out).contains("The chat service received " + result.delivered().size() + " messages:")
        .contains("  #scheduling-east [");
  }

  @Test
  void theNotifierPassesTheKit() {
    assertThat(result.kit().getTestsFoundCount()).isEqualTo(9);
    assertThat(result.kit().getTotalFailureCount()).as(out).isZero();
    assertThat(result.kit().getTestsSkippedCount()).isZero();
    assertThat(out).contains("Kit: 9 tests, 9 passed, 0 failed, 0 skipped");
  }
}
