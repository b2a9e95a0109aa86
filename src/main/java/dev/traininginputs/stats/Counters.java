package dev.traininginputs.stats;

import dev.traininginputs.model.Source;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Every Beam counter the pipeline keeps, by name. They are for progress and dashboards; the figures
 * of record are computed as data (SPEC §5), because some runners only report attempted counter
 * values.
 */
public final class Counters {
  public static final String NAMESPACE = "training_inputs";
  public static final String HISTORIES_BUILT = "histories_built";
  public static final String ROWS_BUILT = "rows_built";
  public static final String ACTIONS_OUTSIDE_WINDOW = "actions_outside_window";
  public static final String ACTIONS_NOT_IMPRESSED = "actions_not_impressed";
  public static final String ACTIONS_KEPT = "actions_kept";

  private Counters() {}

  /** Data lines read from a source's files. */
  public static Counter read(Source source) {
    return counter(readName(source));
  }

  /** The name of {@link #read}'s counter. */
  public static String readName(Source source) {
    return source.id() + "_read";
  }

  public static Counter accepted(Source source) {
    return counter(source.id() + "_accepted");
  }

  public static Counter rejected(Source source) {
    return counter(source.id() + "_rejected");
  }

  /** Rejections of a source by the column at fault ({@code row} for malformed lines). */
  public static Counter rejectedColumn(Source source, String column) {
    return counter(source.id() + "_rejected_" + column.replaceAll("\\[\\d+\\]", ""));
  }

  /** Actions whose partition day no impression day can look back to. */
  public static Counter actionsOutsideWindow() {
    return counter(ACTIONS_OUTSIDE_WINDOW);
  }

  /** Actions of customers without an impression on a day the run builds (SPEC §1). */
  public static Counter actionsNotImpressed() {
    return counter(ACTIONS_NOT_IMPRESSED);
  }

  /** Actions that may be in a history: the ones the grouping by customer receives. */
  public static Counter actionsKept() {
    return counter(ACTIONS_KEPT);
  }

  /** Distinct (customer, impression day) histories built. */
  public static Counter historiesBuilt() {
    return counter(HISTORIES_BUILT);
  }

  /** Training rows emitted. */
  public static Counter rowsBuilt() {
    return counter(ROWS_BUILT);
  }

  /**
   * The current value of every counter of this class, by name: committed where the runner knows it,
   * attempted otherwise. While a pipeline runs, for progress; at the end, the work done (every line
   * read once, every history built once).
   */
  public static Map<String, Long> values(PipelineResult result) {
    Map<String, Long> values = new TreeMap<>();
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.inNamespace(NAMESPACE))
                    .build())
            .getCounters()) {
      values.merge(counter.getName().getName(), value(counter), Long::sum);
    }
    return values;
  }

  private static long value(MetricResult<Long> counter) {
    try {
      Long committed = counter.getCommitted();
      if (committed != null) {
        return committed;
      }
    } catch (UnsupportedOperationException e) {
      // Some runners only know attempted values.
    }
    return counter.getAttempted();
  }

  private static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }
}
