package com.optimalworkforce.connectors.wellsky.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.okhttp.client.OkHttpRestfulClientFactory;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Call;

/**
 * The connector's one {@link FhirContext}: building a context scans the whole R4 model and takes
 * about a second, so every connector instance, both dialects and the tests share this one (it is
 * thread-safe). Not API.
 *
 * <p>HAPI's client takes the HTTP client for each request from the context's client factory, not
 * from the factory that made the client. So that each connector keeps its own OkHttp stack (TLS
 * policy, timeouts, retries, rate limiter) with one shared context, the context's factory uses the
 * OkHttp client {@linkplain #using bound to the calling thread} for the duration of a call. The
 * context is the connector's own, not {@code FhirContext.forR4Cached()}, so other users of HAPI
 * in the same JVM are not affected.
 */
public final class Fhir {
  private static final FhirContext CONTEXT = FhirContext.forR4();
  private static final ThreadBoundClientFactory FACTORY = new ThreadBoundClientFactory(CONTEXT);

  static {
    FACTORY.setServerValidationMode(ServerValidationModeEnum.NEVER);
    CONTEXT.setRestfulClientFactory(FACTORY);
  }

  private Fhir() {}

  /** The shared R4 context. */
  public static FhirContext context() {
    return CONTEXT;
  }

  /** A generic client for a server base; run its calls inside {@link #using}. */
  public static IGenericClient newClient(String serverBase) {
    return CONTEXT.newRestfulGenericClient(serverBase);
  }

  /** Runs {@code call} with HAPI's requests on this thread going through {@code http}. */
  public static <T> T using(Call.Factory http, Supplier<T> call) {
    Objects.requireNonNull(http, "http");
    Call.Factory previous = FACTORY.bound.get();
    FACTORY.bound.set(http);
    try {
      return call.get();
    } finally {
      if (previous == null) {
        FACTORY.bound.remove();
      } else {
        FACTORY.bound.set(previous);
      }
    }
  }

  /**
   * A JSON parser that tolerates unknown elements and invalid values (logged at WARN by HAPI):
   * Home Connect returns FHIR-flavoured JSON with elements the R4 model does not know.
   * Parsers are cheap and not thread-safe: make one per use.
   */
  public static IParser lenientJsonParser() {
    return CONTEXT.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
  }

  /** HAPI's OkHttp factory, answering with the OkHttp client bound to the calling thread. */
  private static final class ThreadBoundClientFactory extends OkHttpRestfulClientFactory {
    private final ThreadLocal<Call.Factory> bound = new ThreadLocal<>();

    ThreadBoundClientFactory(FhirContext context) {
      super(context);
    }

    @Override
    public Call.Factory getNativeClient() {
      Call.Factory http = bound.get();
      return http != null ? http : fallback();
    }

    private synchronized Call.Factory fallback() {
      return super.getNativeClient();
    }
  }
}
