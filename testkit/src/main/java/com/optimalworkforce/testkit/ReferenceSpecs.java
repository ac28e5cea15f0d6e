package com.optimalworkforce.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the vendors' published specifications (kept outside this repository, in
 * {@code ../shared/reference/}) for tests that check request and response shapes against them.
 * Where the folder is absent, those checks are skipped with a message saying so; nothing else is.
 *
 * <pre>{@code
 * Path scheduler = ReferenceSpecs.requireFile("alayacare/scheduler.yml"); // skips the test if absent
 * }</pre>
 *
 * <p>Looked up, in order: the system property {@code optimalworkforce.reference.dir}, the
 * environment variable {@code OPTIMALWORKFORCE_REFERENCE_DIR}, then {@code shared/reference} beside
 * the working directory or any of its parents.
 */
public final class ReferenceSpecs {
  private ReferenceSpecs() {}

  /** The reference folder, if it can be found. */
  public static Optional<Path> directory() {
    String configured = System.getProperty("optimalworkforce.reference.dir");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("OPTIMALWORKFORCE_REFERENCE_DIR");
    }
    if (configured != null && !configured.isBlank()) {
      Path p = Paths.get(configured);
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("reference");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A file inside the reference folder, if present. */
  public static Optional<Path> file(String relative) {
    return directory().map(d -> d.resolve(relative)).filter(Files::isRegularFile);
  }

  /** The file, or skips the calling test with a message naming what is missing. */
  public static Path requireFile(String relative) {
    Optional<Path> f = file(relative);
    Assumptions.assumeTrue(f.isPresent(), () -> "Skipped: reference specification '" + relative
        + "' not found (looked for shared/reference beside the working directory and its parents; set"
        + " -Doptimalworkforce.reference.dir to point at it). Only this specification check is skipped.");
    return f.orElseThrow();
  }
}
