package dev.traininginputs.stats;

import dev.traininginputs.model.Source;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every figure of SPEC §5 for one run, plus the rejection reasons the report shows. Built from
 * partial figures, each filling some fields, merged by {@link #mergeFrom}: the pipeline computes
 * each figure where it is cheapest and one Combine puts them together.
 */
public final class RunMetrics implements Mergeable<RunMetrics> {
  private HistoryStats history = new HistoryStats();
  private LengthHistogram lengths = new LengthHistogram();
  private PositionTypeCounts positions;
  private long customers;
  private final TreeMap<String, SourceCounts> sources = new TreeMap<>();
  private RejectionReasons rejections = new RejectionReasons();

  public static RunMetrics ofHistory(HistoryStats history) {
    RunMetrics part = new RunMetrics();
    part.history = history;
    return part;
  }

  public static RunMetrics ofLengths(LengthHistogram lengths) {
    RunMetrics part = new RunMetrics();
    part.lengths = lengths;
    return part;
  }

  public static RunMetrics ofPositions(PositionTypeCounts positions) {
    RunMetrics part = new RunMetrics();
    part.positions = positions;
    return part;
  }

  public static RunMetrics ofCustomers(long customers) {
    RunMetrics part = new RunMetrics();
    part.customers = customers;
    return part;
  }

  public static RunMetrics ofSource(String source, SourceCounts counts) {
    RunMetrics part = new RunMetrics();
    part.sources.put(source, counts);
    return part;
  }

  public static RunMetrics ofRejections(RejectionReasons rejections) {
    RunMetrics part = new RunMetrics();
    part.rejections = rejections;
    return part;
  }

  @Override
  public void mergeFrom(RunMetrics other) {
    history.mergeFrom(other.history);
    lengths.mergeFrom(other.lengths);
    if (positions == null) {
      positions = other.positions;
    } else if (other.positions != null) {
      positions.mergeFrom(other.positions);
    }
    customers += other.customers;
    other.sources.forEach((source, counts) -> sources.merge(source, counts, SourceCounts::plus));
    rejections.mergeFrom(other.rejections);
  }

  public HistoryStats history() {
    return history;
  }

  public LengthHistogram lengths() {
    return lengths;
  }

  /** Type frequencies of the first K positions; {@code null} only in a partial figure. */
  public PositionTypeCounts positions() {
    return positions;
  }

  public long customers() {
    return customers;
  }

  /** Accepted impression rows: the accepted lines of the impressions source. */
  public long impressionRows() {
    return sources.getOrDefault(Source.IMPRESSIONS.id(), SourceCounts.ZERO).accepted();
  }

  /** Per source id, lines read, accepted and rejected. */
  public SortedMap<String, SourceCounts> sources() {
    return Collections.unmodifiableSortedMap(sources);
  }

  public RejectionReasons rejections() {
    return rejections;
  }
}
