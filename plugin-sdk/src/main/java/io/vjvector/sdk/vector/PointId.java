package io.vjvector.sdk.vector;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A point identifier: either an unsigned 64-bit integer or a string of 1 to {@value
 * #MAX_STRING_LENGTH} characters. The two kinds never compare equal ({@code 7} and {@code "7"} are
 * different points).
 */
public final class PointId implements Comparable<PointId> {
  /** The longest accepted string id, in characters. */
  public static final int MAX_STRING_LENGTH = 256;

  private static final BigInteger MAX_UNSIGNED =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final long number;
  private final String string;

  private PointId(long number, String string) {
    this.number = number;
    this.string = string;
  }

  /**
   * An integer id.
   *
   * @param unsigned the id, read as an unsigned 64-bit value
   * @return the id
   */
  public static PointId of(long unsigned) {
    return new PointId(unsigned, null);
  }

  /**
   * A string id.
   *
   * @param id 1 to {@value #MAX_STRING_LENGTH} characters, no control characters
   * @return the id
   * @throws IllegalArgumentException if the string is not a valid id
   */
  public static PointId of(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("point id must not be empty");
    }
    if (id.length() > MAX_STRING_LENGTH) {
      throw new IllegalArgumentException(
          "point id longer than " + MAX_STRING_LENGTH + " characters");
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new IllegalArgumentException("point id contains a control character");
      }
    }
    return new PointId(0, id);
  }

  /**
   * An integer id from an arbitrary-precision value.
   *
   * @param value 0 to 2^64-1
   * @return the id
   * @throws IllegalArgumentException if the value is out of range
   */
  public static PointId of(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(MAX_UNSIGNED) > 0) {
      throw new IllegalArgumentException("integer point id must be between 0 and 2^64-1");
    }
    return of(value.longValue());
  }

  /**
   * Whether this is an integer id.
   *
   * @return {@code true} for integer ids
   */
  public boolean isNumber() {
    return string == null;
  }

  /**
   * The integer value, as unsigned 64 bits.
   *
   * @return the raw bits
   * @throws IllegalStateException for a string id
   */
  public long number() {
    if (string != null) {
      throw new IllegalStateException("not an integer id");
    }
    return number;
  }

  /**
   * The string value.
   *
   * @return the string
   * @throws IllegalStateException for an integer id
   */
  public String string() {
    if (string == null) {
      throw new IllegalStateException("not a string id");
    }
    return string;
  }

  /**
   * The integer value as a non-negative {@link BigInteger}.
   *
   * @return the value
   */
  public BigInteger unsignedValue() {
    return new BigInteger(Long.toUnsignedString(number()));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PointId)) {
      return false;
    }
    PointId other = (PointId) o;
    return number == other.number && Objects.equals(string, other.string);
  }

  @Override
  public int hashCode() {
    return string == null ? Long.hashCode(number) : string.hashCode();
  }

  /** Integer ids sort before string ids; integers unsigned, strings by UTF-16 code units. */
  @Override
  public int compareTo(PointId o) {
    if (isNumber() != o.isNumber()) {
      return isNumber() ? -1 : 1;
    }
    return isNumber() ? Long.compareUnsigned(number, o.number) : string.compareTo(o.string);
  }

  @Override
  public String toString() {
    return string == null ? Long.toUnsignedString(number) : string;
  }
}
