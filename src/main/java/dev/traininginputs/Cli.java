package dev.traininginputs;

import dev.traininginputs.io.RunRefusedException;
import dev.traininginputs.model.Source;
import dev.traininginputs.options.TrainingInputsOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.Introspector;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.util.InstanceBuilder;

/** What the command line adds around {@link TrainingInputsPipeline#run}: help, settings, messages. */
final class Cli {
  private Cli() {}

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
    out.println("Any Beam pipeline option is accepted; --help=<OptionsInterface> describes them.");
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
          InstanceBuilder.ofType(DefaultValueFactory.class).fromClass(factory.value()).build()
              .create(PipelineOptionsFactory.create()));
    }
    return null;
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
    // Returns from run() at once, so that progress can be printed while it works.
    options.setBlockOnRun(false);
  }

  /** The end of a run: the figures of record, from the metrics file, and where things went. */
  static void printSummary(PrintStream out, TrainingInputsPipeline.RunSummary summary, double seconds) {
    JsonNode metrics;
    try {
      metrics = new ObjectMapper().readTree(new File(summary.metricsJson()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back " + summary.metricsJson(), e);
    }
    out.printf(Locale.ROOT, "rows written: %,d in %d days (%s), %.1f s%n",
        metrics.get("rows").asLong(), summary.days().size(), String.join(", ", summary.days()), seconds);
    JsonNode sources = metrics.get("sources");
    for (Source source : Source.values()) {
      JsonNode counts = sources.get(source.id());
      out.printf(Locale.ROOT, "  %-16s read %,d, accepted %,d, rejected %,d%n", source.id() + ":",
          counts.get("read").asLong(), counts.get("accepted").asLong(), counts.get("rejected").asLong());
    }
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
   * A note for runs that the DirectRunner will make slow (it handles every customer as a bundle
   * of its own): the exact command that runs the same job on all cores with Spark, or empty.
   */
  static Optional<String> directRunnerHint(long inputBytes, String[] args) {
    if (inputBytes < DIRECT_RUNNER_WARNING_BYTES) {
      return Optional.empty();
    }
    StringBuilder command = new StringBuilder("scripts/run --runner=SparkRunner --sparkMaster='local[*]'");
    for (String arg : args) {
      if (!arg.startsWith("--runner=") && !arg.startsWith("--sparkMaster=")) {
        command.append(' ').append(shellQuote(arg));
      }
    }
    return Optional.of(String.format(Locale.ROOT,
        "note: %,d MB of input on the DirectRunner, which handles every customer separately and"
            + " gets slow beyond a few thousand of them. The same job on all cores of this machine:%n  %s",
        inputBytes >> 20, command));
  }

  private static String shellQuote(String arg) {
    return arg.matches("[A-Za-z0-9_./=:,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
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
