package dev.traininginputs.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * One element of an impressions array, exploded: the unit that becomes one training row.
 *
 * @param customerId the customer
 * @param day the impression day as an epoch day
 * @param rankingId the ranking it was shown in
 * @param position 0-based index in the ranking's impressions array
 * @param itemId the impressed item
 * @param isOrder the label
 */
@DefaultCoder(ImpressedItem.Coder.class)
public record ImpressedItem(
    long customerId, int day, String rankingId, int position, int itemId, boolean isOrder) {
  /** Encodes an {@link ImpressedItem} field by field. */
  public static final class Coder extends ValueCoder<ImpressedItem> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    /** Found by {@link DefaultCoder}: how the pipeline infers this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(ImpressedItem.class), INSTANCE);
    }

    @Override
    public void encode(ImpressedItem item, OutputStream out) throws IOException {
      writeLong(item.customerId(), out);
      writeInt(item.day(), out);
      writeString(item.rankingId(), out);
      writeInt(item.position(), out);
      writeInt(item.itemId(), out);
      writeBoolean(item.isOrder(), out);
    }

    @Override
    public ImpressedItem decode(InputStream in) throws IOException {
      return new ImpressedItem(
          readLong(in), readInt(in), readString(in), readInt(in), readInt(in), readBoolean(in));
    }
  }
}
