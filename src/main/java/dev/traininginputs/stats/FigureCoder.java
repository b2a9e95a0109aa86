package dev.traininginputs.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.util.SerializableUtils;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Java serialization for figures ({@link RunMetrics} and what carries them), compared by their
 * bytes. A figure has no {@code equals}: Beam's {@code SerializableCoder} would compare it by
 * identity, and the DirectRunner's mutation check then warns once per element (thousands of lines
 * in a test log) instead of checking. Compared by encoding, the check works and is quiet. A handful
 * of figures per file cross the wire; they are never keys.
 */
public final class FigureCoder<T extends Serializable> extends CustomCoder<T> {
  private static final ByteArrayCoder BYTES = ByteArrayCoder.of();
  private final Class<T> type;

  private FigureCoder(Class<T> type) {
    this.type = type;
  }

  public static <T extends Serializable> FigureCoder<T> of(Class<T> type) {
    return new FigureCoder<>(type);
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    BYTES.encode(SerializableUtils.serializeToByteArray(value), out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    return type.cast(SerializableUtils.deserializeFromByteArray(BYTES.decode(in), type.getName()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FigureCoder<?> that && type.equals(that.type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  /**
   * For {@code @DefaultCoder(FigureCoder.class)} on a figure, so that a step whose output type is
   * inferred gets this coder rather than Beam's {@code SerializableCoder} (and its warning).
   */
  public static CoderProvider getCoderProvider() {
    return new CoderProvider() {
      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> parameters)
          throws CannotProvideCoderException {
        if (!Serializable.class.isAssignableFrom(type.getRawType())) {
          throw new CannotProvideCoderException(type + " is not Serializable");
        }
        return (Coder<T>) FigureCoder.of((Class) type.getRawType());
      }
    };
  }
}
