package io.lockwatch.analyzer.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Walks the chunk headers of a {@code .jfr} file before the JDK parser sees it, and finds the prefix
 * of whole, plausible chunks. The JDK's {@code RecordingFile} (and {@code jfr summary}) loop forever
 * on a chunk whose size field is zero, so damage of that kind must be caught here.
 *
 * <p>Header layout (JFR file format 2.x): magic {@code FLR\0}, major and minor version (u2 each),
 * then chunk size, constant-pool offset and metadata offset (i8 each, offsets relative to the chunk);
 * the header is 68 bytes.
 */
final class ChunkHeaderScan {
  static final int HEADER_SIZE = 68;
  private static final int MAGIC = 0x464c5200; // "FLR\0"

  /** The number of leading bytes that form whole chunks. */
  final long validBytes;
  /** Why the scan stopped before the end of the file, or {@code null} if the file is whole. */
  final String problem;

  private ChunkHeaderScan(long validBytes, String problem) {
    this.validBytes = validBytes;
    this.problem = problem;
  }

  static ChunkHeaderScan of(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long length = ch.size();
      long pos = 0;
      ByteBuffer header = ByteBuffer.allocate(32);
      while (pos < length) {
        if (length - pos < HEADER_SIZE) {
          return new ChunkHeaderScan(pos, "truncated chunk header at offset " + pos);
        }
        header.clear();
        while (header.hasRemaining()) {
          if (ch.read(header, pos + header.position()) < 0) {
            return new ChunkHeaderScan(pos, "truncated chunk header at offset " + pos);
          }
        }
        header.flip();
        if (header.getInt(0) != MAGIC) {
          return new ChunkHeaderScan(pos, "no JFR chunk magic at offset " + pos);
        }
        long size = header.getLong(8);
        long constantPools = header.getLong(16);
        long metadata = header.getLong(24);
        if (size < HEADER_SIZE) {
          return new ChunkHeaderScan(pos, "chunk at offset " + pos + " has an invalid size ("
              + size + "; an unfinished chunk of a killed JVM looks like this)");
        }
        if (size > length - pos) {
          return new ChunkHeaderScan(pos, "chunk at offset " + pos + " is truncated ("
              + (length - pos) + " of " + size + " bytes)");
        }
        if (constantPools < HEADER_SIZE || constantPools >= size || metadata < HEADER_SIZE
            || metadata >= size) {
          return new ChunkHeaderScan(pos, "chunk at offset " + pos + " has invalid section offsets");
        }
        pos += size;
      }
      return new ChunkHeaderScan(length, null);
    }
  }
}
