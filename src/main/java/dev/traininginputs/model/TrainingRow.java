package dev.traininginputs.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * One output row (SPEC §4): an impressed item with its label and the customer's history.
 *
 * @param item the impressed item, its day, ranking, customer and position
 * @param history the customer's history before the item's day
 */
@DefaultCoder(TrainingRow.Coder.class)
public record TrainingRow(ImpressedItem item, History history) {

  /** The impression day as {@code YYYY-MM-DD}: the {@code dt} column and output folder. */
  public String dt() {
    return Days.format(item.day());
  }

  /** Encodes a {@link TrainingRow}: the item, then the history without its padding. */
  public static final class Coder extends ValueCoder<TrainingRow> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    /** Found by {@link DefaultCoder}: how the pipeline infers this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(TrainingRow.class), INSTANCE);
    }

    @Override
    public void encode(TrainingRow row, OutputStream out) throws IOException {
      ImpressedItem.Coder.of().encode(row.item(), out);
      History.Coder.of().encode(row.history(), out);
    }

    @Override
    public TrainingRow decode(InputStream in) throws IOException {
      return new TrainingRow(ImpressedItem.Coder.of().decode(in), History.Coder.of().decode(in));
    }
  }
}
