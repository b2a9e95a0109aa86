package dev.traininginputs.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/show}: the sample data's output read back, its days, layout and rows. */
class ShowTest {
  @TempDir static Path exploded;
  @TempDir static Path grouped;

  @BeforeAll
  static void writeTheSampleOutput() {
    assertThat(Main.run(MainTest.sampleInputs(exploded), quiet(), quiet()), equalTo(0));
    List<String> args = new ArrayList<>(List.of(MainTest.sampleInputs(grouped)));
    args.add("--layout=grouped");
    args.add("--padding=left");
    args.add("--sequenceLength=6");
    assertThat(Main.run(args.toArray(String[]::new), quiet(), quiet()), equalTo(0));
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  private record Shown(int exit, String out, String err) {}

  private static Shown show(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Show.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Shown(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void listsTheDaysFilesRowsAndLayout_thenTheFirstRowsOfADayShortened() {
    Shown shown = show(exploded.toString(), "--date=2025-03-11", "--limit=1");
    assertThat(shown.exit(), equalTo(0));
    List<String> lines = shown.out().lines().toList();
    assertThat(
        lines.subList(0, 7),
        equalTo(
            List.of(
                exploded.toString(),
                "  day            files           rows  layout",
                "  2025-03-10         1              5  exploded, right-padded to N = 1000",
                "  2025-03-11         1              2  exploded, right-padded to N = 1000",
                "  all days           2              7",
                "",
                "2025-03-11, the first 1 of its 2 rows:")));
    // The day's two rows, in the order the file holds them (a runner's choice): one of them.
    assertThat(lines.size(), equalTo(8));
    assertThat(
        lines.get(7),
        oneOf(
            "  dt=2025-03-11 ranking_id=r-1002 customer_id=101 position=0 item_id=503"
                + " is_order=false actions=[13, 12, 11, 11, 17, 18, 15, 19, … 992 more]"
                + " action_types=[1, 1, 1, 1, 2, 3, 1, 3, … 992 more] history_length=8",
            "  dt=2025-03-11 ranking_id=r-1006 customer_id=106 position=0 item_id=507"
                + " is_order=false actions=[33, 30, 32, 31, 0, 0, 0, 0, … 992 more]"
                + " action_types=[1, 2, 1, 1, 0, 0, 0, 0, … 992 more] history_length=4"));
  }

  @Test
  void showsTheGroupedLayoutAsItsFootersRecordIt() {
    Shown shown = show(grouped.toString(), "--limit=0");
    assertThat(
        shown.out(),
        equalTo(
            String.join(
                "\n",
                grouped.toString(),
                "  day            files           rows  layout",
                "  2025-03-10         1              3  grouped, left-padded to N = 6",
                "  2025-03-11         1              2  grouped, left-padded to N = 6",
                "  all days           2              5",
                "")));
  }

  @Test
  void refusesAnOutputWithoutDaysOrAnAbsentDay(@TempDir Path empty) {
    Shown none = show(empty.toString());
    assertThat(none.exit(), equalTo(Main.REFUSED));
    assertThat(
        none.err(),
        equalTo("error: " + empty + " holds no published day (no dt=YYYY-MM-DD folder)\n"));
    Shown absent = show(exploded.toString(), "--date=2025-03-12");
    assertThat(absent.exit(), equalTo(Main.REFUSED));
    assertThat(
        absent.err(),
        equalTo("error: " + exploded + " has no day 2025-03-12 (it has 2025-03-10, 2025-03-11)\n"));
  }
}
