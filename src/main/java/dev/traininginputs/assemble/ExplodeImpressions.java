package dev.traininginputs.assemble;

import dev.traininginputs.model.ImpressedItem;
import dev.traininginputs.model.Impression;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Turns each impression into one {@link ImpressedItem} per element of its impressions array, with
 * the element's 0-based position. An empty array yields nothing.
 */
public final class ExplodeImpressions
    extends PTransform<PCollection<Impression>, PCollection<ImpressedItem>> {

  private ExplodeImpressions() {}

  public static ExplodeImpressions of() {
    return new ExplodeImpressions();
  }

  @Override
  public PCollection<ImpressedItem> expand(PCollection<Impression> impressions) {
    return impressions.apply("ExplodeItems", ParDo.of(new ExplodeFn()));
  }

  private static final class ExplodeFn extends DoFn<Impression, ImpressedItem> {
    @ProcessElement
    public void process(@Element Impression impression, OutputReceiver<ImpressedItem> out) {
      List<Impression.Item> items = impression.items();
      for (int position = 0; position < items.size(); position++) {
        Impression.Item item = items.get(position);
        out.output(
            new ImpressedItem(
                impression.customerId(),
                impression.day(),
                impression.rankingId(),
                position,
                item.itemId(),
                item.isOrder()));
      }
    }
  }
}
