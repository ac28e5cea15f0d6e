package com.optimalworkforce.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fge.jackson.JsonLoader;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real snapshots validate against the JSON Schema published in docs/aggregate-snapshot-schema.md.
 * The validator (java-json-tools, draft-04) comes with the testkit's Swagger request validator.
 */
class SnapshotJsonSchemaTest {
  static final String MARKER = "<!-- aggregate-snapshot-schema-v1 -->\n```json\n";
  static JsonSchema schema;
  static AggregateCounts counts;

  @BeforeAll
  static void load() throws IOException, ProcessingException {
    String doc = Files.readString(Path.of("..", "docs", "aggregate-snapshot-schema.md"), StandardCharsets.UTF_8)
        .replace("\r\n", "\n");
    int start = doc.indexOf(MARKER);
    assertThat(start).as("schema block in the doc").isNotNegative();
    String block = doc.substring(start + MARKER.length(), doc.indexOf("\n```", start + MARKER.length()));
    schema = JsonSchemaFactory.byDefault().getJsonSchema(JsonLoader.fromString(block));
    SyntheticAgency agency = SyntheticAgency.builder().seed(8).regions(4).usRegions(2).clients(400).caregivers(120)
        .weeksOfHistory(2).weeksAhead(1).build();
    Aggregator aggregator = Aggregator.create();
    aggregator.addAll(agency.clients());
    aggregator.addAll(agency.caregivers());
    aggregator.addAll(agency.visits());
    counts = aggregator.counts();
  }

  @Test
  void snapshotsValidateAgainstThePublishedSchema() throws Exception {
    assertValid(counts.publish(PrivacyPolicy.ofDefaults(), SyntheticAgency.DEFAULT_NOW).toJson());
    PrivacyPolicy rounded = PrivacyPolicy.builder().randomRounding(5).roundingKey(Secret.of("schema-test-rounding-key"))
        .suppressionThreshold(20).build();
    assertValid(counts.publish(rounded, SyntheticAgency.DEFAULT_NOW).toPrettyJson());
  }

  @Test
  void theSchemaRejectsAFullPostalCodeOrAStrayProperty() throws Exception {
    String json = counts.publish(PrivacyPolicy.ofDefaults(), SyntheticAgency.DEFAULT_NOW).toJson();
    assertThat(json).contains("\"M4A\":");
    assertThat(report(json.replaceFirst("\"M4A\":", "\"M4A 1B2\":")).isSuccess()).isFalse();
    assertThat(report(json.replaceFirst("\"regionId\":", "\"clientName\":\"Ruth\",\"regionId\":")).isSuccess())
        .isFalse();
    assertThat(report(json.replaceFirst("\"visits\":(\\d+|null)", "\"visits\":-1")).isSuccess()).isFalse();
  }

  private static void assertValid(String json) throws Exception {
    ProcessingReport report = report(json);
    assertThat(report.isSuccess()).as("%s", report).isTrue();
  }

  private static ProcessingReport report(String json) throws IOException, ProcessingException {
    JsonNode node = JsonLoader.fromString(json);
    return schema.validate(node);
  }
}
