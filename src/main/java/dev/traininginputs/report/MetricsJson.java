package dev.traininginputs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.traininginputs.model.Source;
import dev.traininginputs.stats.HistoryStats;
import dev.traininginputs.stats.PositionTypeCounts;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.stats.SourceCounts;
import java.io.UncheckedIOException;

/**
 * The metrics file of SPEC §5: keys and shapes exactly as specified, fractions as plain numbers.
 */
public final class MetricsJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetricsJson() {}

  public static String render(RunMetrics metrics) {
    HistoryStats history = metrics.history();
    ObjectNode root = JSON.createObjectNode();
    root.put("rows", history.rows());
    root.put("impression_rows", metrics.impressionRows());
    root.put("customers", metrics.customers());
    root.put("zero_history_pct", history.zeroHistoryPct());
    root.put("avg_history_length", history.avgHistoryLength());
    root.set("action_type_distribution", byType(history.actionTypeDistribution()));
    ObjectNode lengths = root.putObject("sequence_length_distribution");
    metrics
        .lengths()
        .rowsByLength()
        .forEach((length, rows) -> lengths.put(length.toString(), rows));
    ArrayNode positions = root.putArray("action_type_frequency_by_position");
    PositionTypeCounts byPosition = metrics.positions();
    for (int p = 0; byPosition != null && p < byPosition.positions(); p++) {
      positions.add(byType(byPosition.frequencies(p)));
    }
    ObjectNode days = root.putObject("days");
    metrics
        .days()
        .forEach(
            (day, stats) -> {
              ObjectNode node = days.putObject(day);
              node.put("rows", stats.rows());
              node.put("zero_history_pct", stats.zeroHistoryPct());
              node.put("avg_history_length", stats.avgHistoryLength());
            });
    ObjectNode sources = root.putObject("sources");
    for (Source source : Source.values()) {
      SourceCounts counts = metrics.sources().getOrDefault(source.id(), SourceCounts.ZERO);
      ObjectNode node = sources.putObject(source.id());
      node.put("read", counts.read());
      node.put("accepted", counts.accepted());
      node.put("rejected", counts.rejected());
      node.put("day_mismatch", counts.dayMismatch());
    }
    ObjectNode missing = root.putObject("missing_partitions");
    metrics
        .missingPartitions()
        .forEach((source, missingDays) -> missingDays.forEach(missing.putArray(source)::add));
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode byType(double[] fractions) {
    ObjectNode node = JSON.createObjectNode();
    for (int t = 0; t < fractions.length; t++) {
      node.put(Integer.toString(t), fractions[t]);
    }
    return node;
  }
}
