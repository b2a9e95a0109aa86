package dev.traininginputs.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;

/**
 * Base of the hand-written coders of the value types: compact (variable-length integers) and
 * deterministic, so that any of them can serve as a key.
 */
abstract class ValueCoder<T> extends AtomicCoder<T> {
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();

  /**
   * Deterministic as long as a subclass writes its fields in a fixed order with the helpers below
   * (varints, UTF-8 strings, booleans). A subclass that encodes anything else (a hash map's
   * iteration order, a floating-point value) must override this and say so.
   */
  @Override
  public void verifyDeterministic() {}

  static void writeInt(int value, OutputStream out) throws IOException {
    VarInt.encode(value, out);
  }

  static int readInt(InputStream in) throws IOException {
    return VarInt.decodeInt(in);
  }

  static void writeLong(long value, OutputStream out) throws IOException {
    VarInt.encode(value, out);
  }

  static long readLong(InputStream in) throws IOException {
    return VarInt.decodeLong(in);
  }

  static void writeString(String value, OutputStream out) throws IOException {
    STRING.encode(value, out);
  }

  static String readString(InputStream in) throws IOException {
    return STRING.decode(in);
  }

  static void writeBoolean(boolean value, OutputStream out) throws IOException {
    out.write(value ? 1 : 0);
  }

  static boolean readBoolean(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new java.io.EOFException();
    }
    return b != 0;
  }

  /**
   * The first {@code count} values as a block: its byte length, then the values as varints. Read
   * back with one bulk read, not a call per byte.
   */
  static void writeInts(int[] values, int count, OutputStream out) throws IOException {
    byte[] buffer = new byte[count * 5];
    int at = 0;
    for (int i = 0; i < count; i++) {
      at = putVarint(buffer, at, values[i] & 0xFFFFFFFFL);
    }
    writeInt(at, out);
    out.write(buffer, 0, at);
  }

  /** An array of {@code size} whose first {@code count} values are read, the rest 0. */
  static int[] readInts(InputStream in, int size, int count) throws IOException {
    if (count < 0 || count > size) {
      throw new IOException("corrupt history: " + count + " values of " + size);
    }
    byte[] block = new byte[readInt(in)];
    new DataInputStream(in).readFully(block);
    int[] values = new int[size];
    int[] at = {0};
    for (int i = 0; i < count; i++) {
      values[i] = (int) getVarint(block, at, block.length);
    }
    return values;
  }

  /**
   * Puts {@code value} into {@code bytes} at {@code at} as an unsigned varint (7 bits a byte, low
   * first, the high bit set on all but the last) and returns the position after it. The one varint
   * writer of the value types.
   */
  static int putVarint(byte[] bytes, int at, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      bytes[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[at++] = (byte) v;
    return at;
  }

  /**
   * The varint {@link #putVarint} put at {@code at[0]}, which moves past it; the bytes end at
   * {@code end}. The one varint reader of the value types.
   */
  static long getVarint(byte[] bytes, int[] at, int end) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at[0] >= end) {
        throw new IOException("corrupt record: it ends inside a value");
      }
      byte b = bytes[at[0]++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new IOException("corrupt record: a value longer than 64 bits");
  }

  /**
   * A small record of varints written with one call and read back with one bulk read: the length (a
   * byte), then the values. For value types with many small fields that cross every shuffle, where
   * a stream call per byte would dominate.
   */
  static final class Varints {
    private final byte[] bytes;
    private final int[] at = {0};

    /** An empty record to put at most {@code maxBytes} (up to 255) of varints in. */
    Varints(int maxBytes) {
      bytes = new byte[maxBytes];
    }

    private Varints(byte[] bytes) {
      this.bytes = bytes;
    }

    Varints putLong(long value) {
      at[0] = putVarint(bytes, at[0], value);
      return this;
    }

    Varints putInt(int value) {
      return putLong(value & 0xFFFFFFFFL);
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(at[0]);
      out.write(bytes, 0, at[0]);
    }

    static Varints readFrom(InputStream in) throws IOException {
      int length = in.read();
      if (length < 0) {
        throw new java.io.EOFException();
      }
      byte[] bytes = new byte[length];
      new DataInputStream(in).readFully(bytes);
      return new Varints(bytes);
    }

    long getLong() throws IOException {
      return getVarint(bytes, at, bytes.length);
    }

    int getInt() throws IOException {
      return (int) getLong();
    }
  }
}
