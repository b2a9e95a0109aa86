package dev.traininginputs.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * An input line that could not be read, with enough to find and fix it.
 *
 * @param source the dataset ({@link Source#id()})
 * @param file the file it came from
 * @param line the 1-based physical line number in that file (the header is line 1)
 * @param reason what is wrong, naming the column and the value
 * @param raw the line as read
 */
@DefaultCoder(RejectedRecord.Coder.class)
public record RejectedRecord(String source, String file, long line, String reason, String raw) {
  /** Encodes a {@link RejectedRecord} field by field. */
  public static final class Coder extends ValueCoder<RejectedRecord> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    /** Found by {@link DefaultCoder}: how the pipeline infers this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(RejectedRecord.class), INSTANCE);
    }

    @Override
    public void encode(RejectedRecord r, OutputStream out) throws IOException {
      writeString(r.source(), out);
      writeString(r.file(), out);
      writeLong(r.line(), out);
      writeString(r.reason(), out);
      writeString(r.raw(), out);
    }

    @Override
    public RejectedRecord decode(InputStream in) throws IOException {
      return new RejectedRecord(
          readString(in), readString(in), readLong(in), readString(in), readString(in));
    }
  }
}
