package com.optimalworkforce.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def | Authorization: [redacted]",
      "authorization=Basic dXNlcjpwYXNzd29yZA== | authorization=[redacted]",
      "sent Bearer abcdefgh12345678 to host | sent Bearer [redacted] to host",
      "grant_type=client_credentials&client_secret=s3cr3t&scope=a | grant_type=client_credentials&client_secret=[redacted]&scope=a",
      "user=bob password=hunter2 | user=bob password=[redacted]",
      "{\"access_token\":\"tok-123\",\"expires_in\":\"3599\"} | {\"access_token\":\"[redacted]\",\"expires_in\":\"3599\"}",
      "{\"client_secret\" : \"a\\\"b\"} | {\"client_secret\" : \"[redacted]\"}",
      "?api_key=XYZ&page=2 | ?api_key=[redacted]&page=2",
      "nothing secret here: page 3 of 10 | nothing secret here: page 3 of 10",
      "basic auth failed | basic auth failed",
  })
  void masksCredentialShapes(String in, String out) {
    assertThat(Redactor.standard().redact(in)).isEqualTo(out);
  }

  @Test
  void masksRegisteredSecretsAnywhereAlsoUrlEncoded() {
    Secret secret = Secret.of("p@ss w/rd+1");
    Redactor r = Redactor.standard().with(secret);

    assertThat(r.redact("failed with p@ss w/rd+1 in the middle")).isEqualTo("failed with [redacted] in the middle");
    assertThat(r.redact("x=p%40ss+w%2Frd%2B1")).isEqualTo("x=[redacted]");
    assertThat(r.wouldRedact("clean")).isFalse();
    assertThat(r.toString()).doesNotContain("p@ss");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Authorization: Basic dXNlcjpwYXNzd29yZA== is not valid",
      "Proxy-Authorization = Bearer abcdefgh12345678",
      "client_secret = s3cr3t&password= hunter2",
      "{\"access_token\": \"tok-123\"}",
      "sent Bearer abcdefgh12345678 to host",
  })
  void redactingTwiceChangesNothingMore(String in) {
    Redactor r = Redactor.standard();
    String once = r.redact(in);
    assertThat(once).contains(Redactor.MASK);
    assertThat(r.redact(once)).isEqualTo(once);
    assertThat(r.wouldRedact(once)).isFalse();
  }

  @Test
  void nullAndEmptyPassThrough() {
    assertThat(Redactor.standard().redact((String) null)).isNull();
    assertThat(Redactor.standard().redact("")).isEmpty();
  }
}
