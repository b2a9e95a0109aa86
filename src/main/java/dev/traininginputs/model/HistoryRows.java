package dev.traininginputs.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The training rows of one customer on one impression day: every item the customer was shown that
 * day, all sharing one history. This is what crosses the shuffle to the writer, so that a history
 * is encoded, decoded and held once per customer and day instead of once per impressed item.
 *
 * @param history the customer's history before the day
 * @param items the impressed items of that customer and day; at least one
 */
@DefaultCoder(HistoryRows.Coder.class)
public record HistoryRows(History history, List<ImpressedItem> items) {

  public HistoryRows {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a history without impressed items has no rows");
    }
    items = List.copyOf(items);
  }

  public long customerId() {
    return items.get(0).customerId();
  }

  /** The impression day as an epoch day. */
  public int day() {
    return items.get(0).day();
  }

  /** One row per impressed item. */
  public List<TrainingRow> rows() {
    List<TrainingRow> rows = new ArrayList<>(items.size());
    for (ImpressedItem item : items) {
      rows.add(new TrainingRow(item, history));
    }
    return rows;
  }

  /** Encodes the history once, then the items. */
  public static final class Coder extends ValueCoder<HistoryRows> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    /** Found by {@link DefaultCoder}: how the pipeline infers this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(HistoryRows.class), INSTANCE);
    }

    @Override
    public void encode(HistoryRows rows, OutputStream out) throws IOException {
      History.Coder.of().encode(rows.history(), out);
      writeInt(rows.items().size(), out);
      for (ImpressedItem item : rows.items()) {
        ImpressedItem.Coder.of().encode(item, out);
      }
    }

    @Override
    public HistoryRows decode(InputStream in) throws IOException {
      History history = History.Coder.of().decode(in);
      ImpressedItem[] items = new ImpressedItem[readInt(in)];
      for (int i = 0; i < items.length; i++) {
        items[i] = ImpressedItem.Coder.of().decode(in);
      }
      return new HistoryRows(history, List.of(items));
    }
  }
}
