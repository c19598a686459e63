package io.vjvector.engine.internal;

import io.vjvector.engine.Point;
import io.vjvector.sdk.vector.PointId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bodies of the log records. One record holds a whole batch, which is what makes a batch
 * all-or-nothing across a crash.
 *
 * <pre>
 * upsert = count (varint), dimension (varint), count * (id, dimension * float, payload)
 * delete = count (varint), count * id
 * id     = 0, unsigned varint | 1, string (varint byte length, UTF-8)
 * </pre>
 */
final class WalRecords {
  static final byte UPSERT = 1;
  static final byte DELETE = 2;

  private static final int NUMBER_ID = 0;
  private static final int STRING_ID = 1;
  private static final int BODY_LIMIT = WalFormat.MAX_RECORD_BYTES - 1;

  private WalRecords() {}

  /**
   * Rejects a batch whose vectors alone cannot fit in a record, before anything is copied: at the
   * maximum dimension a full batch would be gigabytes.
   */
  static void checkFits(int points, int dimension) {
    if (points * 4L * dimension > BODY_LIMIT) {
      throw ByteWriter.tooLarge(BODY_LIMIT);
    }
  }

  static ByteBuffer encodeUpsert(List<Point> points, int dimension) {
    checkFits(points.size(), dimension);
    ByteWriter out = new ByteWriter(points.size() * (4L * dimension + 24), BODY_LIMIT);
    out.putVarInt(points.size());
    out.putVarInt(dimension);
    for (Point p : points) {
      writeId(out, p.id());
      out.putFloats(p.vector());
      PayloadCodec.writeMap(out, p.payload());
    }
    return out.toBuffer();
  }

  static ByteBuffer encodeDelete(List<PointId> ids) {
    ByteWriter out = new ByteWriter(ids.size() * 12L + 8, BODY_LIMIT);
    out.putVarInt(ids.size());
    for (PointId id : ids) {
      writeId(out, id);
    }
    return out.toBuffer();
  }

  /** Applies a replayed record; throws IllegalArgumentException for anything undecodable. */
  static void replay(byte type, ByteBuffer body, int dimension, CollectionStore store) {
    ByteReader in = new ByteReader(body);
    switch (type) {
      case UPSERT -> store.upsert(readUpsert(in, dimension));
      case DELETE -> store.delete(readDelete(in));
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
    if (in.hasRemaining()) {
      throw ByteReader.malformed("unexpected bytes after the end of the record");
    }
  }

  private static List<Point> readUpsert(ByteReader in, int dimension) {
    int count = in.getCount();
    long recorded = in.getVarLong();
    if (recorded != dimension) {
      throw ByteReader.malformed(
          "record has dimension " + recorded + " but the collection has " + dimension);
    }
    List<Point> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      PointId id = readId(in);
      float[] vector = new float[dimension];
      in.getFloats(vector);
      Map<String, Object> payload = PayloadCodec.readMap(in);
      points.add(new Point(id, vector, payload));
    }
    return points;
  }

  private static List<PointId> readDelete(ByteReader in) {
    int count = in.getCount();
    List<PointId> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(readId(in));
    }
    return ids;
  }

  static void writeId(ByteWriter out, PointId id) {
    if (id.isNumber()) {
      out.putByte(NUMBER_ID);
      out.putVarLong(id.number());
    } else {
      out.putByte(STRING_ID);
      out.putString(id.string());
    }
  }

  static PointId readId(ByteReader in) {
    int kind = in.getByte();
    if (kind == NUMBER_ID) {
      return PointId.of(in.getVarLong());
    }
    if (kind == STRING_ID) {
      return PointId.of(in.getString());
    }
    throw ByteReader.malformed("unknown id kind " + kind);
  }
}
