package com.optimalworkforce.alerts.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.optimalworkforce.alerts.rules.Alert;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.alerts.rules.Subject;
import com.optimalworkforce.core.notify.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AlertRoutingTest {
  static final Recipient EAST = Recipient.builder("east-schedulers").sms("+14165550100")
      .email("east@agency.example").slack("east").build();
  static final Recipient WEST = Recipient.builder("west-schedulers").sms("+16045550100")
      .email("west@agency.example").build();
  static final Recipient MANAGER = Recipient.builder("on-call-manager").sms("+14165550111").build();

  private static Alert alert(String region, String rule, Severity severity) {
    return Alert.builder(rule, Subject.shift("V1")).region(region).severity(severity).message("m").build();
  }

  @ParameterizedTest
  @CsvSource({
      "URGENT, sms, +14165550100",
      "WARNING, email|dashboard, east@agency.example|east-schedulers",
      "INFO, email|dashboard, east@agency.example|east-schedulers",
  })
  void byDefaultUrgentGoesBySmsAndTheRestByEmailAndToTheDashboard(Severity severity, String channels,
      String addresses) {
    AlertRouting routing = AlertRouting.builder().route(Route.builder().to(EAST).build()).build();
    assertThat(routing.targets(alert("toronto-east", "unfilled-shift", severity)))
        .extracting(t -> t.channel().id(), Target::address)
        .containsExactlyInAnyOrder(zip(channels.split("\\|"), addresses.split("\\|")));
  }

  private static org.assertj.core.groups.Tuple[] zip(String[] a, String[] b) {
    org.assertj.core.groups.Tuple[] out = new org.assertj.core.groups.Tuple[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = tuple(a[i], b[i]);
    }
    return out;
  }

  @Test
  void anAlertWithoutARegionGoesToTheRoutesForAllRegionsAndThoseThatAskForIt() {
    Alert unplaced = alert(Alert.NO_REGION, "call-out-pattern", Severity.INFO);
    AlertRouting regional = AlertRouting.builder()
        .route(Route.builder().region("toronto-east").to(EAST).build())
        .route(Route.builder().region("vancouver").to(WEST).build())
        .build();
    assertThat(regional.targets(unplaced)).isEmpty();
    AlertRouting withAllRegions = AlertRouting.builder()
        .route(Route.builder().region("toronto-east").to(EAST).build())
        .route(Route.builder().to(WEST).build())
        .build();
    assertThat(withAllRegions.targets(unplaced)).extracting(t -> t.recipient().id()).containsOnly("west-schedulers");
    AlertRouting askingForIt = AlertRouting.builder()
        .route(Route.builder().region("toronto-east").region(Alert.NO_REGION).to(EAST).build())
        .build();
    assertThat(askingForIt.targets(unplaced)).extracting(t -> t.recipient().id()).containsOnly("east-schedulers");
    assertThat(askingForIt.targets(alert("vancouver", "call-out-pattern", Severity.INFO))).isEmpty();
  }

  @Test
  void aBlankRegionIsRefusedAndNoRegionMustBeSaid() {
    assertThatThrownBy(() -> Alert.builder("r", Subject.shift("V1")).region(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region ' ' is blank; use Alert.NO_REGION");
    assertThatThrownBy(() -> Alert.builder("r", Subject.shift("V1")).message("m").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("region is required (Alert.NO_REGION");
  }

  @Test
  void routesByRegionRuleAndMinimumSeverity() {
    AlertRouting routing = AlertRouting.builder()
        .route(Route.builder().region("toronto-east").to(EAST).build())
        .route(Route.builder().region("vancouver").to(WEST).build())
        .route(Route.builder().minSeverity(Severity.URGENT).to(MANAGER).build())
        .route(Route.builder().rule("capacity").to(MANAGER).channels(Severity.INFO, Channel.SMS)
            .channels(Severity.WARNING, Channel.SMS).build())
        .build();
    assertThat(routing.targets(alert("vancouver", "unfilled-shift", Severity.WARNING)))
        .extracting(t -> t.recipient().id()).containsOnly("west-schedulers");
    assertThat(routing.targets(alert("toronto-east", "unfilled-shift", Severity.URGENT)))
        .extracting(t -> t.recipient().id(), t -> t.channel())
        .containsExactly(tuple("east-schedulers", Channel.SMS), tuple("on-call-manager", Channel.SMS));
    assertThat(routing.targets(alert("ottawa", "unfilled-shift", Severity.WARNING))).isEmpty();
    // The manager hears about capacity at every severity, by SMS as that route says.
    assertThat(routing.targets(alert("ottawa", "capacity", Severity.INFO)))
        .extracting(t -> t.recipient().id(), t -> t.channel()).containsExactly(tuple("on-call-manager", Channel.SMS));
    assertThat(routing.channelsInUse()).containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL, Channel.DASHBOARD);
  }

  @Test
  void channelsAreConfigurablePerSeverityAndPerRoute() {
    AlertRouting routing = AlertRouting.builder()
        .channels(Severity.WARNING, Channel.SLACK, Channel.DASHBOARD)
        .channels(Severity.URGENT, Channel.SMS, Channel.SLACK)
        .route(Route.builder().region("toronto-east").to(EAST).build())
        .route(Route.builder().region("toronto-east").to(EAST).channels(Severity.INFO, Channel.SLACK, Channel.EMAIL)
            .build())
        .build();
    assertThat(routing.defaultChannels(Severity.WARNING)).containsExactlyInAnyOrder(Channel.SLACK, Channel.DASHBOARD);
    assertThat(routing.targets(alert("toronto-east", "unfilled-shift", Severity.WARNING)))
        .extracting(Target::channel).containsExactlyInAnyOrder(Channel.SLACK, Channel.DASHBOARD);
    assertThat(routing.targets(alert("toronto-east", "unfilled-shift", Severity.URGENT)))
        .extracting(Target::channel, Target::address)
        .containsExactlyInAnyOrder(tuple(Channel.SMS, "+14165550100"), tuple(Channel.SLACK, "east"));
    // INFO: the first route sends by email and to the dashboard (the default), the second by Slack and email;
    // each recipient and channel once.
    assertThat(routing.targets(alert("toronto-east", "unfilled-shift", Severity.INFO))).extracting(Target::channel)
        .containsExactlyInAnyOrder(Channel.EMAIL, Channel.DASHBOARD, Channel.SLACK);
  }

  @Test
  void aRecipientWithoutAnAddressOnARoutedChannelFailsAtBuildTime() {
    assertThatThrownBy(() -> AlertRouting.builder().route(Route.builder().to(WEST).build())
        .channels(Severity.WARNING, Channel.SLACK).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("recipient 'west-schedulers' has no slack address")
        .hasMessageContaining("route 1 sends WARNING alerts by slack");
    assertThatThrownBy(() -> Recipient.builder("x").sms("416-555-0100"))
        .hasMessageContaining("SMS number '416-555-0100' is not in E.164 form");
    assertThatThrownBy(() -> Route.builder().build()).hasMessageContaining("no recipients");
  }

  @Test
  void routingNothingStoresAlertsOnly() {
    assertThat(AlertRouting.none().targets(alert("toronto-east", "capacity", Severity.URGENT))).isEmpty();
    assertThat(AlertRouting.none().channelsInUse()).isEmpty();
  }
}
