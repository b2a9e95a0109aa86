package dev.traininginputs.input;

import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.model.Source;
import dev.traininginputs.parse.CsvHeader;
import dev.traininginputs.parse.CsvReader;
import dev.traininginputs.parse.InvalidValueException;
import dev.traininginputs.parse.RecordParser;
import dev.traininginputs.stats.Counters;
import dev.traininginputs.stats.MergeFigures;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.stats.SourceCounts;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
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
 * <p>Output ({@link Parsed}): the accepted records, a {@link RejectedRecord} (file, line, reason,
 * raw text) for every line that cannot be read, and per file the data lines read, accepted and
 * rejected, so that read = accepted + rejected can be checked for each source. Files are read whole
 * by one worker each (gzip and other compressions by extension); the headers must have been checked
 * before the run ({@code io.CsvInputs}). Counters: {@link Counters#read}, {@link
 * Counters#accepted}, {@link Counters#rejected} and one per rejected column.
 */
public final class ReadCsv<T> extends PTransform<PBegin, Parsed<T>> {
  private final List<String> files;
  private final RecordParser<T> parser;

  private ReadCsv(List<String> files, RecordParser<T> parser) {
    this.files = List.copyOf(files);
    this.parser = parser;
  }

  /** Parses the given files (already matched and checked) with the given parser. */
  public static <T> ReadCsv<T> of(List<String> files, RecordParser<T> parser) {
    return new ReadCsv<>(files, parser);
  }

  @Override
  public Parsed<T> expand(PBegin input) {
    TupleTag<T> records = new TupleTag<>();
    TupleTag<RejectedRecord> rejected = new TupleTag<>();
    TupleTag<RunMetrics> counts = new TupleTag<>();
    PCollectionTuple parsed =
        input
            .apply("ListFiles", Create.of(files))
            .apply("MatchFiles", FileIO.matchAll())
            .apply("OpenFiles", FileIO.readMatches())
            .apply(
                "ParseLines",
                ParDo.of(new ParseFileFn<>(parser, records, rejected, counts))
                    .withOutputTags(records, TupleTagList.of(rejected).and(counts)));
    return new Parsed<>(
        records, parsed.get(records).setCoder(recordCoder(input.getPipeline())),
        rejected, parsed.get(rejected).setCoder(RejectedRecord.Coder.of()),
        counts, parsed.get(counts).setCoder(MergeFigures.coder()));
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
    private final TupleTag<RunMetrics> counts;
    private final Counter read;
    private final Counter accepted;
    private final Counter rejectedCount;

    ParseFileFn(
        RecordParser<T> parser,
        TupleTag<T> records,
        TupleTag<RejectedRecord> rejected,
        TupleTag<RunMetrics> counts) {
      this.parser = parser;
      this.records = records;
      this.rejected = rejected;
      this.counts = counts;
      Source source = parser.source();
      this.read = Counters.read(source);
      this.accepted = Counters.accepted(source);
      this.rejectedCount = Counters.rejected(source);
    }

    @ProcessElement
    public void process(@Element ReadableFile file, MultiOutputReceiver out) {
      Source source = parser.source();
      String name = file.getMetadata().resourceId().toString();
      long lastLine = 0;
      try (CsvReader csv = CsvReader.open(file.open())) {
        CsvHeader header = header(name, csv.next());
        long lines = 0;
        long acceptedLines = 0;
        long rejectedLines = 0;
        for (CsvReader.Line line = csv.next(); line != null; line = csv.next()) {
          lines++;
          lastLine = line.number();
          read.inc();
          try {
            out.get(records).output(parser.parse(header.row(line.text())));
            accepted.inc();
            acceptedLines++;
          } catch (InvalidValueException e) {
            out.get(rejected)
                .output(
                    new RejectedRecord(
                        source.id(), name, line.number(), e.getMessage(), line.text()));
            rejectedCount.inc();
            rejectedLines++;
            Counters.rejectedColumn(source, e.column()).inc();
          }
        }
        out.get(counts)
            .output(
                RunMetrics.ofSource(source, new SourceCounts(lines, acceptedLines, rejectedLines)));
      } catch (IOException e) {
        throw new UnreadableFileException(
            String.format(
                "%s file %s cannot be read after line %d: %s",
                source, name, lastLine, innermost(e)),
            e);
      }
    }

    /**
     * The innermost cause, which says what went wrong: {@code EOFException: Unexpected end ...}.
     */
    private static String innermost(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      if (root instanceof java.io.EOFException && root.getMessage() == null) {
        return "the file ends unexpectedly (EOFException): cut short, or corrupt compression";
      }
      return root.getClass().getSimpleName()
          + (root.getMessage() == null ? "" : ": " + root.getMessage());
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
