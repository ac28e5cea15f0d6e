package com.optimalworkforce.core.store.internal;

import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.CredentialVaultException;
import com.optimalworkforce.core.store.StoreException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Encrypts store files with the vault, binding each to a context naming its place, so a file
 * copied elsewhere, edited or read with another key fails clearly. Not API.
 */
public final class Sealer {
  private final CredentialVault vault;
  private final String prefix;

  public Sealer(CredentialVault vault, String prefix) {
    this.vault = Objects.requireNonNull(vault, "vault");
    this.prefix = prefix;
  }

  public byte[] seal(byte[] plain, String context) {
    return vault.encrypt(plain, prefix + context);
  }

  public byte[] open(byte[] sealed, String context, Path file) {
    try {
      return vault.decrypt(sealed, prefix + context);
    } catch (CredentialVaultException | IllegalArgumentException e) {
      throw new StoreException("Cannot decrypt " + file + ": the file was changed, or the store is opened with a key"
          + " other than the one that wrote it. Open it with the right KeyProvider; do not edit store files. ("
          + e.getMessage() + ")", e);
    }
  }

  public void writeFile(Path file, byte[] plain, String context) {
    AtomicFiles.write(file, seal(plain, context));
  }

  public byte[] readFile(Path file, String context) {
    return open(AtomicFiles.read(file), context, file);
  }

  /** True when the file opens and was sealed with a key other than the vault's current one. */
  public boolean needsReseal(Path file, String context) {
    byte[] sealed = AtomicFiles.read(file);
    open(sealed, context, file);
    return vault.needsReencryption(sealed);
  }

  /**
   * Key rotation: opens the file (checking it) and, when it was sealed with a key other than the
   * vault's current one, replaces it atomically with the same content sealed with the current key.
   *
   * @return true when the file was rewritten
   */
  public boolean resealFile(Path file, String context) {
    byte[] sealed = AtomicFiles.read(file);
    byte[] plain = open(sealed, context, file);
    if (!vault.needsReencryption(sealed)) {
      return false;
    }
    writeFile(file, plain, context);
    return true;
  }
}
