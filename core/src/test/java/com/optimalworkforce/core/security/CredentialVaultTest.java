package com.optimalworkforce.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialVaultTest {
  private static final String CONTEXT = "integration/42/credentials";
  private static final byte[] K1 = randomKey();
  private static final byte[] K2 = randomKey();

  private static byte[] randomKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  @Test
  void roundTripsBytesAndSecrets() {
    CredentialVault vault = CredentialVault.create(KeyProvider.of("k1", K1));
    byte[] plain = "private-key-value".getBytes(StandardCharsets.UTF_8);

    byte[] sealed = vault.encrypt(plain, CONTEXT);

    assertThat(vault.decrypt(sealed, CONTEXT)).isEqualTo(plain);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private-key-value");
    assertThat(CredentialVault.keyIdOf(sealed)).isEqualTo("k1");
    assertThat(vault.unseal(vault.seal(Secret.of("s3cr3t"), CONTEXT), CONTEXT).reveal()).isEqualTo("s3cr3t");
  }

  @Test
  void sealsTheSameValueDifferentlyEachTime() {
    CredentialVault vault = CredentialVault.create(KeyProvider.of("k1", K1));
    byte[] a = vault.seal(Secret.of("same"), CONTEXT);
    byte[] b = vault.seal(Secret.of("same"), CONTEXT);
    assertThat(a).isNotEqualTo(b);   // fresh nonce per value
  }

  @Test
  void sealsAndOpensASetOfNamedSecrets() {
    CredentialVault vault = CredentialVault.create(KeyProvider.of("k1", K1));
    Map<String, Secret> in = new LinkedHashMap<>();
    in.put("publicKey", Secret.of("pub-1"));
    in.put("privateKey", Secret.of("priv-ééé-2"));

    Map<String, Secret> out = vault.unsealAll(vault.sealAll(in, CONTEXT), CONTEXT);

    assertThat(out).containsExactlyEntriesOf(in);
  }

  @Test
  void rotationReencryptsToTheCurrentKeyAndTheOldKeyStillDecryptsUntilRemoved() {
    CredentialVault before = CredentialVault.create(KeyProvider.of("k1", K1));
    byte[] old = before.seal(Secret.of("api-key"), CONTEXT);

    CredentialVault during = CredentialVault.create(KeyProvider.of(Map.of("k1", K1, "k2", K2), "k2"));
    assertThat(during.unseal(old, CONTEXT).reveal()).isEqualTo("api-key");   // old key still decrypts
    assertThat(during.needsReencryption(old)).isTrue();

    byte[] rotated = during.reencrypt(old, CONTEXT);
    assertThat(CredentialVault.keyIdOf(rotated)).isEqualTo("k2");
    assertThat(during.needsReencryption(rotated)).isFalse();

    CredentialVault after = CredentialVault.create(KeyProvider.of("k2", K2));
    assertThat(after.unseal(rotated, CONTEXT).reveal()).isEqualTo("api-key");
    assertThatThrownBy(() -> after.unseal(old, CONTEXT))
        .isInstanceOf(CredentialVaultException.class)
        .hasMessageContaining("sealed with key 'k1', which the KeyProvider does not supply")
        .hasMessageContaining("current key: 'k2'")
        .hasMessageContaining("Add key 'k1' back");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 6, 20, -1})
  void aFlippedByteAnywhereFailsClearly(int position) {
    CredentialVault vault = CredentialVault.create(KeyProvider.of("k1", K1));
    byte[] sealed = vault.seal(Secret.of("api-key"), CONTEXT);
    int i = position < 0 ? sealed.length - 1 : position;
    sealed[i] ^= 0x01;

    assertThatThrownBy(() -> vault.unseal(sealed, CONTEXT))
        .isInstanceOf(CredentialVaultException.class)
        .hasMessageContaining("Cannot decrypt for context '" + CONTEXT + "'")
        .hasMessageNotContaining("api-key");
  }

  @Test
  void aFlippedCiphertextByteIsReportedAsAuthenticationFailureNamingTheKey() {
    CredentialVault vault = CredentialVault.create(KeyProvider.of("k1", K1));
    byte[] sealed = vault.seal(Secret.of("api-key"), CONTEXT);
    sealed[sealed.length - 20] ^= 0x40;

    assertThatThrownBy(() -> vault.decrypt(sealed, CONTEXT))
        .isInstanceOf(CredentialVaultException.class)
        .hasMessageContaining("with key 'k1': authentication failed")
        .hasMessageContaining("Check the key bytes for 'k1' and the context string");
  }

  @Test
  void aWrongKeyUnderTheSameIdFails() {
    byte[] sealed = CredentialVault.create(KeyProvider.of("k1", K1)).seal(Secret.of("api-key"), CONTEXT);
    CredentialVault wrong = CredentialVault.create(KeyProvider.of("k1", K2));

    assertThatThrownBy(() -> wrong.unseal(sealed, CONTEXT))
        .isInstanceOf(CredentialVaultException.class)
        .hasMessageContaining("with key 'k1': authentication failed");
  }

  @Test
  void aWrongContextFails() {
    CredentialVault vault = CredentialVault.create(KeyProvider.of("k1", K1));
    byte[] sealed = vault.seal(Secret.of("api-key"), "integration/1/credentials");

    assertThatThrownBy(() -> vault.unseal(sealed, "integration/2/credentials"))
        .isInstanceOf(CredentialVaultException.class)
        .hasMessageContaining("context 'integration/2/credentials'")
        .hasMessageContaining("sealed for a different context");
  }

  @Test
  void truncatedOrForeignDataIsNotMistakenForASealedValue() {
    CredentialVault vault = CredentialVault.create(KeyProvider.of("k1", K1));
    byte[] sealed = vault.seal(Secret.of("api-key"), CONTEXT);

    assertThatThrownBy(() -> vault.decrypt(java.util.Arrays.copyOf(sealed, 10), CONTEXT))
        .isInstanceOf(CredentialVaultException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> vault.decrypt("plain text".getBytes(StandardCharsets.UTF_8), CONTEXT))
        .isInstanceOf(CredentialVaultException.class).hasMessageContaining("not a value sealed by CredentialVault");
  }

  @Test
  void keyProvidersCheckTheirKeysWithoutPrintingThem() {
    assertThatThrownBy(() -> KeyProvider.of("k1", new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key 'k1' is 16 bytes long but AES-256 needs 32");
    assertThatThrownBy(() -> KeyProvider.of(Map.of("k1", K1), "k9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current key id 'k9' is not among the supplied key ids [k1]");
    assertThatThrownBy(() -> KeyProvider.of("bad id!", K1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was 'bad id!'");
    assertThatThrownBy(() -> KeyProvider.ofBase64(Map.of("k1", "not base64 ###"), "k1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key 'k1' is not valid Base64")
        .hasMessageNotContaining("###");
    String b64 = Base64.getEncoder().encodeToString(K1);
    KeyProvider fromText = KeyProvider.ofBase64(Map.of("k1", b64), "k1");
    assertThat(fromText.key("k1")).get().extracting(k -> k.getEncoded()).isEqualTo(K1);
    assertThat(fromText.toString()).doesNotContain(b64);
  }
}
