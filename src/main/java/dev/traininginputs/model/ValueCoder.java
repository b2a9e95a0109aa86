package dev.traininginputs.model;

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

  @Override
  public final void verifyDeterministic() {}

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

  static void writeInts(int[] values, OutputStream out) throws IOException {
    writeInt(values.length, out);
    for (int v : values) {
      writeInt(v, out);
    }
  }

  static int[] readInts(InputStream in) throws IOException {
    int[] values = new int[readInt(in)];
    for (int i = 0; i < values.length; i++) {
      values[i] = readInt(in);
    }
    return values;
  }
}
