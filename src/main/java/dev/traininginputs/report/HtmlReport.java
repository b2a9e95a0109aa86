package dev.traininginputs.report;

import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.DayRange;
import dev.traininginputs.model.Source;
import dev.traininginputs.stats.HistoryStats;
import dev.traininginputs.stats.PositionTypeCounts;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.stats.SourceCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.DoubleFunction;

/**
 * One self-contained HTML page about a run: no scripts, no network, charts drawn as inline SVG.
 * Shows the run's settings and inputs, read/accepted/rejected per source with the most frequent
 * rejection reasons, rows and history figures per impression day with drifting days marked, a
 * histogram of history lengths, the action-type mix, the type mix of the first K positions, and the
 * share of empty histories.
 */
public final class HtmlReport {

  static final String[] TYPE_COLORS = {"#cbd2d9", "#2680c2", "#f0b429", "#3ebd93"};
  private static final int TOP_REASONS = 5;
  private static final int MAX_BARS = 40;
  private static final String BAR_COLOR = "#2680c2";
  private static final String DRIFT_COLOR = "#cf1124";

  /** How far from the median of the days a day's figure may be before it is marked. */
  static final double DRIFT = 0.25;

  /** The most days the days' table lists one by one; beyond, it lists the marked days. */
  static final int MAX_TABLE_DAYS = 31;

  /** The fewest days whose median means something: a week. With fewer, nothing is marked. */
  static final int DRIFT_MIN_DAYS = 7;

  /** The width of a tick label's character, in pixels, with room to spare (11 px text). */
  private static final double TICK_CHAR_WIDTH = 7;

  private HtmlReport() {}

