package com.optimalworkforce.core.store.internal;

import com.optimalworkforce.core.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An append-only log of encrypted frames, forced to disk on every append. The file starts with a
 * magic and a generation number; each frame is its length and its sealed bytes, bound to the
 * generation and its position, so frames cannot be moved or replayed into another generation. A
 * torn last frame (a crash mid-append) is cut off on open; a complete frame that fails to decrypt
 * is tampering or a wrong key and fails the open. Not API.
 */
public final class WriteAheadLog implements AutoCloseable {
  private static final byte[] MAGIC = "OWWAL1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + Long.BYTES;

  private final Path file;
  private final Sealer sealer;
  private FileChannel channel;
  private long generation;
  private long frames;

  private WriteAheadLog(Path file, Sealer sealer) {
    this.file = file;
    this.sealer = sealer;
  }

  /**
   * Opens the log and replays its frames into {@code replay} when the log's generation is the
   * expected one; a log of the previous generation was already checkpointed and is discarded.
   */
  public static WriteAheadLog open(Path file, Sealer sealer, long expectedGeneration, Consumer<byte[]> replay) {
    WriteAheadLog wal = new WriteAheadLog(file, sealer);
    try {
      if (!Files.exists(file) || Files.size(file) < HEADER) {
        wal.reset(expectedGeneration);
        return wal;
      }
      byte[] all = Files.readAllBytes(file);
      if (!Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
        throw new StoreException(file + " is not a schedule store log (bad header); do not edit store files");
      }
      long gen = ByteBuffer.wrap(all, MAGIC.length, Long.BYTES).getLong();
      if (gen == expectedGeneration - 1) {
        wal.reset(expectedGeneration); // checkpointed just before a crash
        return wal;
      }
      if (gen != expectedGeneration) {
        throw new StoreException(file + " belongs to generation " + gen + " but the manifest expects "
            + expectedGeneration + "; the store's files were mixed up or edited");
      }
      int pos = HEADER;
      long n = 0;
      while (pos + Integer.BYTES <= all.length) {
        int len = ByteBuffer.wrap(all, pos, Integer.BYTES).getInt();
        if (len <= 0 || pos + Integer.BYTES + len > all.length) {
          break; // torn last frame
        }
        byte[] sealed = Arrays.copyOfRange(all, pos + Integer.BYTES, pos + Integer.BYTES + len);
        replay.accept(sealer.open(sealed, context(gen, n), file));
        pos += Integer.BYTES + len;
        n++;
      }
      wal.channel = FileChannel.open(file, StandardOpenOption.WRITE);
      wal.channel.truncate(pos);
      wal.channel.position(pos);
      wal.channel.force(true);
      wal.generation = gen;
      wal.frames = n;
      return wal;
    } catch (IOException e) {
      throw new StoreException("Cannot open the schedule store log " + file + ": " + e.getMessage(), e);
    }
  }

  private static String context(long generation, long frame) {
    return "wal/" + generation + "/" + frame;
  }

  /** Appends a frame and forces it to disk. */
  public void append(byte[] plain) {
    byte[] sealed = sealer.seal(plain, context(generation, frames));
    ByteBuffer buf = ByteBuffer.allocate(Integer.BYTES + sealed.length);
    buf.putInt(sealed.length).put(sealed).flip();
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
      frames++;
    } catch (IOException e) {
      throw new StoreException("Cannot append to " + file + ": " + e.getMessage() + ". Check free space.", e);
    }
  }

  /** Empties the log and starts a new generation. */
  public void reset(long newGeneration) {
    try {
      if (channel != null) {
        channel.close();
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER).put(MAGIC).putLong(newGeneration);
      AtomicFiles.write(file, header.array());
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
      channel.position(HEADER);
      generation = newGeneration;
      frames = 0;
    } catch (IOException e) {
      throw new StoreException("Cannot reset " + file + ": " + e.getMessage(), e);
    }
  }

  public long size() {
    try {
      return channel.size();
    } catch (IOException e) {
      throw new StoreException("Cannot read the size of " + file + ": " + e.getMessage(), e);
    }
  }

  public long frames() {
    return frames;
  }

  @Override
  public void close() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      throw new StoreException("Cannot close " + file + ": " + e.getMessage(), e);
    }
  }
}
