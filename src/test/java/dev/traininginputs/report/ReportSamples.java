package dev.traininginputs.report;

import dev.traininginputs.model.Days;
import dev.traininginputs.model.History;
import dev.traininginputs.model.Source;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.stats.SourceCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Random;

/**
 * Writes reports of the shapes worth looking at — 1, 2, 14 and 365 days, empty inputs, huge counts
 * — to a folder, to be looked at in a browser or screenshotted ({@code scripts/screenshot-report}):
 * {@code java -cp ... dev.traininginputs.report.ReportSamples FOLDER}.
 */
public final class ReportSamples {
  private ReportSamples() {}

  public static void main(String[] args) throws IOException {
    Path folder = Files.createDirectories(Path.of(args[0]));
    write(folder, "days-1", sample(1, 1_000, 1));
    write(folder, "days-2", sample(2, 1_000, 1));
    write(folder, "days-14", sample(14, 10_000, 1));
    write(folder, "days-365", sample(365, 2_000, 1));
    write(folder, "empty", sample(0, 0, 1));
    write(folder, "huge", sample(30, 300_000, 40_000));
  }

  private static void write(Path folder, String name, RunMetrics metrics) throws IOException {
    LinkedHashMap<String, String> settings = new LinkedHashMap<>();
    settings.put("sample", name);
    Files.writeString(
        folder.resolve(name + ".html"),
        HtmlReport.render(metrics, new RunInfo("/samples/" + name, settings)));
  }

  /**
   * {@code days} days up to 2025-03-14, about {@code histories} histories a day of random lengths
   * (up to 1,000), each shared by {@code weight} rows; one day in ten of the longer samples has
   * half the rows.
   */
  static RunMetrics sample(int days, int histories, long weight) {
    Random random = new Random(days);
    RunMetrics metrics = RunMetrics.ofRows(5);
    int last = Days.of("2025-03-14");
    long rows = 0;
    for (int d = last - days + 1; d <= last; d++) {
      int count = (d % 10 == 0 && days > 7) ? histories / 2 : histories;
      for (int h = 0; h < count; h++) {
        int length =
            random.nextInt(4) == 0 ? 0 : 1 + (int) Math.min(999, random.nextGaussian() * 200 + 300);
        length = Math.max(0, length);
        int[] items = new int[1000];
        int[] types = new int[1000];
        for (int i = 0; i < length; i++) {
          items[i] = 1 + random.nextInt(50_000);
          types[i] = random.nextInt(10) < 8 ? 1 : random.nextInt(10) < 8 ? 2 : 3;
        }
        metrics.add(d, new History(items, types, length), weight);
        rows += weight;
      }
    }
    RunMetrics all = new RunMetrics();
    all.mergeFrom(metrics);
    all.mergeFrom(RunMetrics.ofCustomers(rows / 3));
    all.mergeFrom(RunMetrics.ofImpressionRows(rows / 10));
    all.mergeFrom(
        RunMetrics.ofSource(Source.IMPRESSIONS, new SourceCounts(rows / 10, rows / 10, 0)));
    for (Source source : Arrays.copyOfRange(Source.values(), 1, 4)) {
      all.mergeFrom(RunMetrics.ofSource(source, new SourceCounts(rows * 3, rows * 3, 0)));
    }
    return all;
  }
}
