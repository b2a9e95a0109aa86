package dev.traininginputs.parse;

import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.model.Source;
import dev.traininginputs.stats.Counters;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads the CSV files of one source and parses every data line with a {@link RecordParser}.
 *
 * <p>Output ({@link ParsedCsv}): the accepted records, a {@link RejectedRecord} (file, line,
 * reason, raw text) for every line that cannot be read, and the number of data lines of each file,
 * so that read = accepted + rejected can be checked for each source. Files are
 * read whole by one worker each (gzip and other compressions by extension); the headers must have
 * been checked before the run ({@code io.CsvInputs}). Counters: {@link Counters#read},
 * {@link Counters#accepted}, {@link Counters#rejected} and one per rejected column.
 */
public final class ParseCsv<T> extends PTransform<PBegin, ParsedCsv<T>> {
  private final List<String> files;
  private final RecordParser<T> parser;

  private ParseCsv(List<String> files, RecordParser<T> parser) {
    this.files = List.copyOf(files);
    this.parser = parser;
  }

  /** Parses the given files (already matched and checked) with the given parser. */
  public static <T> ParseCsv<T> of(List<String> files, RecordParser<T> parser) {
    return new ParseCsv<>(files, parser);
  }

  @Override
  public ParsedCsv<T> expand(PBegin input) {
    TupleTag<T> records = new TupleTag<>();
    TupleTag<RejectedRecord> rejected = new TupleTag<>();
    TupleTag<Long> linesRead = new TupleTag<>();
    PCollectionTuple parsed =
        input
            .apply("ListFiles", Create.of(files))
            .apply("MatchFiles", FileIO.matchAll())
            .apply("OpenFiles", FileIO.readMatches())
            .apply(
                "ParseLines",
                ParDo.of(new ParseFileFn<>(parser, records, rejected, linesRead))
                    .withOutputTags(records, TupleTagList.of(rejected).and(linesRead)));
    return new ParsedCsv<>(parser.source(),
        records, parsed.get(records).setCoder(recordCoder(input.getPipeline())),
        rejected, parsed.get(rejected).setCoder(RejectedRecord.Coder.of()),
        linesRead, parsed.get(linesRead).setCoder(VarLongCoder.of()));
  }

  private Coder<T> recordCoder(Pipeline pipeline) {
    try {
      return pipeline.getCoderRegistry().getCoder(parser.outputType());
    } catch (CannotProvideCoderException e) {
      throw new IllegalStateException("no coder for " + parser.outputType(), e);
    }
  }

  private static final class ParseFileFn<T> extends DoFn<ReadableFile, T> {
    private final RecordParser<T> parser;
    private final TupleTag<T> records;
    private final TupleTag<RejectedRecord> rejected;
    private final TupleTag<Long> linesRead;
    private final Counter read;
    private final Counter accepted;
    private final Counter rejectedCount;

    ParseFileFn(RecordParser<T> parser, TupleTag<T> records, TupleTag<RejectedRecord> rejected,
        TupleTag<Long> linesRead) {
      this.parser = parser;
      this.records = records;
      this.rejected = rejected;
      this.linesRead = linesRead;
      Source source = parser.source();
      this.read = Counters.read(source);
      this.accepted = Counters.accepted(source);
      this.rejectedCount = Counters.rejected(source);
    }

    @ProcessElement
    public void process(@Element ReadableFile file, MultiOutputReceiver out) throws IOException {
      Source source = parser.source();
      String name = file.getMetadata().resourceId().toString();
      try (CsvReader csv = CsvReader.open(file.open())) {
        CsvHeader header = header(name, csv.next());
        long lines = 0;
        for (CsvReader.Line line = csv.next(); line != null; line = csv.next()) {
          lines++;
          read.inc();
          try {
            out.get(records).output(parser.parse(header.row(line.text())));
            accepted.inc();
          } catch (InvalidValueException e) {
            out.get(rejected)
                .output(
                    new RejectedRecord(
                        source.id(), name, line.number(), e.getMessage(), line.text()));
            rejectedCount.inc();
            Counters.rejectedColumn(source, e.column()).inc();
          }
        }
        out.get(linesRead).output(lines);
      }
    }

    /** The header was checked before the run; a file that changed since is a hard failure. */
    private CsvHeader header(String file, CsvReader.Line line) {
      try {
        CsvHeader header = CsvHeader.parse(line == null ? "" : line.text());
        List<String> missing = header.missing(parser.source().requiredColumns());
        if (line == null || !missing.isEmpty()) {
          throw new IllegalStateException(
              file + " changed during the run: its header lacks " + missing);
        }
        return header;
      } catch (InvalidValueException e) {
        throw new IllegalStateException(file + " changed during the run: " + e.getMessage(), e);
      }
    }
  }
}
