package com.optimalworkforce.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.optimalworkforce.alerts.engine.AlertEngine;
import com.optimalworkforce.alerts.routing.AlertRouting;
import com.optimalworkforce.alerts.routing.Recipient;
import com.optimalworkforce.alerts.routing.Route;
import com.optimalworkforce.alerts.rules.MatchScorerBackups;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.alerts.rules.UnfilledShiftRule;
import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.scoring.MatchScorer;
import com.optimalworkforce.alerts.store.AlertQuery;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.examples.notifier.ChatWebhookNotifier;
import com.optimalworkforce.testkit.NotifierCompatibilityKit;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Write your own notifier: {@link ChatWebhookNotifier} delivers alerts to a chat service's webhook
 * (played here by a WireMock server on loopback). This {@code main()} registers it with an
 * {@link AlertEngine}, routes one region's alerts to a recipient's chat room, lets the
 * unfilled-shift rule raise alerts, prints what the chat service received, then runs
 * {@link NotifierCompatibilityKit} on the notifier with the JUnit Platform launcher. In your own
 * project the kit runs as an ordinary test class:
 * {@code class ChatWebhookNotifierTest extends NotifierCompatibilityKit}.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -pl examples -am package
 * examples/run WriteYourOwnNotifier
 * }</pre>
 */
public final class WriteYourOwnNotifier {
  private WriteYourOwnNotifier() {}

  static final Secret TOKEN = Secret.of("chat-token-7c1e9a4d");
  static final String MESSAGES = "/api/messages";
  static final String DOWN = "/down/messages";
  static final ObjectMapper JSON = new ObjectMapper();

  /** A message as the chat service received it. */
  public record ChatMessage(String room, String severity, String title, String text) {}

  /** What the run did, for its test. */
  public record Result(List<ChatMessage> delivered, List<AlertRecord> feed, TestExecutionSummary kit) {}

  /** The chat service's behaviour: 201 for the right token, 401 for another, 503 while "down". */
  static void stubChatService(Stubbing chat) {
    chat.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(2)
        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid token\"}")));
    chat.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
        .withHeader("Authorization", equalTo("Bearer " + TOKEN.reveal()))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"msg-{{request.headers.Idempotency-Key}}\"}").withTransformers("response-template")));
    chat.stubFor(post(urlPathEqualTo(DOWN)).willReturn(aResponse().withStatus(503).withBody("maintenance")));
  }

  /** The messages the chat service accepted. */
  static List<ChatMessage> accepted(Stubbing chat) {
    List<ChatMessage> out = new ArrayList<>();
    for (ServeEvent e : chat.getAllServeEvents()) {
      if (e.getRequest().getUrl().equals(MESSAGES) && e.getResponse().getStatus() == 201) {
        try {
          JsonNode body = JSON.readTree(e.getRequest().getBodyAsString());
          out.add(new ChatMessage(body.path("room").asText(), body.path("severity").asText(),
              body.path("title").asText(), body.path("text").asText()));
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      }
    }
    return out;
  }

  // tag::kit[]
  /** The whole notifier test: a working service, a recipient, what it received, an outage, a bad token. */
  public static class ChatWebhookNotifierCompatibilityTest extends NotifierCompatibilityKit {
    @RegisterExtension
    static final WireMockExtension CHAT = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @BeforeEach
    void stubs() {
      stubChatService(CHAT);
    }

    @Override
    protected Notifier newNotifier() {
      return ChatWebhookNotifier.create(URI.create(CHAT.baseUrl() + MESSAGES), TOKEN, Duration.ofSeconds(5));
    }

    @Override
    protected String recipient() {
      return "scheduling-east";
    }

    @Override
    protected List<Received> received() {
      return accepted(CHAT).stream().map(m -> new Received(m.room(), m.text())).toList();
    }

    @Override
    protected Notifier newNotifierForUnavailableService() {
      return ChatWebhookNotifier.create(URI.create(CHAT.baseUrl() + DOWN), TOKEN, Duration.ofSeconds(5));
    }

    @Override
    protected Optional<Notifier> newNotifierWithRejectedCredentials() {
      return Optional.of(ChatWebhookNotifier.create(URI.create(CHAT.baseUrl() + MESSAGES), Secret.of("revoked-token"),
          Duration.ofSeconds(5)));
    }

    @Override
    protected Set<Secret> secrets() {
      return Set.of(TOKEN);
    }
  }
  // end::kit[]

  public static void main(String[] args) throws InterruptedException {
    Result result = run(System.out);
    System.exit(result.kit().getTotalFailureCount() == 0 ? 0 : 1);
  }

  /** Runs the example, printing to {@code out}. */
  public static Result run(PrintStream out) throws InterruptedException {
    SyntheticAgency agency = SyntheticAgency.small();
    String region = agency.regions().get(0).id();
    ScheduleIndex index = ScheduleIndex.create(agency.clock());
    MatchHistory history = MatchHistory.create();
    for (EntityType type : EntityType.values()) {
      List<com.optimalworkforce.core.model.SourceRecord> records = agency.records(type).toList();
      index.putAll(records);   // in a host: both are ChangeListeners of the sync
      history.loadAll(records);
    }
    WireMockServer chatService = new WireMockServer(wireMockConfig().dynamicPort());
    chatService.start();
    List<ChatMessage> delivered;
    List<AlertRecord> feed;
    try {
      stubChatService(chatService);
      // tag::register[]
      Recipient eastDesk = Recipient.builder("east-desk")
          .address(ChatWebhookNotifier.CHANNEL, "scheduling-east")   // the room, on the new channel
          .build();
      AlertRouting routing = AlertRouting.builder()
          .route(Route.builder().region(region).to(eastDesk)
              .channels(Severity.URGENT, ChatWebhookNotifier.CHANNEL)
              .channels(Severity.WARNING, ChatWebhookNotifier.CHANNEL)
              .channels(Severity.INFO, ChatWebhookNotifier.CHANNEL)
              .build())
          .build();
      try (Notifier chat = ChatWebhookNotifier.create(URI.create(chatService.baseUrl() + MESSAGES), TOKEN,
              Duration.ofSeconds(10));
          AlertEngine engine = AlertEngine.builder(index, agency.clock())
              .rule(UnfilledShiftRule.builder().horizon(Duration.ofHours(8))
                  .backups(MatchScorerBackups.of(MatchScorer.create(history, agency.clock()))).build())
              .routing(routing)
              .notifier(chat)
              .build()) {
        engine.evaluate();
        engine.awaitDeliveries(Duration.ofSeconds(30));
        feed = engine.feed(AlertQuery.builder().region(region).build());
      }
      // end::register[]
      delivered = accepted(chatService);
    } finally {
      chatService.stop();
    }
    out.println("The chat service received " + delivered.size() + " messages:");
    for (ChatMessage m : delivered) {
      out.println("  #" + m.room() + " [" + m.severity() + "] " + m.title() + ": " + m.text());
    }
    out.println("Alert feed of " + region + ":");
    for (AlertRecord r : feed) {
      out.println("  " + r.alert().severity() + " " + r.alert().ruleId() + " -> " + r.deliveryState());
    }

    out.println("Running the notifier compatibility kit on ChatWebhookNotifier ...");
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(ChatWebhookNotifierCompatibilityTest.class)).build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    out.printf("Kit: %d tests, %d passed, %d failed, %d skipped%n", summary.getTestsFoundCount(),
        summary.getTestsSucceededCount(), summary.getTotalFailureCount(), summary.getTestsSkippedCount());
    summary.printFailuresTo(new PrintWriter(out, true), 5);
    return new Result(delivered, feed, summary);
  }
}
