package dev.traininginputs;

import dev.traininginputs.assemble.CustomerFilter;
import dev.traininginputs.assemble.DropUnusableActions;
import dev.traininginputs.assemble.GroupByCustomer;
import dev.traininginputs.assemble.ImpressedCustomers;
import dev.traininginputs.assemble.RowsPerDay;
import dev.traininginputs.input.ReadInputs;
import dev.traininginputs.input.ReadNotes;
import dev.traininginputs.layout.RowLayout;
import dev.traininginputs.model.Action;
import dev.traininginputs.model.DayRange;
import dev.traininginputs.model.HistoryRows;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.output.FilesPerDay;
import dev.traininginputs.output.WriteMetrics;
import dev.traininginputs.output.WriteRejected;
import dev.traininginputs.output.WriteTrainingRows;
import dev.traininginputs.parse.ActionParser;
import dev.traininginputs.parse.ImpressionParser;
import dev.traininginputs.report.RunInfo;
import dev.traininginputs.sequence.BuildHistories;
import dev.traininginputs.sequence.LookbackWindow;
import dev.traininginputs.stats.CountImpressions;
import dev.traininginputs.stats.MergeFigures;
import dev.traininginputs.stats.RunMetrics;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The graph: impressions and customer actions in, one training row per impressed item out (see
 * SPEC.md). Every big collection has exactly one consumer, so that no runner has to cache or
 * recompute it; the figures of SPEC §5 come out of the steps that read the data anyway.
 *
 * <pre>
 * impressions --Read--> KeepSelectedDays -----------------------------------------+
 *      +--> RowsPerDay (side input: the built days and their sizes)                |
 *      +--> ImpressedCustomers (side input: a Bloom filter of customers)           |
 *      +--> CountImpressions -------------------------------------------+          |
 * clicks, add_to_carts, previous_orders --Read--> FlattenActions        |          v
 *      --> DropUnusableActions (days, customers; as GroupByCustomer packs) --> GroupByCustomer
 *      --> BuildHistories --> WriteTrainingRows --row figures per file--+
 * every Read ..notes files (rejected rows, counts per file)..           |
 *      ReadNotes (once the rows are written) --counts per file----------+
 *               --rejected--> WriteRejected --reasons-------------------+--> MergeFigures --> WriteMetrics
 * </pre>
 *
 * <p>A reading step has one output, its records: the rejected rows and counts leave through files
 * ({@link ReadNotes}), since a runner must keep the whole output of a step whose several outputs go
 * to several consumers.
 *
 * <p>The driver's work around it (files, checks, staging, publishing) is {@link
 * TrainingInputsJob}'s.
 */
public final class TrainingInputsPipeline {

  private TrainingInputsPipeline() {}

  /**
   * What the graph needs: plain values, checked and resolved by the driver.
   *
   * @param files the input files of each source, headers checked
   * @param days the impression days to build ({@code --date}, ...), or every day
   * @param missingPartitions per source id, the needed partition days its table lacks
   * @param sequenceLength N
   * @param layout how the rows are written (SPEC §4)
   * @param lookbackDays L
   * @param analysisPositions K
   * @param rowsPerFile the training rows a Parquet file is meant to hold; a day gets as many files
   *     as its rows need
   * @param runId the run's id, in every output file name
   * @param rowsDirectory where the {@code dt=} folders are written (the run's staging)
   * @param rejectedDirectory where the rejected records are written
   * @param notesDirectory where the read tasks write their rejected rows and counts ({@link
   *     ReadNotes}), in the run's staging
   * @param metricsFile the metrics JSON file
   * @param reportFile the HTML report, or {@code null} for none
   * @param runInfo what the report says about the run
   */
  public record Plan(
      Map<Source, List<String>> files,
      DayRange days,
      Map<String, List<String>> missingPartitions,
      int sequenceLength,
      RowLayout layout,
      int lookbackDays,
      int analysisPositions,
      int rowsPerFile,
      String runId,
      String rowsDirectory,
      String rejectedDirectory,
      String notesDirectory,
      String metricsFile,
      String reportFile,
      RunInfo runInfo) {}

