package dev.traininginputs.output;

import dev.traininginputs.layout.RowLayout;
import dev.traininginputs.model.TrainingRow;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Reads training rows back from the pipeline's Parquet output, in the layout and padding it was
 * written with: {@code ReadTrainingRows.from("out/dt=2025-03-1*}{@code /*.parquet",
 * RowLayout.exploded(1000))}. Every layout gives the same training rows: one per impressed item,
 * with its history right-padded. Tests use it to check the rows and figures a run published.
 */
public final class ReadTrainingRows extends PTransform<PBegin, PCollection<TrainingRow>> {
  private final String filepattern;
  private final RowLayout layout;

  private ReadTrainingRows(String filepattern, RowLayout layout) {
    this.filepattern = filepattern;
    this.layout = layout;
  }

  /** The rows of the files {@code filepattern} matches, written in {@code layout}. */
  public static ReadTrainingRows from(String filepattern, RowLayout layout) {
    return new ReadTrainingRows(filepattern, layout);
  }

  @Override
  public PCollection<TrainingRow> expand(PBegin input) {
    RowLayout rowLayout = layout;
    return input
        .apply("ReadParquet", ParquetIO.read(layout.schema()).from(filepattern))
        .apply(
            "ToTrainingRows",
            FlatMapElements.into(TypeDescriptor.of(TrainingRow.class)).via(rowLayout::rows));
  }
}
