package dev.traininginputs.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * Java serialization for figures ({@link RunMetrics} and what carries them), compared by their
 * bytes. A figure has no {@code equals}: Beam's {@link SerializableCoder} would compare it by
 * identity, and the DirectRunner's mutation check then warns once per element (thousands of lines
 * in a test log) instead of checking. Compared by encoding, the check works and is quiet. A handful
 * of figures per file cross the wire; they are never keys.
 */
public final class FigureCoder<T extends Serializable> extends CustomCoder<T> {
  private final SerializableCoder<T> serialized;

  private FigureCoder(Class<T> type) {
    this.serialized = SerializableCoder.of(type);
  }

  public static <T extends Serializable> FigureCoder<T> of(Class<T> type) {
    return new FigureCoder<>(type);
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    serialized.encode(value, out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    return serialized.decode(in);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FigureCoder<?> that && serialized.equals(that.serialized);
  }

  @Override
  public int hashCode() {
    return serialized.hashCode();
  }
}
