package dev.traininginputs.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * One accepted impressions row: a ranking shown to a customer on a day.
 *
 * @param day the impression day as an epoch day
 * @param rankingId the ranking, a non-empty string
 * @param customerId the customer
 * @param items the impressed items in display order; may be empty
 */
@DefaultCoder(Impression.Coder.class)
public record Impression(int day, String rankingId, long customerId, List<Item> items) {

  public Impression {
    items = List.copyOf(items);
  }

  /**
   * The rows this impression row explodes into (SPEC §4): one impressed item per element of {@code
   * items}, with its 0-based position, in array order. The one place a row is exploded.
   */
  public List<ImpressedItem> impressedItems() {
    ImpressedItem[] exploded = new ImpressedItem[items.size()];
    for (int position = 0; position < exploded.length; position++) {
      Item item = items.get(position);
      exploded[position] =
          new ImpressedItem(customerId, day, rankingId, position, item.itemId(), item.isOrder());
    }
    return List.of(exploded);
  }

  /** One element of the {@code impressions} JSON array. */
  public record Item(int itemId, boolean isOrder) {}

  /** Encodes an {@link Impression} with its items. */
  public static final class Coder extends ValueCoder<Impression> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    /** Found by {@link DefaultCoder}: how the pipeline infers this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Impression.class), INSTANCE);
    }

    @Override
    public void encode(Impression impression, OutputStream out) throws IOException {
      writeInt(impression.day(), out);
      writeString(impression.rankingId(), out);
      writeLong(impression.customerId(), out);
      writeInt(impression.items().size(), out);
      for (Item item : impression.items()) {
        writeInt(item.itemId(), out);
        writeBoolean(item.isOrder(), out);
      }
    }

    @Override
    public Impression decode(InputStream in) throws IOException {
      int day = readInt(in);
      String rankingId = readString(in);
      long customerId = readLong(in);
      Item[] items = new Item[readInt(in)];
      for (int i = 0; i < items.length; i++) {
        items[i] = new Item(readInt(in), readBoolean(in));
      }
      return new Impression(day, rankingId, customerId, Arrays.asList(items));
    }
  }
}
