package dev.traininginputs;

import dev.traininginputs.io.RunRefusedException;
import dev.traininginputs.model.Source;
import dev.traininginputs.options.TrainingInputsOptions;
import dev.traininginputs.stats.Counters;
import java.io.PrintStream;
import java.util.Arrays;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** What the command line adds around {@link TrainingInputsPipeline#run}: help, settings, messages. */
final class Cli {
  private Cli() {}

  static boolean asksForHelp(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
  }

  static void printHelp(PrintStream out) {
    out.println("Usage: scripts/run [--option=value ...]");
    out.println();
    PipelineOptionsFactory.printHelp(out, TrainingInputsOptions.class);
    out.println("Runner options:");
    out.println("  --runner=DirectRunner (default) | SparkRunner");
    out.println("  --sparkMaster=local[N] | spark://HOST:PORT   (with --runner=SparkRunner)");
    out.println("  --targetParallelism=N                        (DirectRunner worker threads)");
    out.println("Any Beam pipeline option is accepted; --help=<OptionsInterface> describes them.");
  }

  /**
   * The DirectRunner checks every element for mutation and coder round-trips; that is for tests
   * (which keep it on), not for runs. A flag given on the command line wins.
   */
  static void useFastDirectRunner(DirectOptions options, String[] args) {
    if (Arrays.stream(args).noneMatch(a -> a.startsWith("--enforceImmutability"))) {
      options.setEnforceImmutability(false);
    }
    if (Arrays.stream(args).noneMatch(a -> a.startsWith("--enforceEncodability"))) {
      options.setEnforceEncodability(false);
    }
  }

  static void printSummary(PrintStream out, TrainingInputsPipeline.RunSummary summary) {
    MetricQueryResults metrics =
        summary.result().metrics().queryMetrics(
            MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(Counters.NAMESPACE)).build());
    out.printf("rows written: %d (%d days: %s)%n",
        counter(metrics, "rows_built"), summary.days().size(), String.join(", ", summary.days()));
    for (Source source : Source.values()) {
      out.printf("%-16s read %d, accepted %d, rejected %d%n", source.id() + ":",
          counter(metrics, source.id() + "_read"), counter(metrics, source.id() + "_accepted"),
          counter(metrics, source.id() + "_rejected"));
    }
    out.println("output:   " + summary.output());
    out.println("rejected: " + summary.rejectedOutput());
  }

  private static long counter(MetricQueryResults metrics, String name) {
    long total = 0;
    for (MetricResult<Long> result : metrics.getCounters()) {
      if (result.getName().getName().equals(name)) {
        total += result.getAttempted();
      }
    }
    return total;
  }

  /** One line for the user: a refusal's own message, or the innermost cause of a failure. */
  static String reason(Throwable e) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RunRefusedException) {
        return oneLine(t.getMessage());
      }
      root = t;
    }
    String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    return oneLine(root instanceof IllegalArgumentException || root instanceof IllegalStateException
        ? message : root.getClass().getSimpleName() + ": " + message);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
