package dev.traininginputs.io;

import dev.traininginputs.model.Days;
import dev.traininginputs.model.TrainingRow;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes training rows as Parquet, {@code shardsPerDay} files per impression day at most:
 * {@code DIR/dt=YYYY-MM-DD/part-RUNID-SHARD.parquet}. A row's shard is a hash of its customer, so
 * a customer's rows of one day share a file.
 *
 * <p>Why not {@code FileIO}: its runner-chosen sharding names files by their position in a list
 * of results that some runners split (two lists each finalizing a {@code 00000-of-00001} file
 * for the same day loses one of them), and on the DirectRunner it writes a file per bundle. Here
 * a file's name follows from its (day, shard) key alone and each file is written atomically, so a
 * retried write replaces a file with the same content and nothing can collide. Output: the number
 * of rows written per file.
 */
public final class WriteTrainingRows extends PTransform<PCollection<TrainingRow>, PCollection<Long>> {
  private final String directory;
  private final String runId;
  private final int shardsPerDay;

  public WriteTrainingRows(String directory, String runId, int shardsPerDay) {
    if (shardsPerDay < 1) {
      throw new IllegalArgumentException("shardsPerDay must be at least 1, was " + shardsPerDay);
    }
    this.directory = directory;
    this.runId = runId;
    this.shardsPerDay = shardsPerDay;
  }

  @Override
  public PCollection<Long> expand(PCollection<TrainingRow> rows) {
    int shards = shardsPerDay;
    return rows
        .apply("KeyByDayAndShard", MapElements
            .into(TypeDescriptors.kvs(
                TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.integers()),
                rows.getTypeDescriptor()))
            .via(row -> KV.of(KV.of(row.item().day(), shard(row.item().customerId(), shards)), row)))
        .setCoder(KvCoder.of(KvCoder.of(VarIntCoder.of(), VarIntCoder.of()), TrainingRow.Coder.of()))
        .apply("GroupByFile", GroupByKey.create())
        .apply("WriteParquetFiles", ParDo.of(new WriteFileFn(directory, runId)));
  }

  /** A stable spread of customers over the shards of a day. */
  static int shard(long customerId, int shards) {
    return Math.floorMod(Long.hashCode(customerId * 0x9E3779B97F4A7C15L), shards);
  }

  private static final class WriteFileFn
      extends DoFn<KV<KV<Integer, Integer>, Iterable<TrainingRow>>, Long> {
    private final String directory;
    private final String runId;

    WriteFileFn(String directory, String runId) {
      this.directory = directory;
      this.runId = runId;
    }

    @ProcessElement
    public void process(
        @Element KV<KV<Integer, Integer>, Iterable<TrainingRow>> file, OutputReceiver<Long> out)
        throws IOException {
      int day = file.getKey().getKey();
      int shard = file.getKey().getValue();
      Path path = Path.of(directory, StagedOutput.DAY_PREFIX + Days.format(day),
          String.format("part-%s-%05d.parquet", runId, shard));
      long[] rows = {0};
      LocalFiles.writeAtomically(path, temporary -> {
        try (ParquetWriter<GenericRecord> writer = TrainingRowParquet.writer(temporary)) {
          for (TrainingRow row : file.getValue()) {
            writer.write(TrainingRowParquet.toRecord(row));
            rows[0]++;
          }
        }
      });
      out.output(rows[0]);
    }
  }
}
