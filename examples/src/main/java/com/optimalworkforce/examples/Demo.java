package com.optimalworkforce.examples;

import com.optimalworkforce.examples.demo.DemoResult;
import com.optimalworkforce.examples.demo.DemoRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The demo README's first command runs: a synthetic agency served by the AlayaCare and WellSky
 * simulators on loopback, the setup wizard over HTTP (a wrong key, the right one, regions, preview,
 * the initial sync with a progress bar, an incremental sync), the aggregate that leaves the agency,
 * the alerts schedulers receive with a backup ranking, the audit chain, and {@code report.html}.
 *
 * <pre>{@code
 * mvn -B -q -Pdemo -DskipTests -pl examples -am package
 * # or, once packaged: java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 * #   com.optimalworkforce.examples.Demo [output-directory]
 * }</pre>
 *
 * <p>The report goes to the directory given as the first argument, else to the system property
 * {@code demo.out} (the Maven profile sets {@code examples/target/demo}), else to
 * {@code target/demo} under the working directory.
 */
public final class Demo {
  /** System property naming the output directory. */
  public static final String OUT_PROPERTY = "demo.out";

  private Demo() {}

  public static void main(String[] args) {
    Path outDir = Path.of(args.length > 0 ? args[0] : System.getProperty(OUT_PROPERTY, "target/demo"));
    try {
      run(System.out, outDir, System.console() != null);
    } catch (RuntimeException e) {
      System.err.println("The demo stopped: " + e.getMessage());
      System.err.println("Run it again with -Dorg.slf4j.simpleLogger.defaultLogLevel=debug for details.");
      System.exit(1);
    }
  }

  /** Runs the demo, printing to {@code out} (not a terminal) and writing the report into {@code outDir}. */
  public static DemoResult run(PrintStream out, Path outDir) {
    return run(out, outDir, false);
  }

  static DemoResult run(PrintStream out, Path outDir, boolean terminal) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(outDir, "outDir");
    return DemoRun.create(out, outDir, terminal).run();
  }
}
