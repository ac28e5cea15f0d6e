package com.optimalworkforce.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.sync.SyncProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  /** Stream {@code index} of 4, {@code read} of its 100 records, after {@code total} records in the run. */
  static SyncProgress progress(int index, long read, long total) {
    return new SyncProgress("demo", 1, "101", EntityType.VISIT, index, 4, 1, total, read, 100L, null);
  }

  @Test
  void onATerminalRedrawsOneLineAndEndsItAt100Percent() {
    ProgressBar bar = ProgressBar.on(out, true);
    bar.onProgress(progress(0, 50, 50));
    bar.onProgress(progress(2, 50, 250));
    bar.finish(true);
    String text = buffer.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\r  [###...").contains("  12% 50 records").contains("  62% 250 records")
        .endsWith("\r  [" + "#".repeat(30) + "] 100% 250 records" + System.lineSeparator());
    assertThat(text.chars().filter(ch -> ch == '\n').count()).as("line ends").isEqualTo(1);
    assertThat(bar.percentShown()).isEqualTo(100);
  }

  @Test
  void elsewherePrintsALineEachTenthAndNeverGoesBack() {
    ProgressBar bar = ProgressBar.on(out, false);
    for (int stream = 0; stream < 4; stream++) {
      for (int read = 10; read <= 100; read += 10) {
        bar.onProgress(progress(stream, read, stream * 100L + read));
      }
    }
    bar.onProgress(progress(1, 10, 410)); // a resumed stream reports less: the bar stays
    bar.finish(true);
    assertThat(buffer.toString(StandardCharsets.UTF_8).lines()).hasSize(11).last().asString()
        .isEqualTo("  [" + "#".repeat(30) + "] 100% 400 records");
    assertThat(bar.percentShown()).isEqualTo(100);
  }

  @Test
  void anUnfinishedSyncDoesNotClaim100Percent() {
    ProgressBar bar = ProgressBar.on(out, false);
    bar.onProgress(progress(1, 40, 140));
    bar.finish(false);
    assertThat(bar.percentShown()).isEqualTo(35);
    assertThat(buffer.toString(StandardCharsets.UTF_8)).doesNotContain("100%");
  }
}