  public static String render(RunMetrics metrics, RunInfo run) {
    HistoryStats history = metrics.history();
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Training inputs report</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n")
        .append("<header><h1>Training inputs</h1><div class=\"sub\">")
        .append(escape(run.title()))
        .append("</div></header>\n<main>\n");

    html.append("<div class=\"cards\">\n");
    card(html, "Rows written", history.rows());
    card(html, "Impression rows", metrics.impressionRows());
    card(html, "Customers", metrics.customers());
    card(html, "Empty histories", percent(history.zeroHistoryPct()));
    card(html, "Mean history length", decimal(history.avgHistoryLength()));
    html.append("</div>\n");

    html.append(
        "<section><h2>Inputs</h2>\n<table>\n<tr><th>source</th><th class=\"num\">read</th>"
            + "<th class=\"num\">accepted</th><th class=\"num\">rejected</th>"
            + "<th class=\"num\" title=\"accepted rows whose day column disagreed with their"
            + " partition folder\">day mismatch</th><th>most frequent rejection reasons</th></tr>\n");
    for (Source source : Source.values()) {
      SourceCounts counts = metrics.sources().getOrDefault(source.id(), SourceCounts.ZERO);
      html.append("<tr><td>")
          .append(source.id())
          .append("</td><td class=\"num\">")
          .append(count(counts.read()))
          .append("</td><td class=\"num\">")
          .append(count(counts.accepted()))
          .append("</td><td class=\"num")
          .append(counts.rejected() > 0 ? " bad" : "")
          .append("\">")
          .append(count(counts.rejected()))
          .append("</td><td class=\"num\">")
          .append(count(counts.dayMismatch()))
          .append("</td><td>");
      Map<String, Long> reasons = metrics.rejections().top(source.id(), TOP_REASONS);
      if (reasons.isEmpty()) {
        html.append("<span class=\"muted\">none</span>");
      } else {
        html.append("<ul>");
        reasons.forEach(
            (reason, n) ->
                html.append("<li><code>")
                    .append(escape(reason))
                    .append("</code> <span class=\"muted\">× ")
                    .append(count(n))
                    .append("</span></li>"));
        html.append("</ul>");
      }
      html.append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (!metrics.missingPartitions().isEmpty()) {
      html.append(
          "<p class=\"bad\">Missing partitions: days the run needed that the partitioned inputs"
              + " do not have.</p>\n<table class=\"compact\">");
      metrics
          .missingPartitions()
          .forEach(
              (source, days) ->
                  html.append("<tr><th>")
                      .append(escape(source))
                      .append("</th><td>")
                      .append(escape(DayRange.describe(days, 12)))
                      .append("</td></tr>\n"));
      html.append("</table>\n");
    }
    html.append("</section>\n");

    html.append(daysSection(metrics.days()));

    if (history.rows() == 0) {
      html.append(
          "<section><h2>Histories</h2>\n<p class=\"muted\">No rows were written: no history"
              + " lengths or action types to show.</p></section>\n");
    } else {
      historySections(html, metrics);
    }
    html.append("<section><h2>Run settings</h2>\n<table>\n");
    run.settingsView()
        .forEach(
            (name, value) ->
                html.append("<tr><th>")
                    .append(escape(name))
                    .append("</th><td><code>")
                    .append(escape(value))
                    .append("</code></td></tr>\n"));
    html.append("</table></section>\n</main>\n</body>\n</html>");
    return html.toString();
  }

  /** The history-length histogram, the action-type mix and the types of the first K positions. */
  private static void historySections(StringBuilder html, RunMetrics metrics) {
    HistoryStats history = metrics.history();
    html.append(
            "<section><h2>History lengths</h2>\n<p class=\"muted\">Rows by number of non-padding actions; ")
        .append(percent(history.zeroHistoryPct()))
        .append(" of rows have no history at all.</p>\n")
        .append(lengthHistogram(metrics.lengths().rowsByLength()))
        .append("</section>\n");

    double[] mix = history.actionTypeDistribution();
    double[] withinHistories = withoutPadding(mix);
    html.append("<section><h2>Action types</h2>\n")
        .append(legend())
        .append("<p class=\"muted\">Over all N positions of all rows:</p>\n")
        .append(stackedBar(mix, 860, 30))
        .append("<p class=\"muted\">Within the histories, padding left out:</p>\n")
        .append(stackedBar(withinHistories, 860, 30))
        .append("<table class=\"compact\"><tr><th></th>");
    for (int t = 0; t < ActionType.CODES; t++) {
      html.append("<th class=\"num\">")
          .append(t)
          .append(" ")
          .append(ActionType.describe(t))
          .append("</th>");
    }
    html.append("</tr><tr><th>all positions</th>");
    for (double f : mix) {
      html.append("<td class=\"num\">").append(percent(f)).append("</td>");
    }
    html.append("</tr><tr><th>within histories</th><td class=\"num\">–</td>");
    for (int t = 1; t < ActionType.CODES; t++) {
      html.append("<td class=\"num\">").append(percent(withinHistories[t])).append("</td>");
    }
    html.append("</tr></table></section>\n");

    PositionTypeCounts positions = metrics.positions();
    if (positions != null && positions.positions() > 0) {
      html.append("<section><h2>Action types at the first ")
          .append(positions.positions())
          .append(
              " positions</h2>\n<p class=\"muted\">Position 0 is the newest action before the impression day.</p>\n")
          .append(legend())
          .append(positionBars(positions))
          .append("</section>\n");
    }
  }

  /**
   * A count on a card: exact up to 9,999,999, then {@link #compact} with the exact in a tooltip.
   */
  private static void card(StringBuilder html, String label, long value) {
    if (value < 10_000_000) {
      card(html, label, count(value));
    } else {
      card(html, label, "<span title=\"" + count(value) + "\">" + compact(value) + "</span>");
    }
  }

  private static void card(StringBuilder html, String label, String value) {
    html.append("<div class=\"card\"><div class=\"value\">")
        .append(value)
        .append("</div><div class=\"label\">")
        .append(label)
        .append("</div></div>\n");
  }

  private static String legend() {
    StringBuilder html = new StringBuilder("<div class=\"legend\">");
    for (int t = 0; t < ActionType.CODES; t++) {
      html.append("<span><i style=\"background:")
          .append(TYPE_COLORS[t])
          .append("\"></i>")
          .append(t)
          .append(" ")
          .append(ActionType.describe(t))
          .append("</span>");
    }
    return html.append("</div>\n").toString();
  }

  /** The type mix renormalised to the non-padding positions; all zeros when there are none. */
  private static double[] withoutPadding(double[] mix) {
    double filled = 1 - mix[0];
    double[] within = new double[ActionType.CODES];
    for (int t = 1; t < ActionType.CODES && filled > 0; t++) {
      within[t] = mix[t] / filled;
    }
    return within;
  }

  /** One horizontal bar split by type. */
  private static String stackedBar(double[] fractions, int width, int height) {
    StringBuilder svg = svg(width, height, "Action type mix");
    double x = 0;
    for (int t = 0; t < fractions.length; t++) {
      double w = fractions[t] * width;
      if (w > 0) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>",
                x,
                w,
                height,
                TYPE_COLORS[t],
                ActionType.describe(t),
                percent(fractions[t])));
      }
      x += w;
    }
    return svg.append("</svg>\n").toString();
  }

  /** Bars of rows per history length; long ranges are grouped into at most 40 bins after 0. */
  static String lengthHistogram(SortedMap<Integer, Long> rowsByLength) {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    int max = rowsByLength.isEmpty() ? 0 : rowsByLength.lastKey();
    labels.add("0");
    values.add(rowsByLength.getOrDefault(0, 0L));
    int binWidth = Math.max(1, (int) Math.ceil(max / (double) (MAX_BARS - 1)));
    for (int from = 1; from <= max; from += binWidth) {
      int to = Math.min(max, from + binWidth - 1);
      labels.add(from == to ? Integer.toString(from) : from + "–" + to);
      values.add(
          rowsByLength.subMap(from, to + 1).values().stream().mapToLong(Long::longValue).sum());
    }
    String[] colors = new String[labels.size()];
    Arrays.fill(colors, BAR_COLOR);
    colors[0] = "#9aa5b1";
    return bars(
        labels,
        values.stream().mapToDouble(Long::doubleValue).toArray(),
        colors,
        v -> count((long) v) + " rows",
        "length",
        "history length",
        220);
  }

  /**
   * Rows, empty-history share and mean history length per impression day, as three small charts and
   * a table. From {@link #DRIFT_MIN_DAYS} days on, a day whose figure lies more than {@link #DRIFT}
   * away from the median of the days (relative to it) and more than the figure's own floor (2
   * points of empty histories, 1 action of mean length) is drawn and written in red, so that a
   * drifting day stands out; a flat figure, or one of too few days, is never marked.
   */
  static String daysSection(Map<String, HistoryStats> days) {
    StringBuilder html = new StringBuilder("<section><h2>Days</h2>\n");
    if (days.isEmpty()) {
      return html.append("<p class=\"muted\">No rows were written.</p></section>\n").toString();
    }
    List<String> labels = new ArrayList<>(days.keySet());
    List<HistoryStats> stats = new ArrayList<>(days.values());
    double[][] figures = {
      stats.stream().mapToDouble(HistoryStats::rows).toArray(),
      stats.stream().mapToDouble(HistoryStats::zeroHistoryPct).toArray(),
      stats.stream().mapToDouble(HistoryStats::avgHistoryLength).toArray()
    };
    String[] names = {"rows", "empty histories", "mean history length"};
    double[] floors = {0, 0.02, 1};
    List<DoubleFunction<String>> formats =
        List.of(v -> count(Math.round(v)), HtmlReport::percent, HtmlReport::decimal);
    boolean[][] drifting = new boolean[3][];
    html.append("<p class=\"muted\">Per impression day. ").append(driftRule(labels.size()));
    html.append("</p>\n");
    for (int f = 0; f < 3; f++) {
      drifting[f] = drifting(figures[f], floors[f]);
      String[] colors = new String[labels.size()];
      for (int d = 0; d < colors.length; d++) {
        colors[d] = drifting[f][d] ? DRIFT_COLOR : BAR_COLOR;
      }
      html.append("<h3>").append(names[f]).append("</h3>\n");
      html.append(
          bars(
              labels, figures[f], colors, formats.get(f), names[f] + " on", "impression day", 130));
    }
    if (labels.size() > MAX_TABLE_DAYS) {
      html.append("<p class=\"muted\">")
          .append(labels.size())
          .append(
              " days: the table lists the marked ones; every day is in the metrics file.</p>\n");
    }
    html.append(
        "<table class=\"compact\"><tr><th>day</th><th class=\"num\">rows</th>"
            + "<th class=\"num\">empty histories</th><th class=\"num\">mean history length</th></tr>\n");
    boolean onlyMarked = labels.size() > MAX_TABLE_DAYS;
    for (int d = 0; d < labels.size(); d++) {
      if (onlyMarked && !drifting[0][d] && !drifting[1][d] && !drifting[2][d]) {
        continue;
      }
      html.append("<tr><td>").append(labels.get(d)).append("</td>");
      for (int f = 0; f < 3; f++) {
        html.append("<td class=\"num")
            .append(drifting[f][d] ? " bad" : "")
            .append("\">")
            .append(formats.get(f).apply(figures[f][d]))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</table></section>\n").toString();
  }

  /** What the days' colours mean, for this many days. */
  private static String driftRule(int days) {
    String rule =
        "In red: a day more than "
            + percent(DRIFT)
            + " away from the median of the days (and more than 2 points of empty histories, 1"
            + " action of mean length). ";
    return days < DRIFT_MIN_DAYS
        ? "Drift is looked for from "
            + DRIFT_MIN_DAYS
            + " days on; with "
            + days
            + (days == 1 ? " day" : " days")
            + " nothing is compared."
        : rule + "Compared over " + days + " days.";
  }

  /**
   * Which values lie more than {@link #DRIFT} of the median and more than {@code floor} away from
   * it; none when there are fewer than {@link #DRIFT_MIN_DAYS} values.
   */
  static boolean[] drifting(double[] values, double floor) {
    int n = values.length;
    boolean[] drifting = new boolean[n];
    if (n < DRIFT_MIN_DAYS) {
      return drifting;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    for (int i = 0; i < n; i++) {
      double off = Math.abs(values[i] - median);
      drifting[i] = off > DRIFT * Math.abs(median) && off > floor;
    }
    return drifting;
  }

  /**
   * A bar chart: one bar per label, in its colour, a tooltip with {@code what} and the formatted
   * value, and {@code axis} under the x axis.
   */
  private static String bars(
      List<String> labels,
      double[] values,
      String[] colors,
      DoubleFunction<String> format,
      String what,
      String axis,
      int height) {
    int width = 860;
    double top = Arrays.stream(values).max().orElse(0);
    // Room for the longest tick label left of the axis: "1,714 rows" needs more than "0 rows".
    int left = (int) Math.max(56, 10 + TICK_CHAR_WIDTH * format.apply(top).length());
    int bottom = 40;
    int plotHeight = height - bottom - 12;
    double scale = top > 0 ? top : 1;
    double slot = (width - left) / (double) labels.size();
    StringBuilder svg = svg(width, height, axis);
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"12\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>"
                + "<text x=\"%d\" y=\"18\" class=\"tick\" text-anchor=\"end\">%s</text>"
                + "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">%s</text>",
            left,
            left,
            12 + plotHeight,
            left - 6,
            format.apply(top),
            left - 6,
            12 + plotHeight,
            format.apply(0)));
    int labelEvery = Math.max(1, (int) Math.ceil(labels.size() / 12.0));
    for (int i = 0; i < labels.size(); i++) {
      double h = values[i] * plotHeight / scale;
      // Narrow bars when there are few: a single day is a bar, not a wall.
      double barWidth = Math.min(slot * 0.8, 48);
      double x = left + i * slot + (slot - barWidth) / 2;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
              x,
              12 + plotHeight - h,
              barWidth,
              h,
              colors[i],
              what,
              labels.get(i),
              format.apply(values[i])));
      if (i % labelEvery == 0) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.2f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
                x + barWidth / 2,
                12 + plotHeight + 16,
                labels.get(i)));
      }
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
            left + (width - left) / 2,
            height - 4,
            axis));
    return svg.append("</svg>\n").toString();
  }

  /** One vertical 100% bar per position, split by type. */
  private static String positionBars(PositionTypeCounts positions) {
    int k = positions.positions();
    int width = 860;
    int height = 240;
    int left = 56;
    int plotHeight = 190;
    double slot = (width - left) / (double) k;
    double barWidth = Math.min(90, slot * 0.7);
    StringBuilder svg = svg(width, height, "Action types by position");
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"18\" class=\"tick\" text-anchor=\"end\">100%%</text>"
                + "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">0%%</text>",
            left - 6,
            left - 6,
            10 + plotHeight));
    for (int p = 0; p < k; p++) {
      double[] f = positions.frequencies(p);
      double x = left + p * slot + (slot - barWidth) / 2;
      double y = 10 + plotHeight;
      for (int t = 0; t < ActionType.CODES; t++) {
        double h = f[t] * plotHeight;
        y -= h;
        if (h > 0) {
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"><title>position %d, %s: %s</title></rect>",
                  x,
                  y,
                  barWidth,
                  h,
                  TYPE_COLORS[t],
                  p,
                  ActionType.describe(t),
                  percent(f[t])));
        }
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.2f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%d</text>",
              x + barWidth / 2,
              10 + plotHeight + 18,
              p));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">position</text>",
            left + (width - left) / 2,
            height - 4));
    return svg.append("</svg>\n").toString();
  }

  private static StringBuilder svg(int width, int height, String label) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
            width,
            height,
            width,
            height,
            label));
  }

  /** A big count in four characters or so: {@code 12.3 M}, {@code 342.0 B}. */
  static String compact(long n) {
    String[] units = {"", " k", " M", " B", " T"};
    double value = n;
    int unit = 0;
    while (Math.abs(value) >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0 ? count(n) : String.format(Locale.ROOT, "%.1f", value) + units[unit];
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String decimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS =
      """
      body{margin:0;background:#f5f7fa;color:#1f2933;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
      header{background:#1f2933;color:#fff;padding:18px 32px}
      h1{margin:0;font-size:22px;font-weight:600} .sub{color:#9aa5b1;font-size:13px;margin-top:2px}
      main{max-width:940px;padding:20px 32px 40px}
      h2{font-size:16px;margin:0 0 10px} h3{font-size:13px;color:#52606d;margin:10px 0 2px}
      .cards{display:grid;grid-template-columns:repeat(5,1fr);gap:12px}
      .card,section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(15,23,42,.08)}
      .card{padding:12px 14px} .value{font-size:24px;font-weight:600} .label{color:#616e7c;font-size:13px}
      section{padding:16px 20px;margin-top:16px}
      table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e4e7eb;vertical-align:top;font-size:14px}
      th{color:#52606d;font-weight:600} .num{text-align:right;font-variant-numeric:tabular-nums} .bad{color:#cf1124;font-weight:600}
      table.compact{width:auto;margin-top:8px}
      ul{margin:0;padding-left:18px} code{font-size:13px} .muted{color:#7b8794}
      .legend{font-size:13px;margin-bottom:8px} .legend span{margin-right:16px} .legend i{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
      svg{display:block;max-width:100%;height:auto} .axis{stroke:#9aa5b1} .tick{font-size:11px;fill:#616e7c}
      """;
}
