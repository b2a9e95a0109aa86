package dev.traininginputs.output;

import dev.traininginputs.model.TrainingRow;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Reads training rows back from the pipeline's Parquet output, for example to run the analyses of
 * {@code stats} on an earlier run: {@code ReadTrainingRows.from("out/dt=2025-03-1*}{@code
 * /*.parquet")}.
 */
public final class ReadTrainingRows extends PTransform<PBegin, PCollection<TrainingRow>> {
  private final String filepattern;

  private ReadTrainingRows(String filepattern) {
    this.filepattern = filepattern;
  }

  public static ReadTrainingRows from(String filepattern) {
    return new ReadTrainingRows(filepattern);
  }

  @Override
  public PCollection<TrainingRow> expand(PBegin input) {
    return input
        .apply("ReadParquet", ParquetIO.read(TrainingRowParquet.SCHEMA).from(filepattern))
        .apply(
            "ToTrainingRows",
            MapElements.into(TypeDescriptor.of(TrainingRow.class))
                .via(TrainingRowParquet::fromRecord));
  }
}
