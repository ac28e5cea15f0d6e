package com.optimalworkforce.testkit;

import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.security.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/**
 * A secret-leak scan for tests: pass canary secrets (distinctive fake credentials) through the code
 * under test, hand the scan every object a person or a log could see, and it fails if a canary
 * shows up in a {@code toString()}, an exception's whole stack trace (every cause and suppressed
 * exception), or the log output captured while it ran.
 *
 * <pre>{@code
 * try (CanaryScan scan = CanaryScan.start("CANARY-7f3e21-private-key")) {
 *   ConnectionCheck check = connector.testConnection();
 *   scan.seen(config, connector, check);
 *   scan.thrown(() -> connector.read(request));     // must throw; its trace is scanned
 *   scan.assertNoCanary("connection test against"); // a log line that must have been captured
 * }
 * }</pre>
 *
 * <p>A canary counts as leaked in any of these forms: as is; URL-encoded; Base64 (standard or
 * URL-safe, at any byte alignment, so also inside an encoded {@code user:password} pair); or any
 * run of {@value #FRAGMENT} or more of its characters (a secret cut short by a length limit is still
 * a leak). Pick canaries of at least {@value #FRAGMENT} characters that appear nowhere else.
 *
 * <p>Logs are captured from {@code System.err} (and {@code System.out}, where a library's debug
 * switch prints) while the scan is open, which works with slf4j-simple
 * configured, in the module's {@code src/test/resources/simplelogger.properties}, to write to
 * {@code System.err} looked up at every write and to log the SDK at TRACE:
 *
 * <pre>
 * org.slf4j.simpleLogger.log.com.optimalworkforce=trace
 * org.slf4j.simpleLogger.logFile=System.err
 * org.slf4j.simpleLogger.cacheOutputStream=false
 * </pre>
 *
 * <p>{@link #assertNoCanary(String...)} takes log texts that must have been captured, so a scan
 * whose capture is not wired up fails instead of passing on empty logs. Not thread-safe to open two
 * scans at once: {@code System.err} and {@code System.out} are global.
 */
public final class CanaryScan implements AutoCloseable {
  /** The shortest run of a canary's characters that counts as a leak. */
  public static final int FRAGMENT = 12;

  private final List<String> canaries;
  private final List<String> texts = new ArrayList<>();
  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  private final PrintStream originalErr;
  private final PrintStream originalOut;
  private boolean closed;

  private CanaryScan(List<String> canaries) {
    this.canaries = canaries;
    this.originalErr = System.err;
    this.originalOut = System.out;
    System.setErr(new PrintStream(new Tee(originalErr, logs), true, StandardCharsets.UTF_8));
    // Standard output too: a library's debug switch (Jakarta Mail's, say) prints there.
    System.setOut(new PrintStream(new Tee(originalOut, logs), true, StandardCharsets.UTF_8));
  }

  /**
   * Starts capturing {@code System.err} and {@code System.out} and scanning for these canaries.
   *
   * @throws IllegalArgumentException when a canary is shorter than {@value #FRAGMENT} characters
   */
  public static CanaryScan start(String... canaries) {
    Objects.requireNonNull(canaries, "canaries");
    if (canaries.length == 0) {
      throw new IllegalArgumentException("at least one canary is required");
    }
    for (String c : canaries) {
      Objects.requireNonNull(c, "canary");
      if (c.length() < FRAGMENT) {
        throw new IllegalArgumentException("a canary must have at least " + FRAGMENT + " characters to be told apart"
            + " from ordinary text but was '" + c + "'");
      }
    }
    return new CanaryScan(List.copyOf(Arrays.asList(canaries)));
  }

  /**
   * Records what these objects show: a {@link Throwable}'s full stack trace (causes and suppressed
   * exceptions included), anything else's {@code String.valueOf}.
   */
  public void seen(Object... objects) {
    Objects.requireNonNull(objects, "objects");
    for (Object o : objects) {
      texts.add(shown(o));
    }
  }

  /**
   * Runs {@code code}, which must throw, and records the failure as {@link #seen(Object...)} does.
   *
   * @return what it threw
   * @throws AssertionError when it throws nothing
   */
  public Throwable thrown(Executable code) {
    Objects.requireNonNull(code, "code");
    try {
      code.execute();
    } catch (Error e) {
      throw e; // an assertion inside, or the JVM failing: not the failure under test
    } catch (Throwable t) {
      seen(t);
      return t;
    }
    throw new AssertionError("expected a failure, but the code ran without one");
  }

