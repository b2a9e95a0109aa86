package dev.traininginputs.input;

import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.model.Source;
import dev.traininginputs.stats.MergeFigures;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.storage.BeamFiles;
import dev.traininginputs.storage.OutputStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * What a read task has to say besides its records: the rows it rejected and, per range of a file,
 * the rows read, accepted and rejected (SPEC §5 {@code sources}).
 *
 * <p>A read task writes them to a file of its own ({@link Writer}: {@code
 * DIR/SOURCE-TASK-ATTEMPT.notes}, renamed into place once complete), not as more outputs of the
 * reading step: a runner that hands several outputs of one step to several consumers must keep them
 * all, and the SparkRunner then persists the step's whole output — every parsed action — and reads
 * it back once per consumer, which cost more than the parsing itself. The reading step has one
 * output, its records, streamed to the one step that uses them.
 *
 * <p>The notes are read back ({@link #in}) once a collection that needs every record is complete:
 * one complete file per read task, the first by name, since every attempt of a task (a retried or
 * speculative one) writes the same notes; a killed attempt's unfinished file is never named {@code
 * .notes}.
 */
public final class ReadNotes extends PTransform<PBegin, ReadNotes.Notes> {
  static final String SUFFIX = ".notes";
  private static final byte REJECTED = 'R';
  private static final byte COUNTS = 'C';

  private final String directory;
  private final PCollection<?> after;

  private ReadNotes(String directory, PCollection<?> after) {
    this.directory = directory;
    this.after = after;
  }

  /**
   * The notes the readers wrote into {@code directory}, read once {@code after} is complete: a
   * collection that only exists when every read task has finished.
   */
  public static ReadNotes in(String directory, PCollection<?> after) {
    return new ReadNotes(directory, after);
  }

  @Override
  public Notes expand(PBegin input) {
    TupleTag<RejectedRecord> rejected = new TupleTag<>();
    TupleTag<RunMetrics> counts = new TupleTag<>();
    PCollectionTuple notes =
        input
            .apply("Directory", Create.of(directory).withCoder(StringUtf8Coder.of()))
            .apply("WhenAllRead", Wait.on(after))
            .apply("ListNotes", ParDo.of(new ListNotesFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply("ByReadTask", GroupByKey.create())
            .apply(
                "ReadNotes",
                ParDo.of(new ReadNotesFn(rejected, counts))
                    .withOutputTags(counts, TupleTagList.of(rejected)));
    return new Notes(
        rejected,
        notes.get(rejected).setCoder(RejectedRecord.Coder.of()),
        counts,
        notes.get(counts).setCoder(MergeFigures.coder()));
  }

  /** The rejected records and counts of every read task. */
  public static final class Notes implements POutput {
    private final TupleTag<RejectedRecord> rejectedTag;
    private final PCollection<RejectedRecord> rejected;
    private final TupleTag<RunMetrics> countsTag;
    private final PCollection<RunMetrics> counts;

    Notes(
        TupleTag<RejectedRecord> rejectedTag,
        PCollection<RejectedRecord> rejected,
        TupleTag<RunMetrics> countsTag,
        PCollection<RunMetrics> counts) {
      this.rejectedTag = rejectedTag;
      this.rejected = rejected;
      this.countsTag = countsTag;
      this.counts = counts;
    }

    /** Every rejected row of every source. */
    public PCollection<RejectedRecord> rejected() {
      return rejected;
    }

    /** One figure per range of a file: its data rows read, accepted and rejected. */
    public PCollection<RunMetrics> counts() {
      return counts;
    }

    @Override
    public Pipeline getPipeline() {
      return counts.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(rejectedTag, rejected, countsTag, counts);
    }

    @Override
    public void finishSpecifyingOutput(
        String transformName, PInput input, PTransform<?, ?> transform) {}
  }

  /**
   * The notes of one attempt of a read task: rejected records and counts as they come, each a
   * length-prefixed encoding after a tag byte. {@link #commit} renames the file into place; an
   * attempt that fails or is killed before leaves only a {@code .tmp} file, which nothing reads.
   */
  static final class Writer implements AutoCloseable {
    private final String temporary;
    private final String complete;
    private final DataOutputStream out;
    private boolean committed;

    /** A new notes file in {@code directory} for the read task {@code task} of {@code source}. */
    Writer(String directory, Source source, String task) throws IOException {
      String name =
          source.id()
              + "-"
              + UUID.nameUUIDFromBytes(task.getBytes(StandardCharsets.UTF_8))
              + "-"
              + UUID.randomUUID();
      complete = OutputStore.join(directory, name + SUFFIX);
      temporary = complete + ".tmp";
      out =
          new DataOutputStream(
              new BufferedOutputStream(
                  Channels.newOutputStream(BeamFiles.create(temporary, "application/octet-stream")),
                  1 << 16));
    }

    void rejected(RejectedRecord record) {
      put(REJECTED, record, RejectedRecord.Coder.of());
    }

    void counts(RunMetrics counts) {
      put(COUNTS, counts, MergeFigures.coder());
    }

    /**
     * Adds an entry. A failure is unchecked, so that a reader's handling of an unreadable input
     * cannot take it for one; the storage's message names the notes file.
     */
    private <T> void put(byte tag, T value, Coder<T> coder) {
      try {
        byte[] bytes = CoderUtils.encodeToByteArray(coder, value);
        out.write(tag);
        VarInt.encode(bytes.length, out);
        out.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Closes the file and renames it into place: from now on it is this task's notes. */
    void commit() throws IOException {
      out.close();
      committed = true;
      BeamFiles.rename(temporary, complete);
    }

    /** Closes an uncommitted file (a failed attempt), leaving it unread. */
    @Override
    public void close() throws IOException {
      if (!committed) {
        out.close();
      }
    }
  }

  /** Lists the complete notes files, keyed by source and read task. */
  private static final class ListNotesFn extends DoFn<String, KV<String, String>> {
    @ProcessElement
    public void process(@Element String directory, OutputReceiver<KV<String, String>> out)
        throws IOException {
      for (MatchResult.Metadata file : BeamFiles.match(OutputStore.join(directory, "*" + SUFFIX))) {
        String path = file.resourceId().toString();
        String name = file.resourceId().getFilename();
        // SOURCE-TASK-ATTEMPT.notes: the task is the part before the attempt's 36-character UUID.
        String task = name.substring(0, name.length() - SUFFIX.length() - 37);
        out.output(KV.of(task, path));
      }
    }
  }

  /** Reads the first complete notes file of a read task. */
  private static final class ReadNotesFn extends DoFn<KV<String, Iterable<String>>, RunMetrics> {
    private final TupleTag<RejectedRecord> rejected;
    private final TupleTag<RunMetrics> counts;

    ReadNotesFn(TupleTag<RejectedRecord> rejected, TupleTag<RunMetrics> counts) {
      this.rejected = rejected;
      this.counts = counts;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> task, MultiOutputReceiver out)
        throws IOException {
      List<String> attempts = new ArrayList<>();
      task.getValue().forEach(attempts::add);
      attempts.sort(null);
      String file = attempts.get(0);
      try (DataInputStream in =
          new DataInputStream(
              new BufferedInputStream(Channels.newInputStream(BeamFiles.open(file)), 1 << 16))) {
        for (int tag = in.read(); tag >= 0; tag = in.read()) {
          byte[] bytes = new byte[VarInt.decodeInt(in)];
          in.readFully(bytes);
          if (tag == REJECTED) {
            out.get(rejected).output(decode(RejectedRecord.Coder.of(), bytes));
          } else if (tag == COUNTS) {
            out.get(counts).output(decode(MergeFigures.coder(), bytes));
          } else {
            throw new IOException("corrupt notes file " + file + ": unknown entry " + tag);
          }
        }
      }
    }

    private static <T> T decode(Coder<T> coder, byte[] bytes) throws IOException {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    }
  }
}
