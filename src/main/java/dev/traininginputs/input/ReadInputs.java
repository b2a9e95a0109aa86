package dev.traininginputs.input;

import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.model.Source;
import dev.traininginputs.parse.CsvReader;
import dev.traininginputs.parse.InvalidValueException;
import dev.traininginputs.parse.RecordParser;
import dev.traininginputs.parse.RecordView;
import dev.traininginputs.stats.Counters;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.stats.SourceCounts;
import dev.traininginputs.stats.SteppedCounter;
import dev.traininginputs.storage.BeamFiles;
import dev.traininginputs.storage.BeamInputFile;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * Reads the files of one source, in any mix of formats ({@link InputFormat}, by file name): CSV,
 * JSON Lines and Parquet, and parses every row with a {@link RecordParser} through the one loop
 * over {@link InputRows}, whatever the format.
 *
 * <p>Output: the accepted records. Into the read tasks' notes ({@link ReadNotes}): a {@link
 * RejectedRecord} (file, line or row, reason, raw text or values) for every row that cannot be
 * read, and per file the rows read, accepted and rejected (counted apart from both outcomes, so
 * that read = accepted + rejected is a check, not an assumption). A compressed text file (gzip and
 * others, by extension) is read whole by one worker; an uncompressed text file larger than {@value
 * #SPLIT_BYTES} bytes is read in ranges of that size by several workers at once (one scan counts
 * its lines first, so that line numbers stay those of the whole file), and a Parquet file that
 * large in ranges of whole row groups (numbered from its footer). The headers and Parquet schemas
 * must have been checked before the run ({@link Inputs}); a file that cannot be read fails the run
 * ({@link UnreadableFileException}). Counters: {@link Counters#read}, {@link Counters#accepted},
 * {@link Counters#rejected} and one per rejected column.
 */
public final class ReadInputs<T> extends PTransform<PBegin, PCollection<T>> {
  /** Files larger than this are read in ranges of about this size, in parallel. */
  static final long SPLIT_BYTES = 64L << 20;

  /**
   * Files smaller than {@code splitBytes / SMALL_FILES_PER_TASK} are read together, about this many
   * to a task, so that a task reads at most about {@code splitBytes}.
   */
  static final int SMALL_FILES_PER_TASK = 16;

  private final List<String> files;
  private final RecordParser<T> parser;
  private final String notesDirectory;
  private final long splitBytes;

  private ReadInputs(
      List<String> files, RecordParser<T> parser, String notesDirectory, long splitBytes) {
    this.files = List.copyOf(files);
    this.parser = parser;
    this.notesDirectory = notesDirectory;
    this.splitBytes = splitBytes;
  }

  /**
   * Parses the given files (already matched and checked) with the given parser; the rejected rows
   * and counts go to {@code notesDirectory} ({@link ReadNotes}).
   */
  public static <T> ReadInputs<T> of(
      List<String> files, RecordParser<T> parser, String notesDirectory) {
    return new ReadInputs<>(files, parser, notesDirectory, SPLIT_BYTES);
  }

  /** Where the read tasks write their notes. */
  String notesDirectory() {
    return notesDirectory;
  }

  /** Reads in ranges of {@code splitBytes}: for tests, which split tiny files. */
  ReadInputs<T> withSplitBytes(long splitBytes) {
    return new ReadInputs<>(files, parser, notesDirectory, splitBytes);
  }

  @Override
  public PCollection<T> expand(PBegin input) {
    return input
        .apply("ListFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply("MatchFiles", FileIO.matchAll())
        .apply(
            "SplitFiles", ParDo.of(new SplitFileFn(parser.source(), splitBytes, smallFileTasks())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(FileRange.class)))
        // Ranges of one file must not stay in the partition that listed the file.
        .apply("IntoReadTasks", GroupByKey.create())
        .apply("ParseLines", ParDo.of(new ParseRangeFn<>(parser, notesDirectory)))
        .setCoder(recordCoder(input.getPipeline()));
  }

  /**
   * How many read tasks share the small files: about {@value #SMALL_FILES_PER_TASK} to a task. Each
   * task costs a runner something (the DirectRunner translates every step once per task); a lake's
   * table of one small file per day would otherwise pay that a thousand times.
   */
  private int smallFileTasks() {
    return Math.max(1, (files.size() + SMALL_FILES_PER_TASK - 1) / SMALL_FILES_PER_TASK);
  }

  /**
   * The read task of a range: a small file's (under {@code splitBytes / }{@value
   * #SMALL_FILES_PER_TASK}) is one of {@code smallFileTasks} shared ones, by its name; any other
   * range is a task of its own.
   */
  static String task(FileRange range, long fileBytes, long splitBytes, int smallFileTasks) {
    return fileBytes < splitBytes / SMALL_FILES_PER_TASK
        ? "small files " + Math.floorMod(range.file().hashCode(), smallFileTasks)
        : range.file() + "@" + range.start();
  }

  private Coder<T> recordCoder(Pipeline pipeline) {
    try {
      return pipeline.getCoderRegistry().getCoder(parser.outputType());
    } catch (CannotProvideCoderException e) {
      throw new IllegalStateException("no coder for " + parser.outputType(), e);
    }
  }

  /**
   * One range per file, or, for a big file, one per {@code splitBytes} of an uncompressed text file
   * or per row groups of about that size of a Parquet file; each keyed by its read task: a range of
   * its own, or, for a small file, one of {@code smallFileTasks} tasks shared by small files.
   */
  private static final class SplitFileFn extends DoFn<MatchResult.Metadata, KV<String, FileRange>> {
    private final Source source;
    private final long splitBytes;
    private final int smallFileTasks;

    SplitFileFn(Source source, long splitBytes, int smallFileTasks) {
      this.source = source;
      this.splitBytes = splitBytes;
      this.smallFileTasks = smallFileTasks;
    }

    @ProcessElement
    public void process(
        @Element MatchResult.Metadata file, OutputReceiver<KV<String, FileRange>> tasks)
        throws IOException {
      String name = file.resourceId().toString();
      String partition = HivePaths.partition(name, source);
      Consumer<FileRange> out =
          range ->
              tasks.output(KV.of(task(range, file.sizeBytes(), splitBytes, smallFileTasks), range));
      if (file.sizeBytes() <= splitBytes || !file.isReadSeekEfficient()) {
        out.accept(FileRange.whole(name, partition));
      } else if (InputFormat.of(name) == InputFormat.PARQUET) {
        splitRowGroups(file, partition, out);
      } else if (Compression.detect(name) == Compression.UNCOMPRESSED) {
        splitLines(file, partition, out);
      } else {
        out.accept(FileRange.whole(name, partition));
      }
    }

    private void splitLines(MatchResult.Metadata file, String partition, Consumer<FileRange> out)
        throws IOException {
      String name = file.resourceId().toString();
      long size = file.sizeBytes();
      long[] boundaries = new long[(int) ((size - 1) / splitBytes)];
      for (int i = 0; i < boundaries.length; i++) {
        boundaries[i] = (i + 1) * splitBytes;
      }
      long[] linesBefore;
      try (ReadableByteChannel channel = BeamFiles.open(file.resourceId())) {
        linesBefore = CsvReader.lineStartsBefore(channel, boundaries);
      }
      long start = 0;
      long firstLine = 1;
      for (int i = 0; i < boundaries.length; i++) {
        out.accept(new FileRange(name, partition, start, boundaries[i], firstLine));
        start = boundaries[i];
        firstLine = linesBefore[i] + 1;
      }
      out.accept(new FileRange(name, partition, start, Long.MAX_VALUE, firstLine));
    }

    /**
     * Ranges that start where a row group starts, each of whole row groups of about {@code
     * splitBytes}, numbered by the rows of the groups before; a reader of a range takes the groups
     * whose middle falls in it, that is exactly its own. A footer that cannot be read is left to
     * the reader, which says so.
     */
    private void splitRowGroups(
        MatchResult.Metadata file, String partition, Consumer<FileRange> out) throws IOException {
      String name = file.resourceId().toString();
      List<BlockMetaData> groups;
      try (ParquetFileReader reader =
          ParquetRows.open(new BeamInputFile(file), ParquetReadOptions.builder().build())) {
        groups = reader.getFooter().getBlocks();
      } catch (IOException e) {
        out.accept(FileRange.whole(name, partition));
        return;
      }
      long start = 0;
      long firstRow = 1;
      long rows = 0;
      for (BlockMetaData group : groups) {
        long groupStart = group.getStartingPos();
        if (rows > 0 && groupStart - start >= splitBytes) {
          out.accept(new FileRange(name, partition, start, groupStart, firstRow));
          start = groupStart;
          firstRow = rows + 1;
        }
        rows += group.getRowCount();
      }
      out.accept(new FileRange(name, partition, start, Long.MAX_VALUE, firstRow));
    }
  }

  /**
   * Reads the ranges of a read task, one after the other, in the order of their files and starts;
   * its one output is the records, its rejected rows and counts go to the task's notes.
   */
  private static final class ParseRangeFn<T> extends DoFn<KV<String, Iterable<FileRange>>, T> {
    private static final Comparator<FileRange> IN_FILE_ORDER =
        Comparator.comparing(FileRange::file).thenComparingLong(FileRange::start);

    private final RecordParser<T> parser;
    private final String notesDirectory;
    private final SteppedCounter read;
    private final SteppedCounter accepted;
    private final Counter rejectedCount;

    ParseRangeFn(RecordParser<T> parser, String notesDirectory) {
      this.parser = parser;
      this.notesDirectory = notesDirectory;
      Source source = parser.source();
      this.read = new SteppedCounter(Counters.read(source));
      this.accepted = new SteppedCounter(Counters.accepted(source));
      this.rejectedCount = Counters.rejected(source);
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<FileRange>> task, OutputReceiver<T> out)
        throws IOException {
      // Every attempt of the task writes the same notes: the ranges in one order.
      List<FileRange> ranges = new ArrayList<>();
      task.getValue().forEach(ranges::add);
      ranges.sort(IN_FILE_ORDER);
      try (ReadNotes.Writer notes =
          new ReadNotes.Writer(notesDirectory, parser.source(), task.getKey())) {
        for (FileRange range : ranges) {
          parse(range, out, notes);
        }
        notes.commit();
      } finally {
        read.flush();
        accepted.flush();
      }
    }

    private void parse(FileRange range, OutputReceiver<T> out, ReadNotes.Writer notes) {
      Source source = parser.source();
      String name = range.file();
      long lastRow = range.firstRow() - 1;
      try (InputRows rows = InputRows.open(range, source)) {
        long readRows = 0;
        long acceptedRows = 0;
        long rejectedRows = 0;
        long dayMismatches = 0;
        for (InputRows.Row row = rows.next(); row != null; row = rows.next()) {
          readRows++;
          lastRow = row.number();
          read.inc();
          try {
            RecordView view = row.view();
            out.output(parser.parse(view));
            accepted.inc();
            acceptedRows++;
            if (view.dayMismatch()) {
              dayMismatches++;
            }
          } catch (InvalidValueException e) {
            notes.rejected(
                new RejectedRecord(source.id(), name, row.number(), e.getMessage(), row.raw()));
            rejectedCount.inc();
            rejectedRows++;
            Counters.rejectedColumn(source, e.column()).inc();
          }
        }
        notes.counts(
            RunMetrics.ofSource(
                source, new SourceCounts(readRows, acceptedRows, rejectedRows, dayMismatches)));
      } catch (IOException e) {
        throw new UnreadableFileException(
            String.format(
                "%s file %s cannot be read after %s %d: %s",
                source,
                name,
                InputFormat.of(name) == InputFormat.PARQUET ? "row" : "line",
                lastRow,
                innermost(e)),
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
  }
}
