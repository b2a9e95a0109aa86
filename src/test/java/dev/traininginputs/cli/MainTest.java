package dev.traininginputs.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.options.TrainingInputsOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void reason_ofARefusalIsItsMessageEvenWhenWrapped() {
    RuntimeException wrapped = new RuntimeException("outer", new RunRefusedException("--x is bad"));
    assertThat(Main.reason(wrapped), equalTo("--x is bad"));
  }

  @Test
  void reason_ofAFailureIsItsInnermostCauseOnOneLine() {
    RuntimeException failure =
        new RuntimeException(
            "pipeline failed",
            new UncheckedIOException(new java.io.IOException("disk full\n  at somewhere")));
    assertThat(Main.reason(failure), equalTo("IOException: disk full at somewhere"));
  }

  @Test
  void unknownOptionsAreRefusedByName() {
    PipelineOptionsFactory.register(TrainingInputsOptions.class);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PipelineOptionsFactory.fromArgs("--sequenceLenght=5")
                    .withValidation()
                    .as(TrainingInputsOptions.class));
    assertThat(Main.reason(e), containsString("sequenceLenght"));
  }

  @Test
  void help_listsEveryOptionWithItsDefault() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Main.printHelp(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String help = bytes.toString(StandardCharsets.UTF_8);
    for (String option :
        new String[] {
          "--impressions",
          "--clicks",
          "--addToCarts",
          "--previousOrders",
          "--output",
          "--rejectedOutput",
          "--sequenceLength",
          "--lookbackDays",
          "--writeMode",
          "--shardsPerDay",
          "--runner",
          "--sparkMaster"
        }) {
      assertThat(help, containsString(option));
    }
    assertThat(help, containsString("data/clicks.csv"));
    assertThat(help, containsString("default: 1000"));
  }

  @Test
  void directRunnerHint_givesTheSparkCommandForBigInputsOnly() {
    String[] args = {
      "--clicks=/data/my clicks/*.csv", "--runner=DirectRunner", "--sequenceLength=50"
    };
    assertThat(
        Main.directRunnerHint(Main.DIRECT_RUNNER_WARNING_BYTES - 1, args).isPresent(), is(false));
    String hint = Main.directRunnerHint(100L << 20, args).orElseThrow();
    assertThat(hint, containsString("100 MB of input on the DirectRunner"));
    assertThat(
        hint,
        containsString(
            "scripts/run --runner=SparkRunner --sparkMaster='local[*]' '--clicks=/data/my clicks/*.csv' --sequenceLength=50"));
  }

  @Test
  void fastDirectRunner_turnsChecksOffUnlessGiven() {
    DirectOptions options = PipelineOptionsFactory.create().as(DirectOptions.class);
    Main.useFastDirectRunner(options, new String[] {"--enforceEncodability=true"});
    assertThat(options.isEnforceImmutability(), is(false));
    assertThat(options.isEnforceEncodability(), is(true));
    assertThat(options.isBlockOnRun(), is(false));
  }
}
