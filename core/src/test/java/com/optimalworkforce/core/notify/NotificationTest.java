package com.optimalworkforce.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NotificationTest {

  @Test
  void toStringLeavesOutRecipientAndText() {
    Notification n = Notification.builder(Channel.SMS, "+14165550100").subject("Unfilled shift")
        .text("Friday 2 PM shift unfilled - Sarah has 85% match").attribute(Notification.SEVERITY, "URGENT").build();
    assertThat(n.toString()).doesNotContain("+1416", "Sarah").contains("URGENT", "sms");
    assertThat(n.attribute(Notification.SEVERITY)).contains("URGENT");
    assertThat(n.id()).startsWith("sms-");
  }

  @Test
  void missingTextFailsAtBuild() {
    assertThatThrownBy(() -> Notification.builder(Channel.EMAIL, "a@b.example").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("text is required");
    assertThatThrownBy(() -> Notification.builder(Channel.EMAIL, " ").text("x").build())
        .hasMessageContaining("recipient is blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "SMS", "1sms", "sms_text", "a very long channel name that goes past forty chars"})
  void badChannelIdsAreRefusedWithTheValue(String id) {
    assertThatThrownBy(() -> Channel.of(id)).hasMessageContaining("'" + id + "'");
  }

  @Test
  void failuresNeedAReason() {
    assertThatThrownBy(() -> DeliveryResult.rejected(" ")).hasMessageContaining("needs a reason");
    assertThat(DeliveryResult.retryable("down", Duration.ofSeconds(3)).retryAfterHint()).contains(Duration.ofSeconds(3));
    assertThat(DeliveryResult.delivered("SM1").isDelivered()).isTrue();
    assertThat(DeliveryResult.rejected("bad number").isRetryable()).isFalse();
  }
}
