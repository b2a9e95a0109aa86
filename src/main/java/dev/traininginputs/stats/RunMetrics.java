package dev.traininginputs.stats;

import dev.traininginputs.model.Days;
import dev.traininginputs.model.History;
import dev.traininginputs.model.Source;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * Every figure of SPEC §5 for one run, plus the rejection reasons the report shows. Built from
 * partial figures, each filling some fields, merged by {@link #mergeFrom}: every part comes from a
 * step that reads its data anyway (the row figures from the writer, one part per file; the source
 * counts from the readers, one part per file; the rejection reasons from the rejected-records
 * writer), so that no collection of the pipeline needs a second consumer for its figures.
 */
@DefaultCoder(FigureCoder.class)
public final class RunMetrics implements RowAccumulator<RunMetrics> {
  /** Per impression day (epoch day): rows, empty histories, lengths and types. */
  private final TreeMap<Integer, HistoryStats> days = new TreeMap<>();

  private final LengthHistogram lengths = new LengthHistogram();
  private PositionTypeCounts positions;
  private long customers;
  private long impressionRows;
  private final TreeMap<String, SourceCounts> sources = new TreeMap<>();
  private final TreeMap<String, List<String>> missingPartitions = new TreeMap<>();
  private final RejectionReasons rejections = new RejectionReasons();

  /** An empty figure to {@link #add} rows to, analysing the first {@code positions} positions. */
  public static RunMetrics ofRows(int positions) {
    RunMetrics part = new RunMetrics();
    part.positions = new PositionTypeCounts(positions);
    return part;
  }

  public static RunMetrics ofCustomers(long customers) {
    RunMetrics part = new RunMetrics();
    part.customers = customers;
    return part;
  }

  /** The accepted impression rows of the days the run builds. */
  public static RunMetrics ofImpressionRows(long impressionRows) {
    RunMetrics part = new RunMetrics();
    part.impressionRows = impressionRows;
    return part;
  }

  /**
   * The partition days that partitioned inputs lack among those the run needs: per source id,
   * {@code YYYY-MM-DD} days, sorted. Known before the run, from the listing.
   */
  public static RunMetrics ofMissingPartitions(Map<String, List<String>> missing) {
    RunMetrics part = new RunMetrics();
    missing.forEach((source, days) -> part.missingPartitions.put(source, List.copyOf(days)));
    return part;
  }

  public static RunMetrics ofSource(Source source, SourceCounts counts) {
    RunMetrics part = new RunMetrics();
    part.sources.put(source.id(), counts);
    return part;
  }

  public static RunMetrics ofRejections(RejectionReasons rejections) {
    RunMetrics part = new RunMetrics();
    part.rejections.mergeFrom(rejections);
    return part;
  }

  /** Adds training rows sharing a history; only to figures made by {@link #ofRows}. */
  @Override
  public void add(int day, History history, long weight) {
    days.computeIfAbsent(day, d -> new HistoryStats()).add(day, history, weight);
    lengths.add(day, history, weight);
    positions.add(day, history, weight);
  }

  @Override
  public void mergeFrom(RunMetrics other) {
    other.days.forEach(
        (day, stats) -> days.computeIfAbsent(day, d -> new HistoryStats()).mergeFrom(stats));
    lengths.mergeFrom(other.lengths);
    if (other.positions != null) {
      if (positions == null) {
        // A copy: the other figure may be a Combine's input, which must not change.
        positions = new PositionTypeCounts(other.positions.positions());
      }
      positions.mergeFrom(other.positions);
    }
    customers += other.customers;
    impressionRows += other.impressionRows;
    other.missingPartitions.forEach(missingPartitions::putIfAbsent);
    other.sources.forEach((source, counts) -> sources.merge(source, counts, SourceCounts::plus));
    rejections.mergeFrom(other.rejections);
  }

  /** The figures of all rows, whatever their day. */
  public HistoryStats history() {
    HistoryStats all = new HistoryStats();
    days.values().forEach(all::mergeFrom);
    return all;
  }

  /** The figures of each impression day written: {@code YYYY-MM-DD} to figures, in day order. */
  public Map<String, HistoryStats> days() {
    Map<String, HistoryStats> byDay = new LinkedHashMap<>();
    days.forEach((day, stats) -> byDay.put(Days.format(day), stats));
    return Collections.unmodifiableMap(byDay);
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

  /** Accepted impression rows of the days the run builds. */
  public long impressionRows() {
    return impressionRows;
  }

  /** Per source id, the needed partition days its table lacks; sources without any are absent. */
  public SortedMap<String, List<String>> missingPartitions() {
    return Collections.unmodifiableSortedMap(missingPartitions);
  }

  /** Per source id, lines read, accepted and rejected. */
  public SortedMap<String, SourceCounts> sources() {
    return Collections.unmodifiableSortedMap(sources);
  }

  public RejectionReasons rejections() {
    return rejections;
  }
}
