package dev.traininginputs;

import dev.traininginputs.assemble.ExplodeImpressions;
import dev.traininginputs.assemble.ImpressionDays;
import dev.traininginputs.assemble.JoinByCustomer;
import dev.traininginputs.io.CsvInputs;
import dev.traininginputs.io.RunInfo;
import dev.traininginputs.io.RunRefusedException;
import dev.traininginputs.io.StagedOutput;
import dev.traininginputs.io.WriteMetrics;
import dev.traininginputs.io.WriteRejected;
import dev.traininginputs.io.WriteTrainingRows;
import dev.traininginputs.model.Action;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.options.RunConfig;
import dev.traininginputs.options.TrainingInputsOptions;
import dev.traininginputs.parse.ActionParser;
import dev.traininginputs.parse.ImpressionParser;
import dev.traininginputs.parse.ParseCsv;
import dev.traininginputs.parse.ParsedCsv;
import dev.traininginputs.stats.ComputeMetrics;
import dev.traininginputs.sequence.BuildHistories;
import dev.traininginputs.sequence.DropUnusableActions;
import dev.traininginputs.sequence.KeepNewestPerDay;
import dev.traininginputs.sequence.LookbackWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * Impressions and customer actions in, one training row per impressed item out (see SPEC.md).
 *
 * <pre>
 * impressions --Parse--> ExplodeImpressions ------------------------------+
 *      \--> ImpressionDays (side input)                                    |
 * clicks, add_to_carts, previous_orders --Parse--> FlattenActions          v
 *      --> DropUnusableActions --> KeepNewestPerDay --> JoinByCustomer --> BuildHistories
 *      --> WriteTrainingRows (staged, committed at the end)
 * every Parse --rejected--> FlattenRejected --> WriteRejected
 * </pre>
 */
public final class TrainingInputsPipeline {

  private TrainingInputsPipeline() {}

  /** What a successful run produced: the days written and where everything went. */
  public record RunSummary(
      List<String> days, String output, String rejectedOutput, String metricsJson, String report) {}

  public static void main(String[] args) {
    PipelineOptionsFactory.register(TrainingInputsOptions.class);
    try {
      if (Cli.asksForHelp(args)) {
        Cli.printHelp(System.out);
        return;
      }
      TrainingInputsOptions options =
          PipelineOptionsFactory.fromArgs(args).withValidation().as(TrainingInputsOptions.class);
      if (options.getRunner() == DirectRunner.class) {
        Cli.useFastDirectRunner(options.as(DirectOptions.class), args);
        Cli.directRunnerHint(inputBytes(options), args).ifPresent(System.err::println);
      }
      long start = System.nanoTime();
      RunSummary summary = run(options, Progress.every(5, System.err));
      Cli.printSummary(System.out, summary, (System.nanoTime() - start) / 1e9);
    } catch (RuntimeException e) {
      System.err.println("error: " + Cli.reason(e));
      System.exit(1);
    }
  }

  /**
   * Checks inputs and options, runs the pipeline to the end and commits its output. Throws
   * {@link RunRefusedException} before any work when an input or option is wrong; on any failure
   * the earlier output is left as it was.
   */
  public static RunSummary run(TrainingInputsOptions options) {
    return run(options, Progress.SILENT);
  }

