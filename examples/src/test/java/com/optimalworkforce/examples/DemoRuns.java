package com.optimalworkforce.examples;

import com.optimalworkforce.examples.demo.DemoResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One end-to-end demo run shared by the test classes of this JVM (it takes a few seconds). */
final class DemoRuns {
  private static DemoRuns once;

  final String output;
  final DemoResult result;
  final Path outDir;

  private DemoRuns(String output, DemoResult result, Path outDir) {
    this.output = output;
    this.result = result;
    this.outDir = outDir;
  }

  static synchronized DemoRuns once() {
    if (once == null) {
      try {
        Path outDir = Files.createTempDirectory("demo-test-");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DemoResult result = Demo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), outDir);
        once = new DemoRuns(buffer.toString(StandardCharsets.UTF_8), result, outDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return once;
  }

  /** The output's sections by heading ("1. Simulators" to its text), in order. */
  Map<String, String> sections() {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^== (.+) ==$").matcher(output);
    String title = null;
    int start = 0;
    while (m.find()) {
      if (title != null) {
        out.put(title, output.substring(start, m.start()));
      }
      title = m.group(1);
      start = m.end();
    }
    if (title != null) {
      out.put(title, output.substring(start));
    }
    return out;
  }
}
