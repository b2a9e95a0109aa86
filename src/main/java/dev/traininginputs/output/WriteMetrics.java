package dev.traininginputs.output;

import dev.traininginputs.report.HtmlReport;
import dev.traininginputs.report.MetricsJson;
import dev.traininginputs.report.RunInfo;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.storage.BeamFiles;
import java.io.IOException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes the run's one {@link RunMetrics} as the metrics JSON file and, when a report file is
 * given, as the HTML report; each file exactly at its given name (in the run's staging: the publish
 * moves it into place).
 */
public final class WriteMetrics extends PTransform<PCollection<RunMetrics>, PDone> {
  private final String metricsFile;
  private final String reportFile;
  private final RunInfo run;

  private WriteMetrics(String metricsFile, String reportFile, RunInfo run) {
    this.metricsFile = metricsFile;
    this.reportFile = reportFile;
    this.run = run;
  }

  /** Writes {@code metricsFile} and, unless {@code reportFile} is {@code null}, the report. */
  public static WriteMetrics to(String metricsFile, String reportFile, RunInfo run) {
    return new WriteMetrics(metricsFile, reportFile, run);
  }

  @Override
  public PDone expand(PCollection<RunMetrics> metrics) {
    metrics.apply("WriteFiles", ParDo.of(new WriteFn(metricsFile, reportFile, run)));
    return PDone.in(metrics.getPipeline());
  }

  private static final class WriteFn extends DoFn<RunMetrics, Void> {
    private final String metricsFile;
    private final String reportFile;
    private final RunInfo run;

    WriteFn(String metricsFile, String reportFile, RunInfo run) {
      this.metricsFile = metricsFile;
      this.reportFile = reportFile;
      this.run = run;
    }

    @ProcessElement
    public void process(@Element RunMetrics metrics) throws IOException {
      write(metricsFile, MetricsJson.render(metrics));
      if (reportFile != null) {
        write(reportFile, HtmlReport.render(metrics, run));
      }
    }

    /** The whole file at once; a retried task writes it again whole. */
    private static void write(String file, String text) throws IOException {
      BeamFiles.writeText(file, text + "\n");
    }
  }
}
