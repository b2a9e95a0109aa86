package dev.traininginputs.parse;

import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.model.Source;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What {@link ParseCsv} produces for one source: the accepted records, the rejected records, and
 * the number of data lines read in each file, counted apart from both so that read = accepted +
 * rejected is a check, not an assumption.
 */
public final class ParsedCsv<T> implements PInput, POutput {
  private final Source source;
  private final TupleTag<T> recordsTag;
  private final PCollection<T> records;
  private final TupleTag<RejectedRecord> rejectedTag;
  private final PCollection<RejectedRecord> rejected;
  private final TupleTag<Long> linesReadTag;
  private final PCollection<Long> linesRead;

  ParsedCsv(Source source,
      TupleTag<T> recordsTag, PCollection<T> records,
      TupleTag<RejectedRecord> rejectedTag, PCollection<RejectedRecord> rejected,
      TupleTag<Long> linesReadTag, PCollection<Long> linesRead) {
    this.source = source;
    this.recordsTag = recordsTag;
    this.records = records;
    this.rejectedTag = rejectedTag;
    this.rejected = rejected;
    this.linesReadTag = linesReadTag;
    this.linesRead = linesRead;
  }

  public Source source() {
    return source;
  }

  public PCollection<T> records() {
    return records;
  }

  public PCollection<RejectedRecord> rejected() {
    return rejected;
  }

  /** One element per file: its number of data lines (not the header, not blank lines). */
  public PCollection<Long> linesRead() {
    return linesRead;
  }

  @Override
  public Pipeline getPipeline() {
    return records.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(recordsTag, records, rejectedTag, rejected, linesReadTag, linesRead);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
