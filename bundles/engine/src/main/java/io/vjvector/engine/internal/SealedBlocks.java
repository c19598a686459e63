package io.vjvector.engine.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import javax.crypto.SecretKey;

/**
 * A file of AES-256-GCM sealed blocks after a plaintext header (little-endian):
 *
 * <pre>
 * file  = header, block+
 * block = length (int), nonce (12), ciphertext, tag (16)
 * </pre>
 *
 * <p>Each block's associated data holds the whole header (which carries a random file id and the
 * key version), the block's number and whether it is the last, so blocks cannot be reordered,
 * swapped with another file's, dropped from the end or continued.
 */
final class SealedBlocks {
  private static final int MAX_SEALED = BlockWriter.BUFFER_BYTES + Gcm.OVERHEAD;

  private SealedBlocks() {}

  /** Writes {@code header} at offset 0 and returns a writer that seals what follows. */
  static BlockWriter writer(
      FileChannel channel, byte[] header, DataCipher cipher, TenantKeys.DataKey key)
      throws IOException {
    FileSync.writeFully(channel, ByteBuffer.wrap(header), 0);
    ByteBuffer out = ByteBuffer.allocateDirect(4 + MAX_SEALED).order(ByteOrder.LITTLE_ENDIAN);
    long[] state = {header.length, 0}; // file position, block number
    return new BlockWriter(
        (chunk, last) -> {
          out.clear();
          out.putInt(chunk.remaining() + Gcm.OVERHEAD);
          cipher
              .gcm()
              .seal(key.key(), aad(cipher, key.version(), header, state[1], last), -1, chunk, out);
          out.flip();
          int n = out.remaining();
          FileSync.writeFully(channel, out, state[0]);
          state[0] += n;
          state[1]++;
        });
  }

  /**
   * A reader of the plaintext after {@code header}; the block lengths are checked first, each block
   * is authenticated as it is read.
   */
  static BlockReader reader(
      FileChannel channel, Path file, byte[] header, DataCipher cipher, int keyVersion)
      throws IOException {
    long size = channel.size();
    long content = 0;
    long blocks = 0;
    ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    for (long pos = header.length; pos < size; blocks++) {
      if (size - pos < 4) {
        throw new IOException(file + " is truncated inside a block header at offset " + pos);
      }
      len.clear();
      FileSync.readFully(channel, len, pos);
      int n = len.getInt(0);
      if (n < Gcm.OVERHEAD || n > MAX_SEALED || n > size - pos - 4) {
        throw new IOException(file + " is damaged or truncated: bad block length at offset " + pos);
      }
      content += n - Gcm.OVERHEAD;
      pos += 4 + n;
    }
    if (blocks == 0) {
      throw new IOException(file + " is truncated: it has no block");
    }
    SecretKey key = cipher.readKey(keyVersion, file);
    long lastBlock = blocks - 1;
    long[] state = {header.length, 0}; // file position, block number
    ByteBuffer[] plain = {ByteBuffer.allocate(0)};
    return new BlockReader(
        target -> {
          while (target.hasRemaining()) {
            if (!plain[0].hasRemaining()) {
              len.clear();
              FileSync.readFully(channel, len, state[0]);
              ByteBuffer sealed = ByteBuffer.allocate(len.getInt(0));
              FileSync.readFully(channel, sealed, state[0] + 4);
              sealed.flip();
              String where = file + " (block " + state[1] + " at offset " + state[0] + ")";
              plain[0] =
                  cipher.open(
                      key,
                      aad(cipher, keyVersion, header, state[1], state[1] == lastBlock),
                      sealed,
                      where);
              state[0] += 4 + sealed.capacity();
              state[1]++;
            }
            int n = Math.min(target.remaining(), plain[0].remaining());
            ByteBuffer part = plain[0].duplicate();
            part.limit(part.position() + n);
            target.put(part);
            plain[0].position(plain[0].position() + n);
          }
        },
        file,
        content);
  }

  private static byte[] aad(
      DataCipher cipher, int keyVersion, byte[] header, long block, boolean last) {
    return cipher.aad(DataCipher.CHECKPOINT_BLOCK, keyVersion, block, last ? 1 : 0, header);
  }
}
