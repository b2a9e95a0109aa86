package dev.traininginputs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.TrainingInputsJob;
import dev.traininginputs.TrainingInputsJob.RunSummary;
import dev.traininginputs.input.UnreadableFileException;
import dev.traininginputs.model.DayRange;
import dev.traininginputs.model.Source;
import dev.traininginputs.options.RunConfig;
import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.options.TrainingInputsOptions;
import dev.traininginputs.storage.BeamFiles;
import dev.traininginputs.storage.StorageException;
import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.util.InstanceBuilder;

/**
 * The command line around {@link TrainingInputsJob}: help, the runners' defaults, progress, the
 * summary, one-line errors and the exit code (0 done, 1 failed, 2 refused before any work).
 */
public final class Main {
  static final int FAILED = 1;
  static final int REFUSED = 2;

  /**
   * The storage level of Spark runs unless the user gives one (see {@link #applyRunnerDefaults}).
   * On disk only: what Spark still caches is the readers' multi-output steps, as big as the inputs;
   * kept in the heap (even serialized, spilling) it filled a 2 GB heap on a daily run.
   */
  public static final String SPARK_STORAGE_LEVEL = "DISK_ONLY";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    PipelineOptionsFactory.register(TrainingInputsOptions.class);
    if (asksForHelp(args)) {
      printHelp(out);
      return 0;
    }
    try {
      TrainingInputsOptions options;
      try {
        options =
            PipelineOptionsFactory.fromArgs(args).withValidation().as(TrainingInputsOptions.class);
      } catch (IllegalArgumentException e) {
        throw new RunRefusedException(e.getMessage(), e);
      }
      applyRunnerDefaults(options, args);
      if (options.getRunner() == DirectRunner.class) {
        directRunnerHint(inputBytes(options), args).ifPresent(err::println);
      }
      long start = System.nanoTime();
      RunSummary summary = TrainingInputsJob.run(options, Progress.every(5, err));
      printSummary(out, summary, (System.nanoTime() - start) / 1e9);
      return 0;
    } catch (RuntimeException e) {
      err.println("error: " + reason(e));

      return isRefusal(e) ? REFUSED : FAILED;
    }
  }

  /**
   * Settings of a command-line run that tests do not want: the DirectRunner's per-element checks
   * off and returning at once (for progress lines); on Spark, cached collections kept serialized
   * and spilled to disk rather than recomputed from the files when they do not fit in memory, and
   * groupings streamed from the sorted shuffle. A value given on the command line wins.
   */
  static void applyRunnerDefaults(PipelineOptions options, String[] args) {
    if (options.getRunner() == DirectRunner.class) {
      useFastDirectRunner(options.as(DirectOptions.class), args);
    } else if (options.getRunner().getSimpleName().contains("SparkRunner")) {
      SparkPipelineOptions spark = options.as(SparkPipelineOptions.class);
      if (!given(args, "storageLevel")) {
        spark.setStorageLevel(SPARK_STORAGE_LEVEL);
      }
      // A grouping read once is then streamed from Spark's sorted shuffle instead of being
      // gathered in memory per key: what keeps the grouping by customer bounded.
      if (!given(args, "preferGroupByKeyToHandleHugeValues")) {
        spark.setPreferGroupByKeyToHandleHugeValues(true);
      }
    }
  }

  private static boolean given(String[] args, String option) {
    return Arrays.stream(args)
        .anyMatch(a -> a.equals("--" + option) || a.startsWith("--" + option + "="));
  }

  static boolean asksForHelp(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
  }

  /** Lists every option of {@link TrainingInputsOptions} with its real default value. */
  static void printHelp(PrintStream out) {
    out.println("Usage: scripts/run [--option=value ...]");
    out.println();
    out.println("Options:");
    for (Method getter : TrainingInputsOptions.class.getDeclaredMethods()) {
      Description description = getter.getAnnotation(Description.class);
      if (description == null) {
        continue;
      }
      String name = Introspector.decapitalize(getter.getName().substring(3));
      out.printf("  --%s%n      %s%n", name, description.value());
      String defaultValue = defaultValue(getter);
      if (defaultValue != null) {
        out.printf("      default: %s%n", defaultValue);
      }
    }
    out.println();
    out.println("Runner options:");
    out.println("  --runner=DirectRunner (default) | SparkRunner");
    out.println("  --sparkMaster=local[N] | spark://HOST:PORT   (with --runner=SparkRunner)");
    out.println("  --targetParallelism=N                        (DirectRunner worker threads)");
    out.println();
    out.println("Storage options (inputs and outputs may be local paths, hdfs:// or s3:// URIs):");
    out.println("  --hdfsConfiguration='[{\"fs.defaultFS\":\"hdfs://HOST:8020\"}]'");
    out.println("                         (or set HADOOP_CONF_DIR)");
    out.println("  --awsRegion=REGION     (s3://; credentials from the default AWS chain)");
    out.println("  --endpoint=URL         (an S3-compatible store, for example http://HOST:9000)");
    out.println("Any Beam pipeline option is accepted; --help=<OptionsInterface> describes them.");
    out.println();
    out.println("Exit codes:");
    out.printf("  0  done: the output is published%n");
    out.printf(
        "  %d  failed while working (an unreadable input file, a full disk, ...);"
            + " the earlier output is untouched%n",
        FAILED);
    out.printf(
        "  %d  refused, nothing published: a bad option, an input that matches no file or lacks"
            + " a column, selected days without impressions%n",
        REFUSED);
  }

  private static String defaultValue(Method getter) {
    Default.Integer integer = getter.getAnnotation(Default.Integer.class);
    Default.String string = getter.getAnnotation(Default.String.class);
    Default.InstanceFactory factory = getter.getAnnotation(Default.InstanceFactory.class);
    if (integer != null) {
      return Integer.toString(integer.value());
    }
    if (string != null) {
      return string.value();
    }
    if (factory != null) {
      return String.valueOf(
          InstanceBuilder.ofType(DefaultValueFactory.class)
              .fromClass(factory.value())
              .build()
              .create(PipelineOptionsFactory.create()));
    }
    return null;
  }

  /**
   * The DirectRunner checks every element for mutation and coder round-trips; that is for tests
   * (which keep it on), not for runs. A flag given on the command line wins.
   */
  static void useFastDirectRunner(DirectOptions options, String[] args) {
    if (!given(args, "enforceImmutability")) {
      options.setEnforceImmutability(false);
    }
    if (!given(args, "enforceEncodability")) {
      options.setEnforceEncodability(false);
    }
    // Returns from run() at once, so that progress can be printed while it works.
    options.setBlockOnRun(false);
  }

  /** The end of a run: the figures of record, from the metrics file, and where things went. */
  static void printSummary(PrintStream out, RunSummary summary, double seconds) {
    JsonNode metrics;
    try (InputStream in = Channels.newInputStream(BeamFiles.open(summary.metricsJson()))) {
      metrics = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back " + summary.metricsJson(), e);
    }
    out.printf(
        Locale.ROOT,
        "rows written: %,d in %d %s (%s), %.1f s%n",
        metrics.get("rows").asLong(),
        summary.days().size(),
        summary.days().size() == 1 ? "day" : "days",
        String.join(", ", summary.days()),
        seconds);
    JsonNode sources = metrics.get("sources");
    for (Source source : Source.values()) {
      JsonNode counts = sources.get(source.id());
      long mismatch = counts.get("day_mismatch").asLong();
      out.printf(
          Locale.ROOT,
          "  %-16s read %,d, accepted %,d, rejected %,d%s%n",
          source.id() + ":",
          counts.get("read").asLong(),
          counts.get("accepted").asLong(),
          counts.get("rejected").asLong(),
          mismatch == 0 ? "" : String.format(Locale.ROOT, ", day mismatch %,d", mismatch));
    }
    metrics
        .get("missing_partitions")
        .fields()
        .forEachRemaining(
            missing -> {
              List<String> days = new ArrayList<>();
              missing.getValue().forEach(day -> days.add(day.asText()));
              out.println(
                  "missing:  no "
                      + missing.getKey()
                      + " partition for "
                      + DayRange.describe(days, 4)
                      + " (of the days the run needed; all in the metrics)");
            });
    summary.recovered().forEach(line -> out.println("recovery: " + line));
    out.println("work:     " + Progress.describe(summary.counters()));
    out.println("output:   " + summary.output());
    out.println("rejected: " + summary.rejectedOutput());
    out.println("metrics:  " + summary.metricsJson());
    if (summary.report() != null) {
      out.println("report:   " + summary.report());
    }
  }

  /** Input size from which the DirectRunner is worth a warning: about 10,000 impression rows. */
  static final long DIRECT_RUNNER_WARNING_BYTES = 16L << 20;

  /**
   * A note for runs that the DirectRunner will make slow (it handles every customer as a bundle of
   * its own): the exact command that runs the same job on all cores with Spark, or empty.
   */
  static Optional<String> directRunnerHint(long inputBytes, String[] args) {
    if (inputBytes < DIRECT_RUNNER_WARNING_BYTES) {
      return Optional.empty();
    }
    StringBuilder command =
        new StringBuilder("scripts/run --runner=SparkRunner --sparkMaster='local[*]'");
    for (String arg : args) {
      if (!arg.startsWith("--runner=") && !arg.startsWith("--sparkMaster=")) {
        command.append(' ').append(shellQuote(arg));
      }
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "note: %,d MB of input on the DirectRunner, which handles every customer separately and"
                + " gets slow beyond a few thousand of them. The same job on all cores of this machine:%n  %s",
            inputBytes >> 20,
            command));
  }

  private static String shellQuote(String arg) {
    return arg.matches("[A-Za-z0-9_./=:,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  /** The total size of the input files, 0 when they cannot be listed (the run will say why). */
  private static long inputBytes(TrainingInputsOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    long bytes = 0;
    try {
      for (var input : TrainingInputsJob.inputFiles(RunConfig.from(options), options).values()) {
        for (String file : input.files()) {
          bytes += FileSystems.matchSingleFileSpec(file).sizeBytes();
        }
      }
    } catch (RuntimeException | IOException e) {
      return 0;
    }
    return bytes;
  }

  private static boolean isRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RunRefusedException) {
        return true;
      }
    }
    return false;
  }

  /**
   * One line for the user: a refusal's, an unreadable file's or a storage failure's own message
   * (each names its path), or else the innermost cause of a failure.
   */
  static String reason(Throwable e) {
    Throwable root = e;
    Throwable context = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RunRefusedException
          || t instanceof UnreadableFileException
          || t instanceof StorageException) {
        return oneLine(t.getMessage());
      }
      // The outermost message of our own that says what was being done ("publishing the output
      // from ... failed"); wrappers that only repeat their cause do not count.
      if (context == null
          && t.getCause() != null
          && t.getMessage() != null
          && !t.getMessage().equals(t.getCause().toString())
          && t.getClass().getName().startsWith("java.")) {
        context = t;
      }
      root = t;
    }
    String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    String cause =
        root instanceof IllegalArgumentException || root instanceof IllegalStateException
            ? message
            : root.getClass().getSimpleName() + ": " + message;
    return oneLine(context == null ? cause : context.getMessage() + ": " + cause);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
