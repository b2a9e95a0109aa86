package dev.traininginputs;

import dev.traininginputs.options.TrainingInputsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.testing.TestPipeline;

/** Runs the real pipeline on CSV files in a folder, with the test runner's options. */
final class PipelineRun {
  private final Path inputs;
  private final TrainingInputsOptions options;

  PipelineRun(Path inputs, Path output) {
    this.inputs = inputs;
    this.options = TestPipeline.testingPipelineOptions().as(TrainingInputsOptions.class);
    options.setImpressions(inputs.resolve("impressions.csv").toString());
    options.setClicks(inputs.resolve("clicks.csv").toString());
    options.setAddToCarts(inputs.resolve("add_to_carts.csv").toString());
    options.setPreviousOrders(inputs.resolve("previous_orders.csv").toString());
    options.setOutput(output.toString());
    options.setSequenceLength(4);
    options.setLookbackDays(10);
  }

  TrainingInputsOptions options() {
    return options;
  }

  PipelineRun write(String file, String... lines) {
    try {
      Files.writeString(
          inputs.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Empty action files with headers: only impressions matter. */
  PipelineRun withoutActions() {
    return write("clicks.csv", "dt,customer_id,item_id,click_time")
        .write("add_to_carts.csv", "dt,customer_id,config_id,occurred_at")
        .write("previous_orders.csv", "order_date,customer_id,config_id");
  }

  TrainingInputsJob.RunSummary run() {
    return TrainingInputsJob.run(options);
  }
}
