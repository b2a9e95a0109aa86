package dev.traininginputs.report;

import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.ints;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.traininginputs.model.History;
import dev.traininginputs.model.ImpressedItem;
import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.stats.HistoryStats;
import dev.traininginputs.stats.RejectionReasons;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.stats.SourceCounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private String html;

  @BeforeEach
  void render() {
    List<TrainingRow> rows =
        List.of(
            row(history(4, ints(9, 8, 7), ints(1, 2, 3))),
            row(history(4, ints(9), ints(1))),
            row(History.empty(4)),
            row(History.empty(4)));
    RunMetrics rowFigures = RunMetrics.ofRows(3);
    rows.forEach(rowFigures::add);
    RejectionReasons reasons = new RejectionReasons();
    reasons.add(
        new RejectedRecord(
            "clicks", "c.csv", 3, "click_time: \"2025-02-30 10:00:00\" is not a date-time", "x"));
    reasons.add(
        new RejectedRecord("clicks", "c.csv", 9, "click_time: \"<b>\" is not a date-time", "x"));
    RunMetrics metrics = new RunMetrics();
    for (RunMetrics part :
        List.of(
            rowFigures,
            RunMetrics.ofCustomers(3),
            RunMetrics.ofImpressionRows(1234),
            RunMetrics.ofSource(Source.IMPRESSIONS, new SourceCounts(1234, 1234, 0)),
            RunMetrics.ofSource(Source.CLICKS, new SourceCounts(1502, 1500, 2)),
            RunMetrics.ofRejections(reasons))) {
      metrics.mergeFrom(part);
    }
    LinkedHashMap<String, String> settings = new LinkedHashMap<>();
    settings.put("sequence length (N)", "4");
    settings.put("impressions", "/data/<impressions>.csv");
    html = HtmlReport.render(metrics, new RunInfo("/out/training", settings));
  }

  private static TrainingRow row(History history) {
    return new TrainingRow(new ImpressedItem(1, 20_000, "r", 0, 5, false), history);
  }

  @Test
  void showsTheHeadlineFigures() {
    assertThat(
        html,
        containsString("<div class=\"value\">4</div><div class=\"label\">Rows written</div>"));
    assertThat(
        html,
        containsString(
            "<div class=\"value\">1,234</div><div class=\"label\">Impression rows</div>"));
    assertThat(
        html, containsString("<div class=\"value\">3</div><div class=\"label\">Customers</div>"));
    assertThat(
        html,
        containsString(
            "<div class=\"value\">50.0%</div><div class=\"label\">Empty histories</div>"));
    assertThat(
        html,
        containsString(
            "<div class=\"value\">1.0</div><div class=\"label\">Mean history length</div>"));
  }

  @Test
  void showsEverySourceWithItsCountsAndTopReasons() {
    assertThat(
        html,
        containsString(
            "<tr><td>clicks</td><td class=\"num\">1,502</td><td class=\"num\">1,500</td><td class=\"num bad\">2</td>"));
    assertThat(
        html,
        containsString(
            "<code>click_time: … is not a date-time</code> <span class=\"muted\">× 2</span>"));
    assertThat(html, containsString("<tr><td>impressions</td><td class=\"num\">1,234</td>"));
    for (String source : List.of("add_to_carts", "previous_orders")) {
      assertThat(html, containsString("<tr><td>" + source + "</td><td class=\"num\">0</td>"));
    }
  }

  @Test
  void drawsTheDaysHistogramTypeMixAndPositionBars() {
    // Three for the days, one histogram, two type mixes, one of positions.
    assertThat(count("<svg "), equalTo(7));
    assertThat(html, containsString("<title>rows on 2024-10-04: 4</title>"));
    assertThat(html, containsString("<title>length 0: 2 rows</title>"));
    assertThat(html, containsString("<title>length 3: 1 rows</title>"));
    // 16 positions: 12 padding, 2 clicks, 1 cart, 1 order.
    assertThat(
        html,
        containsString(
            "<th>all positions</th><td class=\"num\">75.0%</td><td class=\"num\">12.5%</td><td class=\"num\">6.3%</td><td class=\"num\">6.3%</td>"));
    // Within histories: 2 clicks, 1 cart, 1 order.
    assertThat(
        html,
        containsString(
            "<th>within histories</th><td class=\"num\">–</td><td class=\"num\">50.0%</td><td class=\"num\">25.0%</td><td class=\"num\">25.0%</td>"));
    assertThat(html, containsString("<title>position 0, click: 50.0%</title>"));
    assertThat(html, containsString("<title>position 2, order: 25.0%</title>"));
    assertThat(html, containsString("Action types at the first 3 positions"));
  }

  @Test
  void showsTheSettingsEscaped() {
    assertThat(html, containsString("<th>sequence length (N)</th><td><code>4</code></td>"));
    assertThat(html, containsString("/data/&lt;impressions&gt;.csv"));
    assertThat(html, not(containsString("<b>")));
  }

  @Test
  void isSelfContained() {
    assertThat(html, not(containsString("<script")));
    assertThat(html, not(containsString("<link")));
    assertThat(html, not(containsString("src=")));
    assertThat(html, not(containsString("url(")));
  }

  @Test
  void histogram_groupsLongRangesIntoAtMostFortyBars() {
    TreeMap<Integer, Long> rowsByLength = new TreeMap<>();
    for (int length = 0; length <= 1000; length++) {
      rowsByLength.put(length, 1L);
    }
    String svg = HtmlReport.lengthHistogram(rowsByLength);
    assertThat(countIn(svg, "<rect "), equalTo(40));
    assertThat(svg, containsString("<title>length 0: 1 rows</title>"));
    assertThat(svg, containsString("<title>length 1–26: 26 rows</title>"));
  }

  @Test
  void days_chartsAndTabulatesEachDayMarkingTheOnesThatDrift() {
    TreeMap<String, HistoryStats> days = new TreeMap<>();
    // Seven ordinary days and one with a third of the rows and every history empty.
    int[] rows = {100, 110, 36, 95, 104, 98, 101, 97};
    for (int d = 0; d < rows.length; d++) {
      days.put(
          "2025-03-1" + d,
          d == 2 ? stats(36, 36, 0) : stats(rows[d], rows[d] / 10, d == 1 ? 5 : 4 + d % 2));
    }
    String section = HtmlReport.daysSection(days);
    assertThat(countIn(section, "<svg "), equalTo(3));
    assertThat(countIn(section, "<rect "), equalTo(24));
    assertThat(section, containsString("<title>rows on 2025-03-12: 36</title>"));
    assertThat(section, containsString("<title>empty histories on 2025-03-12: 100.0%</title>"));
    assertThat(section, containsString("Compared over 8 days."));
    assertThat(
        section,
        containsString(
            "<tr><td>2025-03-11</td><td class=\"num\">110</td><td class=\"num\">10.0%</td>"
                + "<td class=\"num\">4.5</td></tr>"));
    assertThat(
        section,
        containsString(
            "<tr><td>2025-03-12</td><td class=\"num bad\">36</td>"
                + "<td class=\"num bad\">100.0%</td><td class=\"num bad\">0.0</td></tr>"));
    assertThat(countIn(section, "bad"), equalTo(3));
    assertThat(countIn(section, "#cf1124"), equalTo(3));
  }

  @Test
  void days_fewerThanAWeekAreShownButNeverMarked() {
    TreeMap<String, HistoryStats> days = new TreeMap<>();
    // The 2-day sample: a 0.0 % and a 1.2 % empty-history share, rows and lengths far apart.
    days.put("2025-03-13", stats(500, 0, 2));
    days.put("2025-03-14", stats(1214, 15, 7));
    String section = HtmlReport.daysSection(days);
    assertThat(countIn(section, "bad"), equalTo(0));
    assertThat(countIn(section, "#cf1124"), equalTo(0));
    assertThat(
        section, containsString("Drift is looked for from 7 days on; with 2 days nothing is"));
    assertThat(
        HtmlReport.daysSection(new TreeMap<>(java.util.Map.of("2025-03-14", stats(5, 1, 2)))),
        containsString("with 1 day nothing is compared."));
  }

  @Test
  void days_aFlatFigureOrASmallShiftIsNeverMarked() {
    TreeMap<String, HistoryStats> days = new TreeMap<>();
    // Fourteen days: the same rows and lengths; empty histories between 0.0 % and 1.0 %.
    for (int d = 0; d < 14; d++) {
      days.put(String.format("2025-03-%02d", d + 1), stats(200, d % 3, 6));
    }
    String section = HtmlReport.daysSection(days);
    assertThat(section, containsString("Compared over 14 days."));
    assertThat(countIn(section, "bad"), equalTo(0));
    assertThat(countIn(section, "#cf1124"), equalTo(0));
  }

  @Test
  void days_aYearOfDaysIsDrawnWithAFewLabels() {
    TreeMap<String, HistoryStats> days = new TreeMap<>();
    java.time.LocalDate first = java.time.LocalDate.of(2024, 3, 14);
    for (int d = 0; d < 365; d++) {
      days.put(first.plusDays(d).toString(), stats(20 + d % 7, 1, 3));
    }
    String section = HtmlReport.daysSection(days);
    assertThat(countIn(section, "<rect "), equalTo(3 * 365));
    // The table: the header and the marked days only (none here).
    assertThat(section, containsString("365 days: the table lists the marked ones"));
    assertThat(countIn(section, "<tr>"), equalTo(1));
    // One x label in 31 days, on each of the three charts.
    assertThat(countIn(section, "class=\"tick\" text-anchor=\"middle\">2024-"), equalTo(3 * 10));
  }

  @Test
  void bars_leaveRoomForTheLongestTickLabel() {
    for (long rows : new long[] {1_714, 12_345_678_901L}) {
      TreeMap<Integer, Long> rowsByLength = new TreeMap<>(java.util.Map.of(0, 3L, 5, rows));
      String svg = HtmlReport.lengthHistogram(rowsByLength);
      String label = HtmlReport.count(rows) + " rows";
      Matcher tick =
          Pattern.compile(
                  "<text x=\"(\\d+)\" y=\"18\" class=\"tick\" text-anchor=\"end\">"
                      + Pattern.quote(label))
              .matcher(svg);
      assertThat(svg, tick.find(), equalTo(true));
      // An 11 px label is at most 6.5 px per character wide; it must end right of x = 0.
      assertThat(
          label + " ends at " + tick.group(1),
          Integer.parseInt(tick.group(1)) >= 6.5 * label.length(),
          equalTo(true));
    }
  }

  @Test
  void cards_showHugeCountsCompactWithTheExactValueInATooltip() {
    RunMetrics metrics = new RunMetrics();
    metrics.mergeFrom(RunMetrics.ofCustomers(9_999_999));
    metrics.mergeFrom(RunMetrics.ofImpressionRows(34_200_000_000L));
    String page = HtmlReport.render(metrics, new RunInfo("/out", new LinkedHashMap<>()));
    assertThat(
        page,
        containsString(
            "<div class=\"value\"><span title=\"34,200,000,000\">34.2 B</span></div>"
                + "<div class=\"label\">Impression rows</div>"));
    assertThat(page, containsString("<div class=\"value\">9,999,999</div>"));
  }

  @Test
  void aRunWithoutRowsSaysSoInsteadOfDrawingEmptyCharts() {
    String page = HtmlReport.render(new RunMetrics(), new RunInfo("/out", new LinkedHashMap<>()));
    assertThat(page, containsString("No rows were written: no history lengths or action types"));
    assertThat(page, not(containsString("<svg ")));
  }

  @Test
  void days_sayWhenThereAreNone() {
    assertThat(HtmlReport.daysSection(new TreeMap<>()), containsString("No rows were written."));
  }

  @Test
  void drifting_isMeasuredFromTheMedianAboveAFloor() {
    assertThat(
        HtmlReport.drifting(new double[] {100, 80, 126, 74, 100, 100, 100}, 0),
        equalTo(new boolean[] {false, false, true, true, false, false, false}));
    assertThat(
        HtmlReport.drifting(new double[] {0, 0, 0, 0, 0, 0, 0.1}, 0.02),
        equalTo(new boolean[] {false, false, false, false, false, false, true}));
    assertThat(
        HtmlReport.drifting(new double[] {0, 0, 0, 0, 0, 0, 0.01}, 0.02), equalTo(new boolean[7]));
    assertThat(
        "fewer than a week: nothing",
        HtmlReport.drifting(new double[] {0, 10, 100}, 0),
        equalTo(new boolean[3]));
  }

  /** A day of {@code rows} rows, {@code empty} of them with no history, the others of length L. */
  private static HistoryStats stats(int rows, int empty, int length) {
    HistoryStats stats = new HistoryStats();
    int[] items = new int[length];
    int[] types = new int[length];
    java.util.Arrays.fill(items, 7);
    java.util.Arrays.fill(types, 1);
    for (int i = 0; i < rows; i++) {
      stats.add(row(i < empty ? History.empty(8) : history(8, items, types)));
    }
    return stats;
  }

  private int count(String needle) {
    return countIn(html, needle);
  }

  private static int countIn(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
