package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.options.OutputLayout;
import dev.traininginputs.options.RunRefusedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC §4 write modes, and what a failed run leaves behind, in each layout. */
@Tag("pipeline")
@ParameterizedClass
@EnumSource(OutputLayout.class)
class WriteModesTest {
  @Parameter OutputLayout layout;
  @TempDir Path inputs;
  @TempDir Path output;

  private PipelineRun runOn(String... impressionLines) {
    String[] lines = new String[impressionLines.length + 1];
    lines[0] = "dt,ranking_id,customer_id,impressions";
    System.arraycopy(impressionLines, 0, lines, 1, impressionLines.length);
    PipelineRun run =
        new PipelineRun(inputs, output).withoutActions().write("impressions.csv", lines);
    run.options().setLayout(layout.toString());
    return run;
  }

  private static String impression(String dt, String ranking) {
    return dt + "," + ranking + ",1,\"[{\"\"item_id\"\": 5, \"\"is_order\"\": false}]\"";
  }

  /** Every file under the output (staging included) with its size and modification time. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(output)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(
            output.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p));
      }
    }
    return files;
  }

  /** The ranking of every row of the day; each impression here has one item. */
  private List<String> rankings(String dt) {
    return ParquetRows.described(output).stream()
        .filter(r -> r.startsWith("dt=" + dt + " "))
        .map(r -> r.replaceAll(".* ranking_id=(\\S+) .*", "$1"))
        .sorted()
        .toList();
  }

  @Test
  void overwrite_replacesTheDaysItWritesAndKeepsTheOthers() throws IOException {
    runOn(impression("2025-03-10", "first"), impression("2025-03-11", "first")).run();
    Map<String, String> before = snapshot();

    runOn(impression("2025-03-11", "second")).run();

    assertThat(rankings("2025-03-10"), equalTo(List.of("first")));
    assertThat(rankings("2025-03-11"), equalTo(List.of("second")));
    Map<String, String> after = snapshot();
    before.forEach(
        (file, stamp) -> {
          if (file.startsWith("dt=2025-03-10")) {
            assertThat(file, after.get(file), equalTo(stamp));
          }
        });
  }

  @Test
  void errorifexists_refusesWhenTheOutputHoldsADayOfTheRun() throws IOException {
    runOn(impression("2025-03-10", "first")).run();
    Map<String, String> before = snapshot();

    PipelineRun second =
        runOn(impression("2025-03-10", "second"), impression("2025-03-12", "second"));
    second.options().setWriteMode("errorifexists");
    RunRefusedException e = assertThrows(RunRefusedException.class, second::run);

    assertThat(e.getMessage(), containsString("already holds dt=2025-03-10"));
    assertThat(snapshot(), equalTo(before));
  }

  @Test
  void errorifexists_writesDaysThatAreNotThereYet() {
    runOn(impression("2025-03-10", "first")).run();
    PipelineRun second = runOn(impression("2025-03-11", "second"));
    second.options().setWriteMode("errorifexists");
    second.run();
    assertThat(rankings("2025-03-10"), equalTo(List.of("first")));
    assertThat(rankings("2025-03-11"), equalTo(List.of("second")));
  }

  @Test
  void append_addsFilesBesideTheExistingOnes() throws IOException {
    runOn(impression("2025-03-10", "first")).run();
    PipelineRun second = runOn(impression("2025-03-10", "second"));
    second.options().setWriteMode("append");
    second.run();
    assertThat(rankings("2025-03-10"), equalTo(List.of("first", "second")));
    try (Stream<Path> files = Files.list(output.resolve("dt=2025-03-10"))) {
      assertThat(files.toList(), hasSize(2));
    }
  }

  @Test
  void anotherLayoutOrPadding_isRefusedInEveryModeAndTheOutputLeftAsItWas() throws IOException {
    runOn(impression("2025-03-10", "first")).run();
    Map<String, String> before = snapshot();

    PipelineRun padded = runOn(impression("2025-03-10", "second"));
    padded.options().setWriteMode("append");
    padded.options().setPadding("left");
    RunRefusedException e = assertThrows(RunRefusedException.class, padded::run);
    assertThat(
        e.getMessage(),
        containsString(output + " holds " + layout + " rows, right-padded to N = 4 (" + output));
    assertThat(
        e.getMessage(),
        containsString("this run writes " + layout + " rows, left-padded to N = 4"));

    OutputLayout other =
        layout == OutputLayout.EXPLODED ? OutputLayout.GROUPED : OutputLayout.EXPLODED;
    PipelineRun regrouped = runOn(impression("2025-03-11", "second"));
    regrouped.options().setLayout(other.toString());
    e = assertThrows(RunRefusedException.class, regrouped::run);
    assertThat(e.getMessage(), containsString("this run writes " + other + " rows"));
    assertThat(snapshot(), equalTo(before));
  }

  @Test
  void failedRun_leavesTheEarlierOutputAsItWas() throws IOException {
    runOn(impression("2025-03-10", "first")).run();
    Map<String, String> before = snapshot();
    List<String> rowsBefore = ParquetRows.described(output);

    // A clicks file whose header reads fine but whose data is cut off mid-stream.
    PipelineRun broken =
        runOn(impression("2025-03-10", "second"), impression("2025-03-11", "second"));
    Path clicks = inputs.resolve("clicks.csv.gz");
    writeTruncatedGzip(clicks);
    broken.options().setClicks(clicks.toString());
    assertThrows(RuntimeException.class, broken::run);

    assertThat(snapshot(), equalTo(before));
    assertThat(ParquetRows.described(output), equalTo(rowsBefore));
  }

  @Test
  void overwrite_leavesOtherFilesOfTheRejectedFolderAlone() throws IOException {
    Path rejected = Files.createDirectories(output.resolve("_rejected"));
    Files.writeString(rejected.resolve("notes.txt"), "mine");
    runOn(impression("2025-03-10", "first"), "2025-03-10,,1,[]").run();
    try (Stream<Path> files = Files.list(rejected)) {
      assertThat(
          files.map(p -> p.getFileName().toString()).toList(),
          everyItem(
              org.hamcrest.Matchers.anyOf(equalTo("notes.txt"), containsString("rejected-"))));
    }
    assertThat(Files.readString(rejected.resolve("notes.txt")), equalTo("mine"));
    assertThat(EndToEndTest.rejectedRecordsIn(rejected), hasSize(1));
  }

  private static void writeTruncatedGzip(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("dt,customer_id,item_id,click_time\n");
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < 20_000; i++) {
      csv.append("2025-03-09,1,")
          .append(1 + random.nextInt(1_000_000))
          .append(",2025-03-09 10:00:00\n");
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] all = bytes.toByteArray();
    Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
  }
}
