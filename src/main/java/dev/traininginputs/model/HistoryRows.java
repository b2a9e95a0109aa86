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
 * The training rows of one customer on one impression day: every impression row of that customer
 * and day, all sharing one history. This is what crosses the shuffle to the writer, so that a
 * history is encoded, decoded and held once per customer and day instead of once per impressed
 * item; the impression rows stay whole, so that a layout can write them as they came (SPEC §4).
 *
 * @param history the customer's history before the day
 * @param impressions the impression rows of that customer and day, each with at least one item
 */
@DefaultCoder(HistoryRows.Coder.class)
public record HistoryRows(History history, List<Impression> impressions) {

  public HistoryRows {
    if (impressions.isEmpty()) {
      throw new IllegalArgumentException("a history without impressions has no rows");
    }
    for (Impression impression : impressions) {
      if (impression.items().isEmpty()) {
        throw new IllegalArgumentException("an impression row without items has no rows");
      }
    }
    impressions = List.copyOf(impressions);
  }

  public long customerId() {
    return impressions.get(0).customerId();
  }

  /** The impression day as an epoch day. */
  public int day() {
    return impressions.get(0).day();
  }

  /** The number of training rows: impressed items. */
  public int size() {
    int size = 0;
    for (Impression impression : impressions) {
      size += impression.items().size();
    }
    return size;
  }

  /** One row per impressed item, in impression row and then array order. */
  public List<TrainingRow> rows() {
    List<TrainingRow> rows = new ArrayList<>(size());
    for (Impression impression : impressions) {
      for (ImpressedItem item : impression.impressedItems()) {
        rows.add(new TrainingRow(item, history));
      }
    }
    return rows;
  }

  /** Encodes the history once, then the impression rows. */
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
      writeInt(rows.impressions().size(), out);
      for (Impression impression : rows.impressions()) {
        Impression.Coder.of().encode(impression, out);
      }
    }

    @Override
    public HistoryRows decode(InputStream in) throws IOException {
      History history = History.Coder.of().decode(in);
      Impression[] impressions = new Impression[readInt(in)];
      for (int i = 0; i < impressions.length; i++) {
        impressions[i] = Impression.Coder.of().decode(in);
      }
      return new HistoryRows(history, List.of(impressions));
    }
  }
}
