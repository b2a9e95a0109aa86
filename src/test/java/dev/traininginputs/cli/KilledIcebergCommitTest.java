package dev.traininginputs.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.traininginputs.output.IcebergRows;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs into an Iceberg table stopped at the worst moment — every file moved into the table, the
 * snapshot not yet committed — by SIGKILL: the table stays at its previous snapshot, and the next
 * run removes the files the killed run left (SPEC §7). Meanwhile a second run is refused, not
 * merged: the lock is the table's too.
 */
class KilledIcebergCommitTest {
  private static final String BEFORE_COMMIT = "publish: before commit the Iceberg snapshot";

  @TempDir Path dir;

  @Test
  void aRunKilledBeforeItsCommit_addsNoSnapshot_andTheNextRunRemovesItsFiles() throws Exception {
    Path location = dir.resolve("table");
    IcebergOutputTest.run(IcebergOutputTest.iceberg(location), 0);
    Table before = IcebergOutputTest.table(location);
    long snapshot = before.currentSnapshot().snapshotId();
    List<String> rows = IcebergRows.generic(before, null);
    Set<String> filesBefore = IcebergOutputTest.dataFilesOnDisk(location);

    Process killed = startPausedRun(location, "--lookbackDays=1");
    awaitLine(killed, "publish: before write the commit record");
    // Meanwhile: another run on the table is refused, and says by what.
    String refused = IcebergOutputTest.run(IcebergOutputTest.iceberg(location), 2);
    assertThat(refused, containsString("is in use by another run"));
    awaitLine(killed, BEFORE_COMMIT);
    killed.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
    assertThat(killed.waitFor(30, TimeUnit.SECONDS), equalTo(true));

    Table after = IcebergOutputTest.table(location);
    assertThat(after.currentSnapshot().snapshotId(), equalTo(snapshot));
    assertThat(IcebergRows.generic(after, null), equalTo(rows));
    // The killed run had moved its files into the table's data folder: orphans until the next run.
    Set<String> orphaned = IcebergOutputTest.dataFilesOnDisk(location);
    orphaned.removeAll(filesBefore);
    assertThat(orphaned, hasSize(2));

    IcebergOutputTest.run(IcebergOutputTest.iceberg(location, "--date=2025-03-10"), 0);
    Table next = IcebergOutputTest.table(location);
    assertThat(next.currentSnapshot().parentId(), equalTo(snapshot));
    assertThat(IcebergRows.generic(next, null), equalTo(rows)); // the same inputs, L = 365
    assertThat(
        IcebergOutputTest.dataFilesOnDisk(location),
        equalTo(IcebergOutputTest.dataFilesOfSnapshots(next)));
    for (String file : orphaned) {
      assertThat(IcebergOutputTest.dataFilesOnDisk(location), not(hasItem(file)));
    }
    try (Stream<Path> top = Files.list(location)) {
      assertThat(
          top.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
          equalTo(List.of()));
    }
  }

  private BufferedReader err;

  private void awaitLine(Process process, String marker) throws Exception {
    if (err == null) {
      err =
          new BufferedReader(
              new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    }
    List<String> seen = new ArrayList<>();
    for (String line = err.readLine(); line != null; line = err.readLine()) {
      if (line.equals(marker)) {
        return;
      }
      seen.add(line);
    }
    process.destroyForcibly();
    throw new AssertionError("the run never reached " + marker + ":\n" + String.join("\n", seen));
  }

  private static Process startPausedRun(Path location, String... more) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dpublish.pauseMillis=2000");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PausedPublishRun.class.getName());
    command.addAll(IcebergOutputTest.iceberg(location, more));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
