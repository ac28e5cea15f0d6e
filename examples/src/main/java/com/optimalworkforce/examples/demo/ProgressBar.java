package com.optimalworkforce.examples.demo;

import com.optimalworkforce.core.sync.SyncProgress;
import com.optimalworkforce.core.sync.SyncProgressListener;
import java.io.PrintStream;
import java.util.Objects;

/**
 * A console progress bar for a sync: {@code [#########.....]  62% 1,240 records}. On a terminal it
 * redraws one line with {@code \r}; otherwise (a file, a test) it prints a line each time the bar
 * gains a tenth, so logs stay readable.
 *
 * <pre>{@code
 * ProgressBar bar = ProgressBar.on(System.out, System.console() != null);
 * SyncReport report = integration.complete(bar);
 * bar.finish(report.completed());
 * }</pre>
 *
 * <p>A sync reads one stream (record type and region) after another and knows each stream's total
 * only while reading it, so the overall share is (streams done + share of the current one) /
 * streams.
 */
public final class ProgressBar implements SyncProgressListener {
  static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private int lastTenth = -1;
  private int lastPercent = -1;
  private long records;
  private boolean open;

  private ProgressBar(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  public static ProgressBar on(PrintStream out, boolean terminal) {
    return new ProgressBar(Objects.requireNonNull(out, "out"), terminal);
  }

  @Override
  public synchronized void onProgress(SyncProgress p) {
    double streamShare = p.percent().orElse(0) / 100.0;
    double overall = p.streamCount() == 0 ? 1.0 : (p.streamIndex() + streamShare) / p.streamCount();
    records = p.records();
    draw((int) Math.floor(100 * Math.min(1.0, overall)));
  }

  /** Draws the final state: 100% when the sync completed, and ends the line. */
  public synchronized void finish(boolean completed) {
    if (completed) {
      draw(100);
    }
    if (open) {
      out.println();
      open = false;
    }
  }

  /** The highest percentage drawn so far. */
  public synchronized int percentShown() {
    return lastPercent;
  }

  private void draw(int percent) {
    percent = Math.max(percent, Math.max(lastPercent, 0));
    if (terminal) {
      out.print("\r" + line(percent));
      out.flush();
      open = true;
    } else if (percent / 10 > lastTenth || (percent == 100 && lastPercent < 100)) {
      out.println(line(percent));
      lastTenth = percent / 10;
    }
    lastPercent = percent;
  }

  String line(int percent) {
    int filled = percent * WIDTH / 100;
    return "  [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent) + " "
        + String.format("%,d", records) + " records";
  }
}