  /** Adds the whole job to {@code pipeline}. */
  public static void build(Pipeline pipeline, Plan plan) {
    String notes = plan.notesDirectory();
    PCollection<Impression> impressions =
        pipeline.apply(
            "ReadImpressions",
            ReadInputs.of(plan.files().get(Source.IMPRESSIONS), new ImpressionParser(), notes));
    // Rows of other days are valid rows (accepted) that this run does not build (SPEC §1).
    DayRange days = plan.days();
    PCollection<Impression> selected =
        days.isAll()
            ? impressions
            : impressions.apply(
                "KeepSelectedDays", Filter.by(impression -> days.contains(impression.day())));
    PCollection<Action> actions =
        PCollectionList.of(
                ActionParser.ALL.stream()
                    .map(
                        parser ->
                            pipeline.apply(
                                "Read" + parser.source().stepName(),
                                ReadInputs.of(plan.files().get(parser.source()), parser, notes)))
                    .toList())
            .apply("FlattenActions", Flatten.pCollections());
    PCollectionView<Map<Integer, Long>> rowsPerDay =
        selected.apply("CountRowsPerDay", RowsPerDay.of());
    PCollection<RunMetrics> rowFigures =
        buildHistories(selected, actions, rowsPerDay, plan.sequenceLength(), plan.lookbackDays())
            .apply(
                "WriteTrainingRows",
                WriteTrainingRows.of(
                    plan.rowsDirectory(),
                    plan.runId(),
                    plan.analysisPositions(),
                    plan.layout(),
                    FilesPerDay.of(rowsPerDay, plan.rowsPerFile())));

    // Every read task has finished once the rows are written: its notes are complete.
    ReadNotes.Notes readNotes = pipeline.apply("ReadNotes", ReadNotes.in(notes, rowFigures));
    PCollection<RunMetrics> rejectionFigures =
        readNotes.rejected().apply("WriteRejected", WriteRejected.to(plan.rejectedDirectory()));

    PCollectionList.of(List.of(rowFigures, rejectionFigures, readNotes.counts()))
        .and(selected.apply("CountImpressions", CountImpressions.of()))
        .and(
            pipeline.apply(
                "MissingPartitions",
                Create.of(RunMetrics.ofMissingPartitions(plan.missingPartitions()))
                    .withCoder(MergeFigures.coder())))
        .apply("MergeFigures", MergeFigures.analysing(plan.analysisPositions()))
        .apply(
            "WriteMetrics", WriteMetrics.to(plan.metricsFile(), plan.reportFile(), plan.runInfo()));
  }

  /**
   * The core, from parsed records to histories with their impressed items: SPEC §1–§3. Tests feed
   * it {@code Create.of(...)} collections.
   *
   * @param rowsPerDay the built days with their training rows ({@link RowsPerDay} of {@code
   *     impressions})
   */
  public static PCollection<HistoryRows> buildHistories(
      PCollection<Impression> impressions,
      PCollection<Action> actions,
      PCollectionView<Map<Integer, Long>> rowsPerDay,
      int sequenceLength,
      int lookbackDays) {
    LookbackWindow window = new LookbackWindow(lookbackDays);
    PCollectionView<CustomerFilter> impressed =
        impressions.apply("CollectImpressedCustomers", ImpressedCustomers.of());
    DropUnusableActions.Test usable =
        DropUnusableActions.usableFrom(rowsPerDay, impressed, window).test();
    return impressions
        .apply("GroupByCustomer", GroupByCustomer.with(actions, usable))
        .apply("BuildHistories", BuildHistories.of(sequenceLength, window, rowsPerDay));
  }

  /** {@link #buildHistories}, one element per training row: what tests compare with. */
  public static PCollection<TrainingRow> buildRows(
      PCollection<Impression> impressions,
      PCollection<Action> actions,
      int sequenceLength,
      int lookbackDays) {
    PCollectionView<Map<Integer, Long>> rowsPerDay =
        impressions.apply("CountRowsPerDay", RowsPerDay.of());
    return buildHistories(impressions, actions, rowsPerDay, sequenceLength, lookbackDays)
        .apply(
            "ToRows",
            FlatMapElements.into(TypeDescriptor.of(TrainingRow.class)).via(HistoryRows::rows));
  }
}
