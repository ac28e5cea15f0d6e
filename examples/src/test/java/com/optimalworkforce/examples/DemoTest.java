package com.optimalworkforce.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void demoRunsEndToEndAndPrintsEachSection() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Demo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("With a wrong key:  Invalid credentials: the API key was rejected");
    assertThat(out).contains("With the right key: Connected");
    assertThat(out).contains("toronto-east  Toronto East (America/Toronto)");
    assertThat(out).containsPattern("page \\d+: \\d+ visits read of \\d+ \\(100%\\)");
    assertThat(out).containsPattern("toronto-east\\s+\\d{3,}\\s+\\d+");
  }
}
