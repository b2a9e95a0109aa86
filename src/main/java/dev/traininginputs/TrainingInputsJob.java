package dev.traininginputs;

import dev.traininginputs.input.Inputs;
import dev.traininginputs.layout.RowLayout;
import dev.traininginputs.model.DayRange;
import dev.traininginputs.model.Source;
import dev.traininginputs.options.RunConfig;
import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.options.TrainingInputsOptions;
import dev.traininginputs.output.Destinations;
import dev.traininginputs.output.ExistingRows;
import dev.traininginputs.output.IcebergTable;
import dev.traininginputs.output.PublishSteps;
import dev.traininginputs.output.StagedOutput;
import dev.traininginputs.report.RunInfo;
import dev.traininginputs.sequence.LookbackWindow;
import dev.traininginputs.stats.Counters;
import dev.traininginputs.storage.Locations;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The driver's steps around the graph of {@link TrainingInputsPipeline}: resolve the options and
 * input files, check the inputs, stage the output, run the pipeline, publish. Everything that can
 * be refused is refused ({@link RunRefusedException}) before any work; on any failure the staged
 * output is discarded.
 */
public final class TrainingInputsJob {

  private TrainingInputsJob() {}

  /**
   * What a successful run produced.
   *
   * @param days the {@code YYYY-MM-DD} days written
   * @param counters the runner's counters at the end ({@link Counters}), by name: the work done
   * @param recovered what this run finished or cleaned up of earlier runs before it started
   */
  public record RunSummary(
      List<String> days,
      String output,
      String rejectedOutput,
      String metricsJson,
      String report,
      Map<String, Long> counters,
      List<String> recovered) {}

  /** {@link #run(TrainingInputsOptions, Function)}, just waiting for the pipeline. */
  public static RunSummary run(TrainingInputsOptions options) {
    return run(options, PipelineResult::waitUntilFinish);
  }

  /**
   * Runs the job to the end and publishes its output.
   *
   * @param waitFor waits for the running pipeline (printing progress, for example) and returns its
   *     final state; it throws what the pipeline threw
   */
  public static RunSummary run(
      TrainingInputsOptions options, Function<PipelineResult, PipelineResult.State> waitFor) {
    return run(options, waitFor, PublishSteps.NONE);
  }

  /**
   * {@link #run(TrainingInputsOptions, Function)} with a hook called before every step of the
   * publish: for tests that stop a run in the middle of its publish.
   */
  public static RunSummary run(
      TrainingInputsOptions options,
      Function<PipelineResult, PipelineResult.State> waitFor,
      PublishSteps publishSteps) {
    FileSystems.setDefaultPipelineOptions(options);
    RunConfig config = configAtTable(options);
    Destinations at = checkLocations(config, options);
    try (IcebergTable table = icebergTable(config, at, options)) {
      return run(config, at, table, options, waitFor, publishSteps);
    }
  }

