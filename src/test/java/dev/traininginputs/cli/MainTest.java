package dev.traininginputs.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.traininginputs.model.Source;
import dev.traininginputs.options.RunRefusedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @Test
  void reason_ofARefusalIsItsMessageEvenWhenWrapped() {
    RuntimeException wrapped = new RuntimeException("outer", new RunRefusedException("--x is bad"));
    assertThat(Main.reason(wrapped), equalTo("--x is bad"));
  }

  @Test
  void reason_ofAFailureIsItsInnermostCauseOnOneLine() {
    // Wrappers that only repeat their cause (as Beam's and Spark's do) add nothing.
    java.io.IOException cause = new java.io.IOException("disk full\n  at somewhere");
    RuntimeException failure =
        new IllegalStateException(
            new UncheckedIOException(cause).toString(), new UncheckedIOException(cause));
    assertThat(Main.reason(failure), equalTo("IOException: disk full at somewhere"));
  }

  @Test
  void reason_keepsWhatWasBeingDoneWhenAWrapperSaysIt() {
    RuntimeException failure =
        new UncheckedIOException(
            "publishing the output from s3://b/out/.staging-1 failed",
            new java.io.IOException(new RuntimeException("Please reduce your request rate.")));
    assertThat(
        Main.reason(failure),
        equalTo(
            "publishing the output from s3://b/out/.staging-1 failed:"
                + " RuntimeException: Please reduce your request rate."));
  }

  @Test
  void run_refusesAnUnknownOptionByNameWithExitTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"--sequenceLenght=5"}, print(new ByteArrayOutputStream()), print(err));
    assertThat(code, equalTo(2));
    assertThat(lastLine(err), containsString("sequenceLenght"));
    assertThat(lastLine(err).startsWith("error: "), is(true));
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
          "--rowsPerFile",
          "--runner",
          "--sparkMaster"
        }) {
      assertThat(help, containsString(option));
    }
    assertThat(help, containsString("data/clicks.csv"));
    assertThat(help, containsString("default: 1000"));
    for (String storage : new String[] {"--hdfsConfiguration", "--awsRegion", "--endpoint"}) {
      assertThat(help, containsString(storage));
    }
    assertThat(help, containsString("Exit codes:\n  0  done"));
    assertThat(help, containsString("\n  " + Main.FAILED + "  failed while working"));
    assertThat(help, containsString("\n  " + Main.REFUSED + "  refused, nothing published"));
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

  /** The last line a run printed to its error output. */
  private static String lastLine(ByteArrayOutputStream bytes) {
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
    return lines[lines.length - 1];
  }

  /** The sample data's four inputs, one of them replaced by {@code replaced} if given. */
  static String[] sampleInputs(Path output, String... replaced) {
    List<String> args = new ArrayList<>(List.of(replaced));
    for (Source source : Source.values()) {
      if (args.stream().noneMatch(a -> a.startsWith("--" + source.option() + "="))) {
        args.add(
            "--" + source.option() + "=" + Path.of("data", source.id() + ".csv").toAbsolutePath());
      }
    }
    args.add("--output=" + output);
    return args.toArray(String[]::new);
  }

  @Test
  void run_onTheSampleDataExitsZeroAndPrintsTheSummary(@TempDir Path output) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(sampleInputs(output), print(out), print(err));
    assertThat(err.toString(StandardCharsets.UTF_8), code, equalTo(0));
    String summary = out.toString(StandardCharsets.UTF_8);
    assertThat(summary, containsString("rows written: 7 in 2 days (2025-03-10, 2025-03-11)"));
    assertThat(
        summary,
        containsString(
            "work:     read impressions 6, clicks 14, add_to_carts 3, previous_orders 4 | actions"
                + " kept 16, dropped 2 outside every window and 2 of customers without impressions"
                + " | histories 5 | rows 7"));
  }

  @Test
  void run_refusedBeforeAnyWorkExitsTwoWithTheReasonLast(@TempDir Path output) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            sampleInputs(output.resolve("out"), "--clicks=" + output.resolve("none-*.csv")),
            print(new ByteArrayOutputStream()),
            print(err));
    assertThat(code, equalTo(2));
    assertThat(
        lastLine(err),
        equalTo("error: --clicks=" + output.resolve("none-*.csv") + " matches no file"));
    assertThat(Files.exists(output.resolve("out")), is(false));
  }

  @Test
  void run_thatFailsExitsOneWithTheCauseLast(@TempDir Path dir) throws Exception {
    // A gzip file cut short: the header reads, the run fails while reading the rest.
    Path clicks = dir.resolve("clicks.csv.gz");
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write("dt,customer_id,item_id,click_time\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 20_000; i++) {
        out.write(
            ("2025-03-09," + i + ",5,2025-03-09 10:00:00\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] bytes = gzip.toByteArray();
    Files.write(clicks, Arrays.copyOf(bytes, bytes.length / 2));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            sampleInputs(dir.resolve("out"), "--clicks=" + clicks),
            print(new ByteArrayOutputStream()),
            print(err));
    assertThat(code, equalTo(1));
    assertThat(
        lastLine(err),
        equalTo(
            "error: clicks file "
                + clicks
                + " cannot be read after line 9945:"
                + " the file ends unexpectedly (EOFException): cut short, or corrupt compression"));
  }

  @Test
  void main_exitsWithTheCodeAndErrorLineOfTheRun() throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--sequenceLength=0")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(), equalTo(2));
    String[] lines = err.split("\\R");
    assertThat(
        lines[lines.length - 1],
        equalTo("error: --sequenceLength=0 is out of range (1 to 1000000)"));
  }

  @Test
  void runnerDefaults_sparkCachesOnDiskAndStreamsGroupsUnlessGiven() {
    SparkPipelineOptions spark =
        PipelineOptionsFactory.fromArgs("--runner=SparkRunner").as(SparkPipelineOptions.class);
    Main.applyRunnerDefaults(spark, new String[] {"--runner=SparkRunner"});
    assertThat(spark.getStorageLevel(), equalTo("DISK_ONLY"));
    assertThat(spark.getPreferGroupByKeyToHandleHugeValues(), equalTo(true));

    String[] own = {
      "--runner=SparkRunner",
      "--storageLevel=MEMORY_AND_DISK_SER",
      "--preferGroupByKeyToHandleHugeValues=false"
    };
    SparkPipelineOptions given =
        PipelineOptionsFactory.fromArgs(own).as(SparkPipelineOptions.class);
    Main.applyRunnerDefaults(given, own);
    assertThat(given.getStorageLevel(), equalTo("MEMORY_AND_DISK_SER"));
    assertThat(given.getPreferGroupByKeyToHandleHugeValues(), equalTo(false));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
