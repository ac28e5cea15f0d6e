package com.optimalworkforce.benchmarks;

import com.optimalworkforce.core.security.AuditLog;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.security.Redactor;
import com.optimalworkforce.core.security.Secret;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the security building blocks on hot-ish paths: sealing and opening a credential
 * with the vault (the durable stores seal every file they write), re-encrypting during key
 * rotation, redacting a log line or error body, and appending to an in-memory audit log.
 *
 * <pre>{@code
 * benchmarks/run SecurityBenchmark -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SecurityBenchmark {
  private static final String CONTEXT = "integration/alayacare-1/credentials";
  private static final String LINE = "GET example.alayacare.ca:443/ext/api/v2/scheduler/visits answered 503 "
      + "{\"error\":\"upstream unavailable\",\"request\":\"page=7&count=100\",\"trace\":\"a1b2c3d4e5f6\"} "
      + "on attempt 2 of 5; retrying in 2000 ms";
  private static final String SECRET_LINE = "POST auth.example.com/oauth/token failed: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x "
      + "body grant_type=client_credentials&client_id=agency-7&client_secret=s3cr3t-value&scope=read";

  private CredentialVault vault;
  private CredentialVault rotating;
  private Secret secret;
  private byte[] sealed;
  private byte[] sealed4k;
  private Redactor redactor;
  private AuditLog audit;

  @Setup(Level.Trial)
  public void setUp() {
    byte[] k1 = new byte[32];
    byte[] k2 = new byte[32];
    SecureRandom random = new SecureRandom();
    random.nextBytes(k1);
    random.nextBytes(k2);
    vault = CredentialVault.create(KeyProvider.of("k1", k1));
    rotating = CredentialVault.create(KeyProvider.of(Map.of("k1", k1, "k2", k2), "k2"));
    secret = Secret.of("8f14e45fceea167a5a36dedd4bea2543-private-key");
    sealed = vault.seal(secret, CONTEXT);
    byte[] page = new byte[4096];
    random.nextBytes(page);
    sealed4k = vault.encrypt(page, CONTEXT);
    redactor = Redactor.standard().with(secret, Secret.of("public-key-0001"));
    audit = AuditLog.inMemory(Clock.systemUTC());
  }

  /** Seal one credential (about 50 bytes). */
  @Benchmark
  public byte[] sealSecret() {
    return vault.seal(secret, CONTEXT);
  }

  /** Open one sealed credential. */
  @Benchmark
  public Secret unsealSecret() {
    return vault.unseal(sealed, CONTEXT);
  }

  /** Open a sealed 4 KiB value (a store file chunk). */
  @Benchmark
  public byte[] decrypt4KiB() {
    return vault.decrypt(sealed4k, CONTEXT);
  }

  /** Rotation: open with the old key, seal with the new one. */
  @Benchmark
  public byte[] reencryptSecret() {
    return rotating.reencrypt(sealed, CONTEXT);
  }

  /** Redact a 200-character log line holding no secret (the common case) with two registered secrets. */
  @Benchmark
  public String redactCleanLine() {
    return redactor.redact(LINE);
  }

  /** Redact a line holding a bearer token and a form-encoded client secret. */
  @Benchmark
  public String redactLineWithCredentials() {
    return redactor.redact(SECRET_LINE);
  }

  /** Append an entry to an in-memory audit log (hash chain included). */
  @Benchmark
  public Object appendAuditEntry() {
    return audit.append("sync.completed", Map.of("integration", "alayacare-1", "records", "1250"));
  }
}
