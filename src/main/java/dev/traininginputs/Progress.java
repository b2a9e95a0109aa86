package dev.traininginputs;

import dev.traininginputs.model.Source;
import dev.traininginputs.stats.Counters;
import java.io.PrintStream;
import java.util.Locale;
import java.util.StringJoiner;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;

/** How {@link TrainingInputsPipeline#run} waits for the pipeline: silently, or printing progress. */
@FunctionalInterface
public interface Progress {

  /** Waits until the pipeline has finished; throws what the pipeline threw. */
  PipelineResult.State waitFor(PipelineResult result);

  /** Just waits. */
  Progress SILENT = PipelineResult::waitUntilFinish;

  /**
   * Prints a line every {@code seconds} while the pipeline runs, from the runner's counters: lines
   * read per source, histories built, rows built. Counters are for watching; the figures of
   * record are in the metrics file.
   */
  static Progress every(int seconds, PrintStream out) {
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
    MetricQueryResults metrics;
    try {
      metrics = result.metrics().queryMetrics(MetricsFilter.builder()
          .addNameFilter(MetricNameFilter.inNamespace(Counters.NAMESPACE)).build());
    } catch (RuntimeException e) {
      return String.format(Locale.ROOT, "[%4ds] running", elapsedSeconds);
    }
    StringJoiner read = new StringJoiner(", ");
    for (Source source : Source.values()) {
      read.add(source.id() + " " + String.format(Locale.ROOT, "%,d", counter(metrics, source.id() + "_read")));
    }
    return String.format(Locale.ROOT, "[%4ds] read %s | histories %,d | rows %,d", elapsedSeconds,
        read, counter(metrics, "histories_built"), counter(metrics, "rows_built"));
  }

  private static long counter(MetricQueryResults metrics, String name) {
    long total = 0;
    for (MetricResult<Long> counter : metrics.getCounters()) {
      if (counter.getName().getName().equals(name)) {
        Long committed = null;
        try {
          committed = counter.getCommitted();
        } catch (UnsupportedOperationException e) {
          // Some runners only know attempted values.
        }
        total += committed != null ? committed : counter.getAttempted();
      }
    }
    return total;
  }
}
