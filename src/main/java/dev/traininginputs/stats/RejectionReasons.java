package dev.traininginputs.stats;

import dev.traininginputs.model.RejectedRecord;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Rejections per source and kind of reason, for the report. A kind is the reason with its values
 * blanked ({@code click_time: "2025-02-30 10:00:00" is not a date-time} becomes {@code click_time:
 * … is not a date-time}), so that a million bad timestamps are one line. At most {@value
 * #MAX_KINDS} kinds are kept per source; the rest are counted as "other".
 */
public final class RejectionReasons implements Mergeable<RejectionReasons> {
  static final int MAX_KINDS = 200;
  static final String OTHER = "(other reasons)";
  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"(?:\\.\\.\\.)?");
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w\\[])-?\\d+(?:\\.\\d+)?(?![\\w\\]-])");
  private static final Pattern PARENTHESES = Pattern.compile("\\s*\\(.*\\)$");
  private static final Pattern INDEX = Pattern.compile("\\[\\d+\\]");

  private final TreeMap<String, TreeMap<String, Long>> bySource = new TreeMap<>();

  public void add(RejectedRecord record) {
    count(record.source(), kind(record.reason()), 1);
  }

  @Override
  public void mergeFrom(RejectionReasons other) {
    other.bySource.forEach((source, kinds) -> kinds.forEach((kind, n) -> count(source, kind, n)));
  }

  private void count(String source, String kind, long n) {
    TreeMap<String, Long> kinds = bySource.computeIfAbsent(source, s -> new TreeMap<>());
    String kept = kinds.containsKey(kind) || kinds.size() < MAX_KINDS ? kind : OTHER;
    kinds.merge(kept, n, Long::sum);
  }

  /** The {@code limit} most frequent kinds of a source, most frequent first, ties by name. */
  public Map<String, Long> top(String source, int limit) {
    Map<String, Long> top = new LinkedHashMap<>();
    List<Map.Entry<String, Long>> entries =
        List.copyOf(bySource.getOrDefault(source, new TreeMap<>()).entrySet());
    entries.stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  static String kind(String reason) {
    String kind = PARENTHESES.matcher(reason).replaceAll("");
    kind = QUOTED.matcher(kind).replaceAll("…");
    kind = INDEX.matcher(kind).replaceAll("[…]");
    return NUMBER.matcher(kind).replaceAll("…");
  }
}
