package com.optimalworkforce.connectors.wellsky.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;

/**
 * The one {@link FhirContext} of the connector. Building a context scans the whole R4 model and
 * takes about a second, so every connector instance, both dialects and the tests share this one
 * (it is thread-safe). Not API.
 */
public final class Fhir {
  private static final FhirContext CONTEXT = FhirContext.forR4Cached();

  private Fhir() {}

  /** The shared R4 context. */
  public static FhirContext context() {
    return CONTEXT;
  }

  /**
   * A JSON parser that tolerates unknown elements and invalid values (logged at WARN by HAPI):
   * Home Connect returns FHIR-flavoured JSON with elements the R4 model does not know.
   * Parsers are cheap and not thread-safe: make one per use.
   */
  public static IParser lenientJsonParser() {
    return CONTEXT.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
  }
}
