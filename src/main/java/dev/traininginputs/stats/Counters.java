package dev.traininginputs.stats;

import dev.traininginputs.model.Source;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * Every Beam counter the pipeline keeps, by name. They are for progress and dashboards; the
 * figures of record are computed as data (SPEC §5), because some runners only report attempted
 * counter values.
 */
public final class Counters {
  public static final String NAMESPACE = "training_inputs";

  private Counters() {}

  public static Counter read(Source source) {
    return counter(source.id() + "_read");
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
    return counter("actions_outside_window");
  }

  /** Distinct (customer, impression day) histories built. */
  public static Counter historiesBuilt() {
    return counter("histories_built");
  }

  /** Training rows emitted. */
  public static Counter rowsBuilt() {
    return counter("rows_built");
  }

  private static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }
}
