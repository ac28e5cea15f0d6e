package com.optimalworkforce.connectors.alayacare.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorBodiesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"code\": 401, \"message\": \"Authorization required.\"}|Authorization required.",
      "{\"error\": \"forbidden\", \"message\": \"Missing permission\"}|forbidden: Missing permission",
      "{\"message\": \"Employee not found\"}|Employee not found",
      "{\"error\": \"rate_limited\"}|rate_limited",
      "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>|502 Bad Gateway",
      "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>down</body></html>|Service Unavailable",
      "upstream connect error|upstream connect error",
      "{not json|{not json"})
  void readsEveryErrorBodyShape(String body, String message) {
    assertThat(ErrorBodies.message(body)).isEqualTo(message);
  }

  @org.junit.jupiter.api.Test
  void emptyBodiesSayNothingAndLongOnesAreCut() {
    assertThat(ErrorBodies.message("")).isEmpty();
    assertThat(ErrorBodies.message(null)).isEmpty();
    assertThat(ErrorBodies.message("x".repeat(500))).hasSize(203).endsWith("...");
  }
}
