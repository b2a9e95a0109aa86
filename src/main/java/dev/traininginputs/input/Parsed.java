package dev.traininginputs.input;

import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.stats.RunMetrics;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What a reader produces for one source: the accepted records, the rejected records, and one figure
 * per file with its rows read, accepted and rejected. Rows read are counted apart from both
 * outcomes, so that read = accepted + rejected is a check, not an assumption; and the counts come
 * from the reader itself, so that nothing else has to consume the records to count them.
 */
public final class Parsed<T> implements POutput {
  private final TupleTag<T> recordsTag;
  private final PCollection<T> records;
  private final TupleTag<RejectedRecord> rejectedTag;
  private final PCollection<RejectedRecord> rejected;
  private final TupleTag<RunMetrics> countsTag;
  private final PCollection<RunMetrics> counts;

  Parsed(
      TupleTag<T> recordsTag,
      PCollection<T> records,
      TupleTag<RejectedRecord> rejectedTag,
      PCollection<RejectedRecord> rejected,
      TupleTag<RunMetrics> countsTag,
      PCollection<RunMetrics> counts) {
    this.recordsTag = recordsTag;
    this.records = records;
    this.rejectedTag = rejectedTag;
    this.rejected = rejected;
    this.countsTag = countsTag;
    this.counts = counts;
  }

  public PCollection<T> records() {
    return records;
  }

  public PCollection<RejectedRecord> rejected() {
    return rejected;
  }

  /** One figure per file: its data rows read, accepted and rejected (SPEC §5 {@code sources}). */
  public PCollection<RunMetrics> counts() {
    return counts;
  }

  @Override
  public Pipeline getPipeline() {
    return records.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(recordsTag, records, rejectedTag, rejected, countsTag, counts);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