  /** The run into {@code at}, and {@code table} when it is an Iceberg table (else null). */
  private static RunSummary run(
      RunConfig config,
      Destinations at,
      IcebergTable table,
      TrainingInputsOptions options,
      Function<PipelineResult, PipelineResult.State> waitFor,
      PublishSteps publishSteps) {
    Map<Source, Inputs.InputFiles> inputs = inputFiles(config, options);
    Map<Source, List<String>> files = new EnumMap<>(Source.class);
    inputs.forEach((source, input) -> files.put(source, input.files()));
    files.forEach(Inputs::checkColumns);

    String runId = newRunId();
    StagedOutput staged =
        StagedOutput.prepare(
            at,
            config.writeMode(),
            runId,
            () -> Inputs.impressionDays(files.get(Source.IMPRESSIONS), config.days()),
            options,
            publishSteps,
            table);
    try {
      // Under the output's lock: no other run can change what is there meanwhile.
      if (table == null) {
        ExistingRows.refuseAnotherLayout(config.output(), layout(config));
      }
      Pipeline pipeline = Pipeline.create(options);
      TrainingInputsPipeline.build(
          pipeline, plan(config, files, missingPartitions(inputs), staged, runId));
      PipelineResult result = pipeline.run();
      PipelineResult.State state = waitFor.apply(result);
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the pipeline ended in state " + state);
      }
      Map<String, Long> counters = Counters.values(result);
      refuseBuildingNothing(config, staged);
      List<String> days = staged.commit();
      return new RunSummary(
          days,
          at.output(),
          at.rejected(),
          at.metricsJson(),
          at.report().isEmpty() ? null : at.report(),
          counters,
          staged.recovered());
    } catch (RuntimeException e) {
      staged.discard();
      throw e;
    } finally {
      staged.release();
    }
  }

  /**
   * The checked options; for a catalog's Iceberg table, with {@code --output} at the table's
   * location (the catalog says where it is), so that the defaults under it follow.
   */
  private static RunConfig configAtTable(TrainingInputsOptions options) {
    RunConfig config = RunConfig.from(options);
    if (config.icebergTable() == null || !config.icebergTable().inCatalog()) {
      return config;
    }
    try (IcebergTable table = IcebergTable.of(config.icebergTable(), null, options)) {
      options.setOutput(table.createIfAbsent(layout(config)));
    }
    return RunConfig.from(options);
  }

  /**
   * The Iceberg table of an {@code --outputFormat=iceberg} run, created if absent and checked to
   * hold the run's layout; null for folders. Refuses an output that holds the other format.
   */
  private static IcebergTable icebergTable(
      RunConfig config, Destinations at, PipelineOptions options) {
    ExistingRows.refuseAnotherFormat(at.output(), config.outputFormat());
    if (config.icebergTable() == null) {
      return null;
    }
    IcebergTable table = IcebergTable.of(config.icebergTable(), at.output(), options);
    table.createIfAbsent(layout(config));
    table.refuseAnotherLayout(layout(config));
    return table;
  }

  /**
   * A run that built no row publishes nothing over an earlier run's output, metrics or report. With
   * a selection of days it is refused, as it is before any work when a partitioned table lacks
   * those days (unpartitioned files can only tell by being read). Without one (empty inputs, or
   * every impression row rejected) its zero figures are published only where there are none yet.
   */
  private static void refuseBuildingNothing(RunConfig config, StagedOutput staged) {
    if (!staged.stagedDays().isEmpty()) {
      return;
    }
    String kept = "nothing was published; the output at " + staged.destinations().output();
    if (!config.days().isAll()) {
      throw new RunRefusedException(
          "--impressions="
              + config.impressions()
              + " holds no impressions of "
              + config.days()
              + ": no impressed item of those days in its files; "
              + kept
              + " is as it was");
    }
    if (staged.holdsEarlierFigures()) {
      throw new RunRefusedException(
          "--impressions="
              + config.impressions()
              + " holds no impressed item: "
              + kept
              + ", with the metrics and report of its earlier run, is as it was");
    }
  }

  private static RowLayout layout(RunConfig config) {
    return new RowLayout(config.layout(), config.padding(), config.sequenceLength());
  }

  /**
   * Refuses, before any work, a location on a storage that is not supported or configured, and
   * destinations that cannot be written (a folder option naming a file, …); returns the
   * destinations checked.
   */
  private static Destinations checkLocations(RunConfig config, PipelineOptions options) {
    config.inputs().forEach((source, spec) -> Locations.check(source.option(), spec, options));
    Locations.check("output", config.output(), options);
    Locations.check("rejectedOutput", config.rejectedOutput(), options);
    Locations.check("metricsJson", config.metricsJson(), options);
    if (!config.report().isEmpty()) {
      Locations.check("report", config.report(), options);
    }
    return new Destinations(
            config.output(), config.rejectedOutput(), config.metricsJson(), config.report())
        .checked();
  }

  /**
   * The files of each source that the built days need (SPEC §1), with the partition days a
   * partitioned input lacks; refuses an input option that matches no file, and a selection of days
   * that no impressions file holds.
   *
   * <p>The built days are the selected ones or, without a selection, the impression days found:
   * from a partitioned impressions table they are known from its listing, and then the action
   * partitions that none of them can look back to are neither listed nor opened either.
   */
  public static Map<Source, Inputs.InputFiles> inputFiles(
      RunConfig config, PipelineOptions options) {
    Map<Source, Inputs.InputFiles> files = new EnumMap<>(Source.class);
    Inputs.InputFiles impressions =
        Inputs.resolve(
            Source.IMPRESSIONS, config.impressions(), Optional.of(config.days()), options);
    if (impressions.files().isEmpty()) {
      throw new RunRefusedException(
          "--impressions="
              + config.impressions()
              + " holds no impressions of "
              + config.days()
              + ": no partition folder of those days");
    }
    files.put(Source.IMPRESSIONS, impressions);
    DayRange built = config.days();
    IntPredicate usable = day -> true;
    if (built.isAll()) {
      Optional<SortedSet<Integer>> found =
          Inputs.partitionDays(Source.IMPRESSIONS, impressions.files());
      if (found.isPresent() && !found.get().isEmpty()) {
        built = new DayRange(found.get().first(), found.get().last());
        usable = new LookbackWindow(config.lookbackDays()).usableDays(found.get())::contains;
      }
    }
    Optional<DayRange> lookback = built.lookbackOf(config.lookbackDays());
    for (Source source : Source.values()) {
      if (source != Source.IMPRESSIONS) {
        files.put(
            source,
            Inputs.resolve(source, config.inputs().get(source), lookback, options)
                .keepDays(source, usable));
      }
    }
    return files;
  }

  /** Per source id, the needed partition days its table lacks; sources lacking none are absent. */
  private static Map<String, List<String>> missingPartitions(
      Map<Source, Inputs.InputFiles> inputs) {
    Map<String, List<String>> missing = new TreeMap<>();
    inputs.forEach(
        (source, input) -> {
          if (!input.missingDays().isEmpty()) {
            missing.put(source.id(), input.missingDays());
          }
        });
    return missing;
  }

  private static TrainingInputsPipeline.Plan plan(
      RunConfig config,
      Map<Source, List<String>> files,
      Map<String, List<String>> missingPartitions,
      StagedOutput staged,
      String runId) {
    return new TrainingInputsPipeline.Plan(
        files,
        config.days(),
        missingPartitions,
        config.sequenceLength(),
        layout(config),
        config.lookbackDays(),
        config.analysisPositions(),
        config.rowsPerFile(),
        runId,
        staged.rowsDirectory(),
        staged.rejectedDirectory(),
        staged.notesDirectory(),
        staged.metricsFile(),
        staged.reportFile(),
        runInfo(config, files, staged));
  }

  /** The settings and inputs the report shows. */
  private static RunInfo runInfo(
      RunConfig config, Map<Source, List<String>> files, StagedOutput staged) {
    LinkedHashMap<String, String> settings = new LinkedHashMap<>();
    files.forEach(
        (source, list) ->
            settings.put(
                source.id(),
                list.size() == 1
                    ? list.get(0)
                    : list.size()
                        + " files: "
                        + String.join(", ", list.subList(0, Math.min(5, list.size())))
                        + (list.size() > 5 ? ", ..." : "")));
    settings.put("output", staged.destinations().output());
    settings.put("rejected output", staged.destinations().rejected());
    settings.put("sequence length (N)", Integer.toString(config.sequenceLength()));
    settings.put("look-back days (L)", Integer.toString(config.lookbackDays()));
    settings.put("impression days", config.days().toString());
    settings.put("write mode", config.writeMode().toString());
    settings.put("layout", config.layout() + ", " + config.padding() + " padding");
    settings.put("analysis positions (K)", Integer.toString(config.analysisPositions()));
    return new RunInfo(staged.destinations().output(), settings);
  }

  /** A sortable, unique-enough id for file names: {@code 20261124T101500Z-3fa9c1}. */
  private static String newRunId() {
    return ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
        + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
  }
}
