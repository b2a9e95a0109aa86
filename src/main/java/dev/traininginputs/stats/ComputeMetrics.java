package dev.traininginputs.stats;

import dev.traininginputs.model.Impression;
import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.parse.ParsedCsv;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The figures of SPEC §5, computed in the same run as the rows: each by its own Combine over the
 * data (never from Beam counters, which some runners report only as "attempted"), then merged into
 * one {@link RunMetrics}. Input: the training rows; the parsed sources and the rejected records are
 * given at construction. Output: exactly one element, also for empty inputs.
 */
public final class ComputeMetrics extends PTransform<PCollection<TrainingRow>, PCollection<RunMetrics>> {
  private final ParsedCsv<Impression> impressions;
  private final List<ParsedCsv<?>> actionSources;
  private final PCollection<RejectedRecord> rejected;
  private final int positions;

  public ComputeMetrics(ParsedCsv<Impression> impressions, List<ParsedCsv<?>> actionSources,
      PCollection<RejectedRecord> rejected, int positions) {
    this.impressions = impressions;
    this.actionSources = List.copyOf(actionSources);
    this.rejected = rejected;
    this.positions = positions;
  }

  @Override
  public PCollection<RunMetrics> expand(PCollection<TrainingRow> rows) {
    PCollectionList<RunMetrics> parts = PCollectionList.of(List.of(
        part(rows.apply("SummarizeHistories", new SummarizeHistories()), "History", RunMetrics::ofHistory),
        part(rows.apply("SequenceLengthDistribution", new SequenceLengthDistribution()), "Lengths", RunMetrics::ofLengths),
        part(rows.apply("ActionTypeFrequencyByPosition", new ActionTypeFrequencyByPosition(positions)),
            "Positions", RunMetrics::ofPositions),
        part(rows
                .apply("CustomerIds", MapElements.into(TypeDescriptors.longs()).via(r -> r.item().customerId()))
                .apply("DistinctCustomers", Distinct.create())
                .apply("CountCustomers", Count.globally()),
            "Customers", RunMetrics::ofCustomers),
        part(rejected.apply("CollectRejectionReasons", Combine.globally(
            new FoldFn<>(RejectionReasons.class, RejectionReasons::new, RejectionReasons::add))),
            "Rejections", RunMetrics::ofRejections)));
    parts = parts.and(sourceParts(impressions).getAll());
    for (ParsedCsv<?> source : actionSources) {
      parts = parts.and(sourceParts(source).getAll());
    }
    return parts
        .apply("FlattenFigures", Flatten.pCollections())
        .apply("MergeFigures",
            Combine.globally(new FoldFn<>(RunMetrics.class, RunMetrics::new, RunMetrics::mergeFrom)))
        .setCoder(SerializableCoder.of(RunMetrics.class));
  }

  /** Read, accepted and rejected lines of one source, each counted on its own. */
  private static PCollectionList<RunMetrics> sourceParts(ParsedCsv<?> parsed) {
    Source source = parsed.source();
    String name = source.id();
    String step = "Count" + name.substring(0, 1).toUpperCase() + name.substring(1);
    return PCollectionList.of(List.of(
        part(parsed.linesRead().apply(step + "Read", Sum.longsGlobally()),
            step + "ReadFigure", n -> RunMetrics.ofSource(name, new SourceCounts(n, 0, 0))),
        part(countAll(parsed.records(), step + "Accepted"),
            step + "AcceptedFigure", n -> RunMetrics.ofSource(name, new SourceCounts(0, n, 0))),
        part(countAll(parsed.rejected(), step + "Rejected"),
            step + "RejectedFigure", n -> RunMetrics.ofSource(name, new SourceCounts(0, 0, n)))));
  }

  private static <T> PCollection<Long> countAll(PCollection<T> elements, String name) {
    return elements.apply(name, Count.globally());
  }

  private static <T> PCollection<RunMetrics> part(
      PCollection<T> figure, String name, SerializableFunction<T, RunMetrics> toPart) {
    return figure
        .apply("As" + name + "Part", MapElements.into(TypeDescriptor.of(RunMetrics.class)).via(toPart))
        .setCoder(SerializableCoder.of(RunMetrics.class));
  }
}
