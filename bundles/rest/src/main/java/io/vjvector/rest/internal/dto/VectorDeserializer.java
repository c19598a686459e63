package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A vector given either as a JSON array of numbers or as a string: the base64 (RFC 4648, standard
 * alphabet, padded) of its float32 values in little-endian byte order. The string form is what bulk
 * loaders should send: a 384-d vector is 2 KB of base64 instead of 4-8 KB of decimal text, and
 * decoding it costs a small fraction of parsing decimals (no rounding either: the exact floats
 * arrive).
 */
public final class VectorDeserializer extends JsonDeserializer<float[]> {
  @Override
  public float[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_ARRAY) {
      return ctxt.readValue(p, float[].class);
    }
    if (token == JsonToken.VALUE_STRING) {
      byte[] bytes;
      try {
        bytes = p.getBinaryValue(); // base64, standard alphabet, padding required
      } catch (IOException | IllegalArgumentException e) {
        return (float[])
            ctxt.handleWeirdStringValue(
                float[].class, p.getText(), "not base64 of little-endian float32 values");
      }
      if (bytes.length % Float.BYTES != 0) {
        return (float[])
            ctxt.handleWeirdStringValue(
                float[].class,
                "(" + bytes.length + " bytes)",
                "base64 vector of "
                    + bytes.length
                    + " bytes: not a whole number of float32 values (4 bytes each)");
      }
      float[] v = new float[bytes.length / Float.BYTES];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
      return v;
    }
    return (float[]) ctxt.handleUnexpectedToken(float[].class, p);
  }
}
