package dev.traininginputs.output;

import dev.traininginputs.stats.FigureCoder;
import dev.traininginputs.stats.RunMetrics;
import java.io.Serializable;
import java.util.UUID;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * A file a writer has closed, as its task reports it: the name it is published under and the name
 * it was staged under (both relative to the writer's folder), with the figures of what it holds.
 * Every attempt at a file stages it under a name of its own ({@link #attemptName}): a task that
 * Spark re-runs, or runs twice, leaves one more staged file, never a half-overwritten one, and only
 * the reported files are published.
 */
@DefaultCoder(FigureCoder.class)
record WrittenFile(String name, String staged, RunMetrics figures) implements Serializable {

  /** {@code dt=D/part-RUN-00001.parquet} staged as {@code dt=D/part-RUN-00001.1a2b3c4d.parquet}. */
  static String attemptName(String name) {
    int dot = name.lastIndexOf('.');
    String attempt = UUID.randomUUID().toString().substring(0, 8);
    return name.substring(0, dot) + "." + attempt + name.substring(dot);
  }
}
