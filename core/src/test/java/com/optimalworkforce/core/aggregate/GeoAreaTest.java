package com.optimalworkforce.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GeoAreaTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "M4A 1B2     | M4A | FSA",
      "m4a1b2      | M4A | FSA",
      "' m4A  1b2 '| M4A | FSA",
      "K1Z 2W9     | K1Z | FSA",
      "T2A         | T2A | FSA",
      "v5k0a1      | V5K | FSA",
      "M4A\u00a01B2 | M4A | FSA", // a no-break space, as pasted from a web page
      "'\tm4a\u20071b2\n' | M4A | FSA",
      "60614       | 606 | ZIP3",
      "60614-1234  | 606 | ZIP3",
      "606141234   | 606 | ZIP3",
      "60614\u00a01234 | 606 | ZIP3",
      "82101       | 821 | ZIP3",
      "00501       | 005 | ZIP3",
  })
  void generalizesValidCodes(String raw, String code, GeoArea.Kind kind) {
    GeoArea area = GeoArea.of(raw);
    assertThat(area.code()).isEqualTo(code);
    assertThat(area.kind()).isEqualTo(kind);
    assertThat(GeoArea.parse(code)).isSameAs(area);
  }

  @ParameterizedTest(name = "''{0}'' is UNKNOWN")
  @NullAndEmptySource
  @ValueSource(strings = {
      "   ", "UNKNOWN", "M4A1B", "12", "ABC-123", "M4A 1B", "M4A 1B23", "4MA 1B2", "M4A B12",
      // no postal code starts with D F I O Q U W Z
      "D1A 1A1", "F1A 1A1", "I1A 1A1", "O1A 1A1", "Q1A 1A1", "U1A 1A1", "W1A 1A1", "Z1A 1A1",
      // D F I O Q U never appear in other letter positions either
      "M4D 1A1", "M4A 1O1", "M4U",
      "00000", "000", "1234", "123456", "60614-123", "60614 1234x", "6061A", "60614_1234", "M4A-1B2-",
      "é4A 1B2"})
  void malformedOrMissingIsUnknown(String raw) {
    assertThat(GeoArea.of(raw)).isSameAs(GeoArea.UNKNOWN);
    assertThat(GeoArea.of(raw).isUnknown()).isTrue();
  }

  @Test
  void everyAreaCodeParsesBackToItself() {
    for (int id = 0; id < GeoArea.ID_COUNT; id++) {
      GeoArea a = GeoArea.byId(id);
      assertThat(GeoArea.parse(a.code())).isSameAs(a);
      assertThat(a.code()).doesNotContain(" ");
    }
    assertThat(GeoArea.parse("000")).isSameAs(GeoArea.RESTRICTED_ZIP3);
    assertThat(GeoArea.RESTRICTED_ZIP3.kind()).isEqualTo(GeoArea.Kind.ZIP3);
    assertThat(GeoArea.parse("UNKNOWN")).isSameAs(GeoArea.UNKNOWN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"M4A 1B2", "m4a", "D1A", "60614", "06", "", "unknown"})
  void parseAcceptsOnlyGeneralizedCodes(String code) {
    assertThatThrownBy(() -> GeoArea.parse(code)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + code + "' is not a generalized area code");
  }

  @Test
  void ordersFsasThenZip3sThenUnknown() {
    assertThat(GeoArea.of("A0A")).isLessThan(GeoArea.of("Y9Z"));
    assertThat(GeoArea.of("Y9Z")).isLessThan(GeoArea.RESTRICTED_ZIP3);
    assertThat(GeoArea.of("99999")).isLessThan(GeoArea.UNKNOWN);
  }
}
