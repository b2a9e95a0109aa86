package dev.traininginputs.io;

import dev.traininginputs.stats.RunMetrics;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes the run's one {@link RunMetrics} as the metrics JSON file and, when a report file is
 * given, as the HTML report. Each is a single file with exactly the given name.
 */
public final class WriteMetrics extends PTransform<PCollection<RunMetrics>, PDone> {
  private final String metricsFile;
  private final String reportFile;
  private final RunInfo run;

  /** {@code reportFile} may be {@code null}: no report. */
  public WriteMetrics(String metricsFile, String reportFile, RunInfo run) {
    this.metricsFile = metricsFile;
    this.reportFile = reportFile;
    this.run = run;
  }

  @Override
  public PDone expand(PCollection<RunMetrics> metrics) {
    metrics
        .apply("RenderJson", MapElements.into(TypeDescriptors.strings()).via(MetricsJson::render))
        .apply("WriteJson", TextIO.write().to(metricsFile).withoutSharding());
    if (reportFile != null) {
      RunInfo info = run;
      metrics
          .apply("RenderReport", MapElements.into(TypeDescriptors.strings()).via(m -> HtmlReport.render(m, info)))
          .apply("WriteReport", TextIO.write().to(reportFile).withoutSharding());
    }
    return PDone.in(metrics.getPipeline());
  }
}
