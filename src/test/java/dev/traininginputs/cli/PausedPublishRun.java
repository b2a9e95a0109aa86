package dev.traininginputs.cli;

import dev.traininginputs.TrainingInputsJob;
import dev.traininginputs.options.TrainingInputsOptions;
import java.io.IOException;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * A command-line run whose publish pauses before every step and says so on stderr ({@code publish:
 * before STEP}), so that a test can kill the process at a chosen step of the publish. The pause is
 * {@value #PAUSE_MILLIS} ms, or the system property {@code publish.pauseMillis}.
 */
public final class PausedPublishRun {
  static final long PAUSE_MILLIS = 200;

  private PausedPublishRun() {}

  public static void main(String[] args) {
    PipelineOptionsFactory.register(TrainingInputsOptions.class);
    TrainingInputsOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(TrainingInputsOptions.class);
    Main.applyRunnerDefaults(options, args);
    TrainingInputsJob.run(
        options,
        PipelineResult::waitUntilFinish,
        step -> {
          System.err.println("publish: before " + step);
          try {
            Thread.sleep(Long.getLong("publish.pauseMillis", PAUSE_MILLIS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted before " + step, e);
          }
        });
  }
}