  /**
   * Records a failed connection check whose message quotes what the server said with the echoed
   * secret masked ({@link Redactor#MASK}): a server that echoes credentials back must still be
   * quoted, not silenced.
   *
   * @return the check
   * @throws AssertionError when the check passed or its message shows no mask
   */
  public ConnectionCheck failedQuotingMasked(ConnectionCheck check) {
    Objects.requireNonNull(check, "check");
    seen(check);
    if (check.ok()) {
      throw new AssertionError("expected a failed connection check, but it passed: " + check.message());
    }
    requireMask("the connection check's message", check.message());
    return check;
  }

  /**
   * Runs {@code code}, which must throw a failure whose message quotes what the server said with the
   * echoed secret masked ({@link Redactor#MASK}), and records it as {@link #thrown(Executable)} does.
   *
   * @return what it threw
   * @throws AssertionError when it throws nothing or the message shows no mask
   */
  public Throwable thrownQuotingMasked(Executable code) {
    Throwable t = thrown(code);
    requireMask("the failure's message", t.getMessage());
    return t;
  }

  private static void requireMask(String what, String message) {
    if (message == null || !message.contains(Redactor.MASK)) {
      throw new AssertionError(what + " should quote the server's words with the secret masked as "
          + Redactor.MASK + ", but was: " + message);
    }
  }

  /** The log output (standard error and standard output) captured so far. */
  public String logs() {
    System.err.flush();
    System.out.flush();
    return logs.toString(StandardCharsets.UTF_8);
  }

  /**
   * Fails when any canary, in any of its forms, appears in the log output captured so far or in
   * anything recorded with {@link #seen(Object...)} or {@link #thrown(Executable)}.
   *
   * @param expectedInLogs texts the captured logs must hold (proof that the capture works and saw
   *     the code's DEBUG and TRACE lines)
   */
  public void assertNoCanary(String... expectedInLogs) {
    String logText = logs();
    for (String expected : expectedInLogs) {
      if (!logText.contains(expected)) {
        throw new AssertionError("the captured log output does not contain \"" + expected + "\": is"
            + " simplelogger.properties set up as CanaryScan's Javadoc says? Captured:\n" + logText);
      }
    }
    List<String> all = new ArrayList<>(texts);
    all.add(logText);
    for (String canary : canaries) {
      for (String form : forbiddenForms(canary)) {
        for (String text : all) {
          int at = text.indexOf(form);
          if (at >= 0) {
            throw new AssertionError("a canary secret leaked (as \"" + form + "\") into text a person or a log could"
                + " see:\n..." + text.substring(Math.max(0, at - 200), Math.min(text.length(), at + form.length() + 200))
                + "...");
          }
        }
      }
    }
  }

  /** How many texts were recorded (logs aside); a scan that recorded nothing proves nothing. */
  public int recorded() {
    return texts.size();
  }

  /**
   * The forms in which {@code canary} counts as leaked: itself, URL-encoded, Base64 and URL-safe
   * Base64 at each of the three byte alignments, and every run of {@value #FRAGMENT} characters.
   */
  public static List<String> forbiddenForms(String canary) {
    Objects.requireNonNull(canary, "canary");
    Set<String> out = new LinkedHashSet<>();
    out.add(canary);
    out.add(URLEncoder.encode(canary, StandardCharsets.UTF_8));
    byte[] bytes = canary.getBytes(StandardCharsets.UTF_8);
    for (int k = 0; k < 3; k++) {
      // Whichever offset the canary sits at inside encoded text, for one k its byte k starts a
      // 3-byte group, and the groups that follow encode the same as they do here.
      int whole = (bytes.length - k) / 3 * 3;
      if (whole >= 9) {
        byte[] part = Arrays.copyOfRange(bytes, k, k + whole);
        out.add(Base64.getEncoder().withoutPadding().encodeToString(part));
        out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(part));
      }
    }
    for (int i = 0; i + FRAGMENT <= canary.length(); i++) {
      out.add(canary.substring(i, i + FRAGMENT));
    }
    return List.copyOf(out);
  }

  /** Stops capturing and restores both streams; the captured text stays readable. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      System.err.flush();
      System.out.flush();
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
  }

  private static String shown(Object o) {
    if (o instanceof Throwable) {
      StringWriter trace = new StringWriter();
      ((Throwable) o).printStackTrace(new PrintWriter(trace));
      return trace.toString();
    }
    return String.valueOf(o);
  }

  /** Writes to two streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
      a.flush();
      b.flush();
    }
  }

  @Override
  public String toString() {
    return "CanaryScan[" + canaries.size() + " canaries, " + texts.size() + " texts recorded]";
  }
}
