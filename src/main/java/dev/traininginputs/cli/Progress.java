package dev.traininginputs.cli;

import dev.traininginputs.model.Source;
import dev.traininginputs.stats.Counters;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.apache.beam.sdk.PipelineResult;
import org.joda.time.Duration;

/** Progress lines while the pipeline runs, from the runner's counters. */
final class Progress {
  private Progress() {}

  /**
   * Waits for the pipeline, printing a line every {@code seconds}: lines read per source, histories
   * built, rows built. Counters are for watching; the figures of record are in the metrics file.
   */
  static Function<PipelineResult, PipelineResult.State> every(int seconds, PrintStream out) {
    return result -> {
      long start = System.nanoTime();
      while (true) {
        PipelineResult.State state = result.waitUntilFinish(Duration.standardSeconds(seconds));
        if (state != null && state.isTerminal()) {
          return state;
        }
        out.println(line((System.nanoTime() - start) / 1_000_000_000L, result));
      }
    };
  }

  private static String line(long elapsedSeconds, PipelineResult result) {
    Map<String, Long> counters;
    try {
      counters = Counters.values(result);
    } catch (IllegalStateException | UnsupportedOperationException e) {
      // Not every runner can report counters before the job has started.
      return String.format(Locale.ROOT, "[%4ds] starting", elapsedSeconds);
    }
    return String.format(Locale.ROOT, "[%4ds] %s", elapsedSeconds, describe(counters));
  }

  /**
   * The counters as one line: {@code read impressions 7, clicks 12, ... | actions kept 9, dropped 2
   * outside every window and 3 of customers without impressions | histories 3 | rows 7}.
   */
  static String describe(Map<String, Long> counters) {
    StringJoiner read = new StringJoiner(", ");
    for (Source source : Source.values()) {
      read.add(
          String.format(
              Locale.ROOT,
              "%s %,d",
              source.id(),
              counters.getOrDefault(Counters.readName(source), 0L)));
    }
    return String.format(
        Locale.ROOT,
        "read %s | actions kept %,d, dropped %,d outside every window and %,d of customers"
            + " without impressions | histories %,d | rows %,d",
        read,
        counters.getOrDefault(Counters.ACTIONS_KEPT, 0L),
        counters.getOrDefault(Counters.ACTIONS_OUTSIDE_WINDOW, 0L),
        counters.getOrDefault(Counters.ACTIONS_NOT_IMPRESSED, 0L),
        counters.getOrDefault(Counters.HISTORIES_BUILT, 0L),
        counters.getOrDefault(Counters.ROWS_BUILT, 0L));
  }
}
