package com.optimalworkforce.core.store.internal;

import com.optimalworkforce.core.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Durable file replacement: write a temporary file in the same directory, force it to disk, move
 * it over the target atomically, then force the directory, so a crash leaves either the old or the
 * new content, never a mix. Not API.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path target, byte[] content) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new StoreException("The file system of " + dir + " cannot replace files atomically; put the store on a"
            + " local file system (ext4, xfs, APFS, NTFS)", e);
      }
      forceDirectory(dir);
    } catch (IOException e) {
      throw new StoreException("Cannot write " + target + ": " + e.getMessage() + ". Check free space and permissions.",
          e);
    }
  }

  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StoreException("Cannot read " + file + ": " + e.getMessage() + ". Check permissions.", e);
    }
  }

  /** Makes a directory entry change (create, rename, delete) durable; a no-op where unsupported. */
  public static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
    }
  }

  public static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("Cannot create the store directory " + dir + ": " + e.getMessage()
          + ". Check the path and permissions.", e);
    }
  }

  public static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new StoreException("Cannot delete " + file + ": " + e.getMessage() + ". Check permissions.", e);
    }
  }
}
