package dev.traininginputs.options;

import dev.traininginputs.model.DayRange;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.Source;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The checked, plain values of a run, taken from the options once so that transforms never see the
 * options object.
 */
public record RunConfig(
    String impressions,
    String clicks,
    String addToCarts,
    String previousOrders,
    String output,
    String rejectedOutput,
    String metricsJson,
    String report,
    int sequenceLength,
    int lookbackDays,
    DayRange days,
    WriteMode writeMode,
    OutputLayout layout,
    Padding padding,
    int rowsPerFile,
    int analysisPositions,
    OutputFormat outputFormat,
    IcebergTarget icebergTable) {

  /** The longest look-back accepted: 100 years is far beyond any sensible use. */
  static final int MAX_LOOKBACK_DAYS = 36_525;

  /**
   * 16–28 MB of Parquet at N = 1000 (160–280 bytes a row, right-padded, measured), and a few
   * seconds of one core's encoding (the lists' encoding is most of the writing): a day of 10M
   * examples is written by 100 tasks, and a day of 200,000 by two.
   */
  public static final int DEFAULT_ROWS_PER_FILE = 100_000;

  /** Guards against arrays that could not be written (a row holds 2 x N integers). */
  static final int MAX_SEQUENCE_LENGTH = 1_000_000;

  /** The file, folder or glob given for each source, in {@link Source} order. */
  public Map<Source, String> inputs() {
    Map<Source, String> inputs = new EnumMap<>(Source.class);
    inputs.put(Source.IMPRESSIONS, impressions);
    inputs.put(Source.CLICKS, clicks);
    inputs.put(Source.ADD_TO_CARTS, addToCarts);
    inputs.put(Source.PREVIOUS_ORDERS, previousOrders);
    return inputs;
  }

  /**
   * Checks the options; bad values are refused with one message that names every option at fault,
   * so that a user mends them all in one go.
   */
  public static RunConfig from(TrainingInputsOptions options) {
    List<String> problems = new ArrayList<>();
    int n =
        checked(
            problems,
            () -> inRange("sequenceLength", options.getSequenceLength(), 1, MAX_SEQUENCE_LENGTH),
            1);
    int l =
        checked(
            problems,
            () -> inRange("lookbackDays", options.getLookbackDays(), 0, MAX_LOOKBACK_DAYS),
            0);
    int rowsPerFile =
        checked(
            problems,
            () -> atLeast("rowsPerFile", options.getRowsPerFile(), 1, "must be at least 1"),
            1);
    int k =
        checked(
            problems,
            () ->
                atLeast(
                    "analysisPositions", options.getAnalysisPositions(), 0, "must be 0 or more"),
            0);
    String output = checked(problems, () -> required("output", options.getOutput()), "");
    String impressions =
        checked(problems, () -> required("impressions", options.getImpressions()), "");
    String clicks = checked(problems, () -> required("clicks", options.getClicks()), "");
    String addToCarts =
        checked(problems, () -> required("addToCarts", options.getAddToCarts()), "");
    String previousOrders =
        checked(problems, () -> required("previousOrders", options.getPreviousOrders()), "");
    DayRange days = checked(problems, () -> days(options), DayRange.ALL);
    WriteMode writeMode =
        checked(problems, () -> WriteMode.parse(options.getWriteMode()), WriteMode.OVERWRITE);
    OutputLayout layout =
        checked(problems, () -> OutputLayout.parse(options.getLayout()), OutputLayout.EXPLODED);
    Padding padding = checked(problems, () -> Padding.parse(options.getPadding()), Padding.RIGHT);
    OutputFormat format =
        checked(
            problems, () -> OutputFormat.parse(options.getOutputFormat()), OutputFormat.PARQUET);
    IcebergTarget table = checked(problems, () -> IcebergTarget.from(format, options), null);
    if (problems.size() == 1) {
      throw new RunRefusedException(problems.get(0));
    }
    if (!problems.isEmpty()) {
      throw new RunRefusedException(
          problems.size() + " options are refused: " + String.join("; ", problems));
    }
    String rejected = options.getRejectedOutput();
    String metrics = options.getMetricsJson();
    String report = options.getReport();
    return new RunConfig(
        impressions,
        clicks,
        addToCarts,
        previousOrders,
        output,
        rejected == null || rejected.isBlank() ? output + "/_rejected" : rejected,
        metrics == null || metrics.isBlank() ? output + "/_metrics.json" : metrics,
        report == null ? output + "/_report.html" : report.trim(),
        n,
        l,
        days,
        writeMode,
        layout,
        padding,
        rowsPerFile,
        // Positions past N do not exist.
        Math.min(k, n),
        format,
        table);
  }

  /**
   * The value {@code check} gives, or {@code fallback} with its refusal added to {@code problems}.
   */
  private static <T> T checked(List<String> problems, Supplier<T> check, T fallback) {
    try {
      return check.get();
    } catch (RunRefusedException e) {
      problems.add(e.getMessage());
      return fallback;
    }
  }

  private static int atLeast(String option, int value, int min, String rule) {
    if (value < min) {
      throw new RunRefusedException("--" + option + "=" + value + " " + rule);
    }
    return value;
  }

  private static int inRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new RunRefusedException(
          "--" + option + "=" + value + " is out of range (" + min + " to " + max + ")");
    }
    return value;
  }

  /** The impression days to build: {@code --date}, or {@code --startDate} to {@code --endDate}. */
  static DayRange days(TrainingInputsOptions options) {
    String date = blankToNull(options.getDate());
    String start = blankToNull(options.getStartDate());
    String end = blankToNull(options.getEndDate());
    if (date != null) {
      if (start != null || end != null) {
        throw new RunRefusedException(
            "--date cannot be combined with --startDate or --endDate: give one day or one range");
      }
      int day = day("date", date);
      return new DayRange(day, day);
    }
    if (start == null && end == null) {
      return DayRange.ALL;
    }
    if (start == null || end == null) {
      throw new RunRefusedException(
          "--"
              + (start == null ? "endDate" : "startDate")
              + " needs --"
              + (start == null ? "startDate" : "endDate")
              + " too: a range has both ends");
    }
    int first = day("startDate", start);
    int last = day("endDate", end);
    if (first > last) {
      throw new RunRefusedException(
          "--startDate=" + start + " is after --endDate=" + end + ": the range is empty");
    }
    return new DayRange(first, last);
  }

  private static int day(String option, String text) {
    try {
      return Days.of(LocalDate.parse(text.trim()));
    } catch (DateTimeException e) {
      throw new RunRefusedException("--" + option + "=" + text + " is not a date (YYYY-MM-DD)");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String required(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new RunRefusedException("--" + option + " is required");
    }
    return value;
  }
}