  /** {@link #run(TrainingInputsOptions)}, waiting for the pipeline by way of {@code progress}. */
  public static RunSummary run(TrainingInputsOptions options, Progress progress) {
    RunConfig config = RunConfig.from(options);
    FileSystems.setDefaultPipelineOptions(options);
    Map<Source, List<String>> files = inputFiles(config);
    files.forEach(CsvInputs::checkHeaders);

    String runId = newRunId();
    StagedOutput staged =
        StagedOutput.prepare(
            new StagedOutput.Destinations(
                config.output(), config.rejectedOutput(), config.metricsJson(), config.report()),
            config.writeMode(), runId,
            () -> CsvInputs.impressionDays(files.get(Source.IMPRESSIONS)));
    try {
      Pipeline pipeline = Pipeline.create(options);
      build(pipeline, config, files, staged, runId);
      PipelineResult.State state = progress.waitFor(pipeline.run());
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the pipeline ended in state " + state);
      }
      List<String> days = staged.commit();
      return new RunSummary(days, staged.output().toString(), staged.rejected().toString(),
          staged.metricsJson().toString(),
          staged.report() == null ? null : staged.report().toString());
    } catch (RuntimeException e) {
      staged.discard();
      throw e;
    }
  }

  /** The files of each source; refuses an input option that matches none. */
  private static Map<Source, List<String>> inputFiles(RunConfig config) {
    Map<Source, List<String>> files = new EnumMap<>(Source.class);
    files.put(Source.IMPRESSIONS, CsvInputs.resolve("impressions", config.impressions()));
    files.put(Source.CLICKS, CsvInputs.resolve("clicks", config.clicks()));
    files.put(Source.ADD_TO_CARTS, CsvInputs.resolve("addToCarts", config.addToCarts()));
    files.put(Source.PREVIOUS_ORDERS, CsvInputs.resolve("previousOrders", config.previousOrders()));
    return files;
  }

  /** The total size of the input files, 0 when they cannot be listed (the run will say why). */
  private static long inputBytes(TrainingInputsOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    long bytes = 0;
    try {
      for (List<String> files : inputFiles(RunConfig.from(options)).values()) {
        for (String file : files) {
          bytes += Files.size(Path.of(file));
        }
      }
    } catch (RuntimeException | IOException e) {
      return 0;
    }
    return bytes;
  }

  private static void build(
      Pipeline pipeline, RunConfig config, Map<Source, List<String>> files, StagedOutput staged,
      String runId) {
    ParsedCsv<Impression> impressions =
        pipeline.apply(
            "ReadImpressions", ParseCsv.of(files.get(Source.IMPRESSIONS), new ImpressionParser()));
    ParsedCsv<Action> clicks =
        pipeline.apply("ReadClicks", ParseCsv.of(files.get(Source.CLICKS), ActionParser.CLICKS));
    ParsedCsv<Action> addToCarts =
        pipeline.apply(
            "ReadAddToCarts",
            ParseCsv.of(files.get(Source.ADD_TO_CARTS), ActionParser.ADD_TO_CARTS));
    ParsedCsv<Action> previousOrders =
        pipeline.apply(
            "ReadPreviousOrders",
            ParseCsv.of(files.get(Source.PREVIOUS_ORDERS), ActionParser.PREVIOUS_ORDERS));

    PCollection<Action> actions =
        PCollectionList.of(clicks.records())
            .and(addToCarts.records())
            .and(previousOrders.records())
            .apply("FlattenActions", Flatten.pCollections());

    PCollection<TrainingRow> rows =
        buildRows(impressions.records(), actions, config.sequenceLength(), config.lookbackDays());
    rows.apply("WriteTrainingRows",
        new WriteTrainingRows(staged.rowsDirectory(), runId, config.shardsPerDay()));

    PCollection<RejectedRecord> rejected =
        PCollectionList.of(impressions.rejected())
            .and(clicks.rejected())
            .and(addToCarts.rejected())
            .and(previousOrders.rejected())
            .apply("FlattenRejected", Flatten.pCollections());
    rejected.apply("WriteRejected", new WriteRejected(staged.rejectedDirectory()));

    rows.apply("ComputeMetrics",
            new ComputeMetrics(impressions, List.of(clicks, addToCarts, previousOrders), rejected,
                config.analysisPositions()))
        .apply("WriteMetrics",
            new WriteMetrics(staged.metricsFile(), staged.reportFile(), runInfo(config, files, staged)));
  }

  /** The settings and inputs the report shows. */
  private static RunInfo runInfo(RunConfig config, Map<Source, List<String>> files, StagedOutput staged) {
    LinkedHashMap<String, String> settings = new LinkedHashMap<>();
    files.forEach((source, list) -> settings.put(source.id(), list.size() == 1 ? list.get(0)
        : list.size() + " files: " + String.join(", ", list.subList(0, Math.min(5, list.size())))
            + (list.size() > 5 ? ", ..." : "")));
    settings.put("output", staged.output().toString());
    settings.put("rejected output", staged.rejected().toString());
    settings.put("sequence length (N)", Integer.toString(config.sequenceLength()));
    settings.put("look-back days (L)", Integer.toString(config.lookbackDays()));
    settings.put("write mode", config.writeMode().toString());
    settings.put("analysis positions (K)", Integer.toString(config.analysisPositions()));
    return new RunInfo(staged.output().toString(), settings);
  }

  /**
   * The core of the pipeline, from parsed records to training rows: SPEC §2–§3. Tests feed it
   * {@code Create.of(...)} collections.
   */
  public static PCollection<TrainingRow> buildRows(
      PCollection<Impression> impressions, PCollection<Action> actions,
      int sequenceLength, int lookbackDays) {
    LookbackWindow window = new LookbackWindow(lookbackDays);
    return PCollectionTuple.of(
            JoinByCustomer.RECENT_ACTIONS,
            actions
                .apply("DropUnusableActions",
                    new DropUnusableActions(
                        window, impressions.apply("CollectImpressionDays", new ImpressionDays())))
                .apply("KeepNewestPerDay", new KeepNewestPerDay(sequenceLength)))
        .and(
            JoinByCustomer.IMPRESSED_ITEMS,
            impressions.apply("ExplodeImpressions", new ExplodeImpressions()))
        .apply("JoinByCustomer", new JoinByCustomer())
        .apply("BuildHistories", new BuildHistories(sequenceLength, window));
  }

  /** A sortable, unique-enough id for file names: {@code 20261124T101500Z-3fa9c1}. */
  private static String newRunId() {
    return ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
        + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
  }
}
