package dev.traininginputs.options;

import dev.traininginputs.model.DayRange;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.Source;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

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
    int analysisPositions) {

  /** The longest look-back accepted: 100 years is far beyond any sensible use. */
  static final int MAX_LOOKBACK_DAYS = 36_525;

  /**
   * About 40 MB of Parquet at N = 1000 (160 bytes a row, right-padded): big enough for a loader's
   * sequential reads, small enough that a day of 10M examples is written by 40 tasks.
   */
  public static final int DEFAULT_ROWS_PER_FILE = 250_000;

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

  /** Checks the options; a bad value is refused with a message naming the option. */
  public static RunConfig from(TrainingInputsOptions options) {
    int n = options.getSequenceLength();
    if (n < 1 || n > MAX_SEQUENCE_LENGTH) {
      throw new RunRefusedException(
          "--sequenceLength=" + n + " is out of range (1 to " + MAX_SEQUENCE_LENGTH + ")");
    }
    int l = options.getLookbackDays();
    if (l < 0 || l > MAX_LOOKBACK_DAYS) {
      throw new RunRefusedException(
          "--lookbackDays=" + l + " is out of range (0 to " + MAX_LOOKBACK_DAYS + ")");
    }
    if (options.getRowsPerFile() < 1) {
      throw new RunRefusedException(
          "--rowsPerFile=" + options.getRowsPerFile() + " must be at least 1");
    }
    int k = options.getAnalysisPositions();
    if (k < 0) {
      throw new RunRefusedException("--analysisPositions=" + k + " must be 0 or more");
    }
    String output = required("output", options.getOutput());
    String rejected = options.getRejectedOutput();
    String metrics = options.getMetricsJson();
    String report = options.getReport();
    return new RunConfig(
        required("impressions", options.getImpressions()),
        required("clicks", options.getClicks()),
        required("addToCarts", options.getAddToCarts()),
        required("previousOrders", options.getPreviousOrders()),
        output,
        rejected == null || rejected.isBlank() ? output + "/_rejected" : rejected,
        metrics == null || metrics.isBlank() ? output + "/_metrics.json" : metrics,
        report == null ? output + "/_report.html" : report.trim(),
        n,
        l,
        days(options),
        WriteMode.parse(options.getWriteMode()),
        OutputLayout.parse(options.getLayout()),
        Padding.parse(options.getPadding()),
        options.getRowsPerFile(),
        // Positions past N do not exist.
        Math.min(k, n));
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
