package dev.traininginputs.io;

import dev.traininginputs.model.TrainingRow;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes training rows as Parquet under {@code DIR/dt=YYYY-MM-DD/}, one folder per impression day.
 * File names carry the run id, so that {@code append} never collides with earlier files.
 *
 * <p>{@code shardsPerDay} fixes the number of files per day (it costs a shuffle of the rows);
 * 0 lets the runner choose, which on the DirectRunner means a file per bundle.
 */
public final class WriteTrainingRows
    extends PTransform<PCollection<TrainingRow>, WriteFilesResult<String>> {
  private final String directory;
  private final String runId;
  private final int shardsPerDay;

  public WriteTrainingRows(String directory, String runId, int shardsPerDay) {
    this.directory = directory;
    this.runId = runId;
    this.shardsPerDay = shardsPerDay;
  }

  @Override
  public WriteFilesResult<String> expand(PCollection<TrainingRow> rows) {
    String prefix = "part-" + runId;
    FileIO.Write<String, TrainingRow> write =
        FileIO.<String, TrainingRow>writeDynamic()
            .by(TrainingRow::dt)
            .withDestinationCoder(StringUtf8Coder.of())
            .via(Contextful.fn(TrainingRowParquet::toRecord), TrainingRowParquet.sink())
            .to(directory)
            .withNaming(dt -> FileIO.Write.defaultNaming("dt=" + dt + "/" + prefix, ".parquet"));
    return rows.apply("WriteParquet", shardsPerDay > 0 ? write.withNumShards(shardsPerDay) : write);
  }
}
