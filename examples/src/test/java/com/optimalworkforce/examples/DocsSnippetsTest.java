package com.optimalworkforce.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code in the guides is taken from compiled sources. Every {@code ```java} block in
 * {@code docs/*.md} and {@code README.md} must be preceded by
 * {@code <!-- snippet: path/to/File.java#tag -->} and equal the region between
 * {@code // tag::tag[]} and {@code // end::tag[]} in that file. Run with
 * {@code -Ddocs.update=true} to rewrite the marked blocks from the sources.
 */
class DocsSnippetsTest {
  private static final Pattern MARKER = Pattern.compile(
      "<!-- snippet: (?<path>[^#\\s]+)#(?<tag>[\\w-]+) -->\\R```(?<lang>\\w*)\\R(?<body>.*?)```", Pattern.DOTALL);
  /** The opening fence of a Java block, at the start of a line. */
  private static final Pattern JAVA_FENCE = Pattern.compile("(?m)^```java\\s*$");
  private static final Pattern EXAMPLE_RUN = Pattern.compile("examples/run (\\w+)");
  private static final Pattern BENCHMARK_RUN = Pattern.compile("benchmarks/run '?(\\w+)");

  static Path root() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>optimal-workforce-parent</artifactId>")
          && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("repository root not found from " + Paths.get("").toAbsolutePath());
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String region(Path file, String tag) {
    List<String> lines = List.of(read(file).split("\\R", -1));
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.equals("// tag::" + tag + "[]")) {
        start = i + 1;
      } else if (t.equals("// end::" + tag + "[]") && start >= 0) {
        end = i;
        break;
      }
    }
    if (start < 0 || end < 0) {
      fail("tag '%s' not found in %s (expected // tag::%s[] ... // end::%s[])", tag, file, tag, tag);
    }
    List<String> body = lines.subList(start, end);
    int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min()
        .orElse(0);
    StringBuilder out = new StringBuilder();
    for (String l : body) {
      out.append(l.isBlank() ? "" : l.substring(indent).stripTrailing()).append('\n');
    }
    return out.toString();
  }

  @Test
  void everySnippetInTheGuidesMatchesItsCompiledSource() throws IOException {
    Path root = root();
    boolean update = Boolean.getBoolean("docs.update");
    List<Path> pages = pages(root);
    int checked = 0;
    List<String> stale = new ArrayList<>();
    for (Path page : pages) {
      String text = read(page);
      Matcher m = MARKER.matcher(text);
      StringBuilder rewritten = new StringBuilder();
      while (m.find()) {
        Path source = root.resolve(m.group("path"));
        assertThat(source).as("snippet source named in %s", root.relativize(page)).isRegularFile();
        String expected = region(source, m.group("tag"));
        checked++;
        if (!expected.equals(m.group("body"))) {
          stale.add(root.relativize(page) + " <- " + m.group("path") + "#" + m.group("tag"));
        }
        m.appendReplacement(rewritten, Matcher.quoteReplacement("<!-- snippet: " + m.group("path") + "#"
            + m.group("tag") + " -->\n```" + m.group("lang") + "\n" + expected + "```"));
      }
      m.appendTail(rewritten);
      if (update && !rewritten.toString().equals(text)) {
        Files.writeString(page, rewritten.toString(), StandardCharsets.UTF_8);
      }
    }
    assertThat(checked).as("snippets found in the guides").isPositive();
    if (!update) {
      assertThat(stale).as("guide snippets that differ from their sources (run: mvn -pl examples -am test "
          + "-Dtest=DocsSnippetsTest -Ddocs.update=true -Dsurefire.failIfNoSpecifiedTests=false)").isEmpty();
    }
  }

  static List<Path> pages(Path root) throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The Java blocks of a page that no snippet marker names, as "page:line". */
  static List<String> unmarkedJavaBlocks(String page, String text) {
    List<Integer> marked = new ArrayList<>();
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      marked.add(m.start("lang") - 3);
    }
    List<String> unmarked = new ArrayList<>();
    Matcher fence = JAVA_FENCE.matcher(text);
    while (fence.find()) {
      if (!marked.contains(fence.start())) {
        unmarked.add(page + ":" + (text.substring(0, fence.start()).split("\\R", -1).length));
      }
    }
    return unmarked;
  }

  @Test
  void everyJavaBlockInTheGuidesComesFromCompiledSource() throws IOException {
    Path root = root();
    List<String> unmarked = new ArrayList<>();
    for (Path page : pages(root)) {
      unmarked.addAll(unmarkedJavaBlocks(root.relativize(page).toString(), read(page)));
    }
    assertThat(unmarked).as("```java blocks without a <!-- snippet: path#tag --> marker: take them from a compiled"
        + " example or test (// tag::name[] ... // end::name[])").isEmpty();
  }

  @Test
  void theCheckSeesAnUnmarkedJavaBlock() {
    String page = "Intro\n\n<!-- snippet: a/B.java#t -->\n```java\nint a;\n```\n\nMore\n\n```java\nint b;\n```\n"
        + "```bash\nls\n```\n";
    assertThat(unmarkedJavaBlocks("page.md", page)).containsExactly("page.md:10");
  }

  @Test
  void everyExampleTheGuidesTellYouToRunExists() throws IOException {
    Path root = root();
    List<String> named = new ArrayList<>();
    for (Path page : pages(root)) {
      Matcher m = EXAMPLE_RUN.matcher(read(page));
      while (m.find()) {
        named.add(m.group(1));
      }
    }
    assertThat(named).as("examples/run commands in the guides").contains("EmbedConnectorAndSync", "MatchScoreApi",
        "WriteYourOwnConnector", "WriteYourOwnNotifier");
    for (String name : named) {
      Path source = root.resolve("examples/src/main/java/com/optimalworkforce/examples/" + name + ".java");
      assertThat(source).as("examples/run %s", name).isRegularFile();
      assertThat(read(source)).as("%s has a main()", name).contains("public static void main(String[] args)");
    }
  }

  @Test
  void everyBenchmarkTheGuidesTellYouToRunExists() throws IOException {
    Path root = root();
    assertThat(root.resolve("benchmarks/run")).isExecutable();
    List<String> named = new ArrayList<>();
    for (Path page : pages(root)) {
      Matcher m = BENCHMARK_RUN.matcher(read(page));
      while (m.find()) {
        named.add(m.group(1));
      }
    }
    assertThat(named).as("benchmarks/run commands in the guides").contains("SyncBenchmark", "MatchScorerBenchmark");
    for (String name : named) {
      assertThat(root.resolve("benchmarks/src/main/java/com/optimalworkforce/benchmarks/" + name + ".java"))
          .as("benchmarks/run %s", name).isRegularFile();
    }
  }
}
