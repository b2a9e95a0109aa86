package dev.traininginputs.input;

import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.model.Source;
import dev.traininginputs.parse.CsvHeader;
import dev.traininginputs.parse.CsvReader;
import dev.traininginputs.parse.CsvRow;
import dev.traininginputs.parse.InvalidValueException;
import dev.traininginputs.parse.JsonRow;
import dev.traininginputs.parse.RecordParser;
import dev.traininginputs.parse.RecordView;
import dev.traininginputs.stats.Counters;
import dev.traininginputs.stats.MergeFigures;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.stats.SourceCounts;
import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads the text files of one source, CSV and JSON Lines ({@link InputFormat}, by file name, mixed
 * freely), and parses every data line with a {@link RecordParser}: a CSV line through its file's
 * header ({@link CsvRow}), a JSON line as an object ({@link JsonRow}).
 *
 * <p>Output ({@link Parsed}): the accepted records, a {@link RejectedRecord} (file, line, reason,
 * raw text) for every line that cannot be read, and per file the data lines read, accepted and
 * rejected, so that read = accepted + rejected can be checked for each source. A compressed file
 * (gzip and others, by extension) is read whole by one worker; an uncompressed file larger than
 * {@value #SPLIT_BYTES} bytes is read in ranges of that size by several workers at once (one scan
 * counts its lines first, so that line numbers stay those of the whole file). The headers must have
 * been checked before the run ({@link CsvInputs}). Counters: {@link Counters#read}, {@link
 * Counters#accepted}, {@link Counters#rejected} and one per rejected column.
 */
public final class ReadText<T> extends PTransform<PBegin, Parsed<T>> {
  /** Uncompressed files larger than this are read in ranges of this size, in parallel. */
  static final long SPLIT_BYTES = 64L << 20;

  private final List<String> files;
  private final RecordParser<T> parser;
  private final long splitBytes;

  private ReadText(List<String> files, RecordParser<T> parser, long splitBytes) {
    this.files = List.copyOf(files);
    this.parser = parser;
    this.splitBytes = splitBytes;
  }

  /** Parses the given files (already matched and checked) with the given parser. */
  public static <T> ReadText<T> of(List<String> files, RecordParser<T> parser) {
    return new ReadText<>(files, parser, SPLIT_BYTES);
  }

  /** Reads in ranges of {@code splitBytes}: for tests, which split tiny files. */
  ReadText<T> withSplitBytes(long splitBytes) {
    return new ReadText<>(files, parser, splitBytes);
  }

  /**
   * The lines of {@code file} that start in {@code [start, end)}, the first of them numbered {@code
   * firstLine}; {@code end} is {@link Long#MAX_VALUE} for the last range of a file. {@code
   * partition} is the file's partition folder ({@link HivePaths#partition}), or {@code null}.
   */
  record FileRange(String file, String partition, long start, long end, long firstLine)
      implements Serializable {}

  @Override
  public Parsed<T> expand(PBegin input) {
    TupleTag<T> records = new TupleTag<>();
    TupleTag<RejectedRecord> rejected = new TupleTag<>();
    TupleTag<RunMetrics> counts = new TupleTag<>();
    PCollectionTuple parsed =
        input
            .apply("ListFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
            .apply("MatchFiles", FileIO.matchAll())
            .apply("SplitFiles", ParDo.of(new SplitFileFn(parser.source(), splitBytes)))
            .setCoder(SerializableCoder.of(FileRange.class))
            // Ranges of one file must not stay in the partition that listed the file.
            .apply("SpreadRanges", Reshuffle.viaRandomKey())
            .apply(
                "ParseLines",
                ParDo.of(new ParseRangeFn<>(parser, records, rejected, counts))
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

  /** One range per file, or per {@code splitBytes} of a big uncompressed file. */
  private static final class SplitFileFn extends DoFn<MatchResult.Metadata, FileRange> {
    private final Source source;
    private final long splitBytes;

    SplitFileFn(Source source, long splitBytes) {
      this.source = source;
      this.splitBytes = splitBytes;
    }

    @ProcessElement
    public void process(@Element MatchResult.Metadata file, OutputReceiver<FileRange> out)
        throws IOException {
      String name = file.resourceId().toString();
      String partition = HivePaths.partition(name, source);
      long size = file.sizeBytes();
      if (size <= splitBytes
          || !file.isReadSeekEfficient()
          || Compression.detect(name) != Compression.UNCOMPRESSED) {
        out.output(new FileRange(name, partition, 0, Long.MAX_VALUE, 1));
        return;
      }
      long[] boundaries = new long[(int) ((size - 1) / splitBytes)];
      for (int i = 0; i < boundaries.length; i++) {
        boundaries[i] = (i + 1) * splitBytes;
      }
      long[] linesBefore;
      try (ReadableByteChannel channel = FileSystems.open(file.resourceId())) {
        linesBefore = CsvReader.lineStartsBefore(channel, boundaries);
      }
      long start = 0;
      long firstLine = 1;
      for (int i = 0; i < boundaries.length; i++) {
        out.output(new FileRange(name, partition, start, boundaries[i], firstLine));
        start = boundaries[i];
        firstLine = linesBefore[i] + 1;
      }
      out.output(new FileRange(name, partition, start, Long.MAX_VALUE, firstLine));
    }
  }

  private static final class ParseRangeFn<T> extends DoFn<FileRange, T> {
    private final RecordParser<T> parser;
    private final TupleTag<T> records;
    private final TupleTag<RejectedRecord> rejected;
    private final TupleTag<RunMetrics> counts;
    private final Counter read;
    private final Counter accepted;
    private final Counter rejectedCount;

    ParseRangeFn(
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
    public void process(@Element FileRange range, MultiOutputReceiver out) {
      Source source = parser.source();
      String name = range.file();
      long lastLine = range.firstLine() - 1;
      try (CsvReader csv = open(range)) {
        // JSON Lines have no header: each line names its own fields.
        boolean json = InputFormat.of(name) == InputFormat.JSON_LINES;
        CsvHeader header = json ? null : range.start() == 0 ? header(range, csv) : header(range);
        long lines = 0;
        long acceptedLines = 0;
        long rejectedLines = 0;
        long dayMismatches = 0;
        for (CsvReader.Line line = csv.next(); line != null; line = csv.next()) {
          lines++;
          lastLine = line.number();
          read.inc();
          try {
            RecordView row =
                json
                    ? JsonRow.parse(line.text(), range.partition())
                    : header.row(line.text(), range.partition());
            out.get(records).output(parser.parse(row));
            accepted.inc();
            acceptedLines++;
            if (row.dayMismatch()) {
              dayMismatches++;
            }
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
                RunMetrics.ofSource(
                    source, new SourceCounts(lines, acceptedLines, rejectedLines, dayMismatches)));
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

    /** A reader of the range's lines; the first range of a file starts with its header. */
    private static CsvReader open(FileRange range) throws IOException {
      ResourceId id = FileSystems.matchNewResource(range.file(), false);
      if (range.start() == 0 && range.end() == Long.MAX_VALUE) {
        return CsvReader.open(
            Compression.detect(range.file()).readDecompressed(FileSystems.open(id)));
      }
      return CsvReader.openRange(
          (SeekableByteChannel) FileSystems.open(id),
          range.start(),
          range.end(),
          range.firstLine());
    }

    /** The header of a file whose later range is being read. */
    private CsvHeader header(FileRange range) throws IOException {
      try (CsvReader reader =
          CsvReader.open(FileSystems.open(FileSystems.matchNewResource(range.file(), false)))) {
        return header(range, reader);
      }
    }

    /** The header was checked before the run; a file that changed since is a hard failure. */
    private CsvHeader header(FileRange range, CsvReader reader) throws IOException {
      String file = range.file();
      CsvReader.Line line = reader.next();
      try {
        CsvHeader header = CsvHeader.parse(line == null ? "" : line.text());
        List<String> missing =
            header.missing(parser.source().requiredColumns(range.partition() != null));
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
