package dev.traininginputs.output;

import dev.traininginputs.layout.RowLayout;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.HistoryRows;
import dev.traininginputs.stats.FigureCoder;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.storage.BeamFiles;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes training rows as Parquet in a {@link RowLayout} through Beam's file systems (any storage),
 * as many files per impression day as its size needs ({@link FilesPerDay}): {@code
 * DIR/dt=YYYY-MM-DD/part-RUNID-SHARD.parquet}, each staged under a name of its own per attempt and
 * listed in {@code DIR/_FILES} once written ({@link WrittenFiles}). A row's shard is a hash of its
 * customer, so a customer's rows of one day share a file, and the files of a day are written by as
 * many tasks. Input: one {@link HistoryRows} per customer and day, so that the shuffle to the
 * writer carries, and the writer holds, each history once rather than once per impressed item.
 *
 * <p>Why not {@code FileIO}: its runner-chosen sharding names files by their position in a list of
 * results that some runners split (two lists each finalizing a {@code 00000-of-00001} file for the
 * same day loses one of them), and on the DirectRunner it writes a file per bundle. Here a file's
 * name follows from its (day, shard) key alone, every attempt writes its own staged copy, and the
 * publish takes only the copies that tasks reported, so a re-run task cannot double or tear a file.
 *
 * <p>Output: one {@link RunMetrics} per file with the row figures of SPEC §5 (per day, lengths,
 * types, types by position) over the rows it wrote. The writer iterates every row anyway; taking
 * the figures here spares the rows a second consumer, which the SparkRunner would answer by caching
 * them or, when they do not fit, by building them again.
 */
public final class WriteTrainingRows
    extends PTransform<PCollection<HistoryRows>, PCollection<RunMetrics>> {
  private final String directory;
  private final String runId;
  private final int analysisPositions;
  private final RowLayout layout;
  private final FilesPerDay files;

  private WriteTrainingRows(
      String directory, String runId, int analysisPositions, RowLayout layout, FilesPerDay files) {
    this.directory = directory;
    this.runId = runId;
    this.analysisPositions = analysisPositions;
    this.layout = layout;
    this.files = files;
  }

  /**
   * Writes rows in {@code layout} into {@code directory} (the run's staging folder) with {@code
   * runId} in every file name, each day into the number of files {@code files} gives; the figures
   * analyse {@code analysisPositions} leading positions.
   */
  public static WriteTrainingRows of(
      String directory, String runId, int analysisPositions, RowLayout layout, FilesPerDay files) {
    return new WriteTrainingRows(directory, runId, analysisPositions, layout, files);
  }

  @Override
  public PCollection<RunMetrics> expand(PCollection<HistoryRows> rows) {
    return rows.apply(
            "KeyByDayAndShard", ParDo.of(new KeyByFileFn(files)).withSideInputs(files.rowsPerDay()))
        .setCoder(
            KvCoder.of(KvCoder.of(VarIntCoder.of(), VarIntCoder.of()), HistoryRows.Coder.of()))
        .apply("GroupByFile", GroupByKey.create())
        .apply(
            "WriteParquetFiles",
            ParDo.of(new WriteFileFn(directory, runId, analysisPositions, layout)))
        .setCoder(FigureCoder.of(WrittenFile.class))
        .apply("ListWrittenFiles", WrittenFiles.listedIn(directory));
  }

  /** A stable spread of customers over the shards of a day. */
  static int shard(long customerId, int shards) {
    return Math.floorMod(Long.hashCode(customerId * 0x9E3779B97F4A7C15L), shards);
  }

  /** Keys each customer-day by its day and its shard among the files of that day. */
  private static final class KeyByFileFn
      extends DoFn<HistoryRows, KV<KV<Integer, Integer>, HistoryRows>> {
    private final FilesPerDay files;

    KeyByFileFn(FilesPerDay files) {
      this.files = files;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      HistoryRows rows = context.element();
      Long dayRows = context.sideInput(files.rowsPerDay()).get(rows.day());
      // Every built day is in the map; the fallback only keeps a misuse from failing here.
      int shards = FilesPerDay.files(dayRows == null ? 0 : dayRows, files.rowsPerFile());
      context.output(KV.of(KV.of(rows.day(), shard(rows.customerId(), shards)), rows));
    }
  }

  private static final class WriteFileFn
      extends DoFn<KV<KV<Integer, Integer>, Iterable<HistoryRows>>, WrittenFile> {
    private final String directory;
    private final String runId;
    private final int analysisPositions;
    private final RowLayout layout;

    WriteFileFn(String directory, String runId, int analysisPositions, RowLayout layout) {
      this.directory = directory;
      this.runId = runId;
      this.analysisPositions = analysisPositions;
      this.layout = layout;
    }

    @ProcessElement
    public void process(
        @Element KV<KV<Integer, Integer>, Iterable<HistoryRows>> file,
        OutputReceiver<WrittenFile> out)
        throws IOException {
      int day = file.getKey().getKey();
      int shard = file.getKey().getValue();
      String name =
          StagedOutput.DAY_PREFIX
              + Days.format(day)
              + "/"
              + String.format("part-%s-%05d.parquet", runId, shard);
      String staged = WrittenFile.attemptName(name);
      RunMetrics figures = RunMetrics.ofRows(analysisPositions);
      try (ParquetWriter<GenericRecord> writer =
          TrainingRowParquet.writer(
              BeamFiles.create(OutputStore.join(directory, staged), TrainingRowParquet.MIME_TYPE),
              layout)) {
        for (HistoryRows customerDay : file.getValue()) {
          for (GenericRecord record : layout.records(customerDay)) {
            writer.write(record);
          }
          // The figures describe the training examples, whatever the layout (SPEC §5): the
          // history once, weighted by the impressed items that share it.
          figures.add(customerDay.day(), customerDay.history(), customerDay.size());
          FaultInjection.haltOnce("while writing " + staged);
        }
      }
      out.output(new WrittenFile(name, staged, figures));
    }
  }
}
