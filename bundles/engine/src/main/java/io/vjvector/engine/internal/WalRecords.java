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
 * type 1 upsert    = points                      (before write times were recorded)
 * type 3 upsert-at = write time (long, epoch ms), points
 * type 2 delete    = count (varint), count * id
 * type 4 expire    = cutoff (long, epoch ms), count (varint), count * id
 * points = count (varint), dimension (varint), count * (id, dimension * float, payload)
 * id     = 0, unsigned varint | 1, string (varint byte length, UTF-8)
 * </pre>
 *
 * <p>The write time of a point is part of its record, so replay after any delay rebuilds the same
 * times; points of an old type 1 record get the time the collection is opened. An expire record
 * deletes only those of its points last written at or before its cutoff: a point upserted again
 * after the sweep chose it survives, live and in replay alike.
 */
final class WalRecords {
  static final byte UPSERT = 1;
  static final byte DELETE = 2;
  static final byte UPSERT_AT = 3;
  static final byte EXPIRE = 4;

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

  /** An {@link #UPSERT_AT} body: the points, written at {@code writeTime} (epoch millis). */
  static ByteBuffer encodeUpsert(List<Point> points, int dimension, long writeTime) {
    checkFits(points.size(), dimension);
    ByteWriter out = new ByteWriter(points.size() * (4L * dimension + 24) + 8, BODY_LIMIT);
    out.putLong(writeTime);
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
    writeIds(out, ids);
    return out.toBuffer();
  }

  /** An {@link #EXPIRE} body: delete those of {@code ids} last written at or before cutoff. */
  static ByteBuffer encodeExpire(List<PointId> ids, long cutoff) {
    ByteWriter out = new ByteWriter(ids.size() * 12L + 16, BODY_LIMIT);
    out.putLong(cutoff);
    writeIds(out, ids);
    return out.toBuffer();
  }

  private static void writeIds(ByteWriter out, List<PointId> ids) {
    out.putVarInt(ids.size());
    for (PointId id : ids) {
      writeId(out, id);
    }
  }

  /**
   * Applies a replayed record; throws IllegalArgumentException for anything undecodable.
   *
   * @param legacyTime the write time of points whose record has none (type 1)
   * @return whether the record was of the type without write times
   */
  static boolean replay(
      byte type, ByteBuffer body, int dimension, CollectionStore store, long legacyTime) {
    ByteReader in = new ByteReader(body);
    switch (type) {
      case UPSERT -> store.upsert(readUpsert(in, dimension), legacyTime);
      case UPSERT_AT -> {
        long writeTime = in.getLong();
        store.upsert(readUpsert(in, dimension), writeTime);
      }
      case DELETE -> store.delete(readDelete(in));
      case EXPIRE -> {
        long cutoff = in.getLong();
        store.expire(readDelete(in), cutoff);
      }
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
    if (in.hasRemaining()) {
      throw ByteReader.malformed("unexpected bytes after the end of the record");
    }
    return type == UPSERT;
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
