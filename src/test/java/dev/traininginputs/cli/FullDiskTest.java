package dev.traininginputs.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.traininginputs.ParquetRows;
import dev.traininginputs.generate.DataGenerator;
import dev.traininginputs.generate.GenerateData;
import dev.traininginputs.model.Source;
import dev.traininginputs.output.TestStorage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under a local output (SPEC §7, storage faults), for real: the output is on a tmpfs
 * that this test mounts (as root; elsewhere it is skipped, saying why) and shrinks to just above
 * what the earlier output uses. The run that needs more fails naming the file and "No space left on
 * device", leaves the earlier output exactly as it was, and the next run, with room again,
 * publishes exactly the rows of a clean run and leaves nothing behind.
 */
class FullDiskTest {
  private static final DataGenerator.Settings DATA =
      new DataGenerator.Settings(
          3, 1500, 400, 14, LocalDate.parse("2025-03-14"), 60, 30000, 6000, 1500, 2000, 0, 0, 0);

  @TempDir Path dir;
  private Path disk;

  /** Mounts a tmpfs at {@code disk}, or skips the test saying why it cannot. */
  private void mountASmallDisk() throws Exception {
    disk = Files.createDirectories(dir.resolve("disk"));
    String failure = mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString());
    Assumptions.assumeTrue(
        failure.isEmpty(), "a full disk needs a tmpfs this test can mount (as root): " + failure);
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      mount("-u", disk.toString());
    }
  }

  /** Runs {@code mount} (or {@code umount} with {@code -u}); returns its error, empty if none. */
  private static String mount(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (args[0].equals("-u")) {
      command.add("umount");
      command.add(args[1]);
    } else {
      command.add("mount");
      command.addAll(List.of(args));
    }
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.waitFor() == 0 ? "" : output.strip();
  }

  private void resize(long kilobytes) throws Exception {
    String failure = mount("-o", "remount,size=" + kilobytes + "k", disk.toString());
    assertThat(failure, equalTo(""));
  }

  private String[] args(Path data, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of(more));
    for (Source source : Source.values()) {
      args.add("--" + source.option() + "=" + data.resolve(source.id() + ".csv"));
    }
    args.add("--output=" + output);
    return args.toArray(String[]::new);
  }

  private record Run(int code, String err) {}

  private static Run run(String[] args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, err.toString(StandardCharsets.UTF_8));
  }

  /** Every file under {@code root} with a digest of its content. */
  private static Map<String, String> files(Path root) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        files.put(root.relativize(file).toString(), HexFormat.of().formatHex(digest));
      }
    }
    return files;
  }

  @Test
  void aFullDiskFailsTheRunNamingTheFileAndKeepsTheEarlierOutput() throws Exception {
    mountASmallDisk();
    Path data = dir.resolve("data");
    GenerateData.write(DATA, data, "", "none");
    Path output = disk.resolve("out");
    Run earlier = run(args(data, output));
    assertThat(earlier.err(), earlier.code(), equalTo(0));
    Map<String, String> before = files(output);

    // Room for a file or two of the next run, not for its 14 days.
    long usedKilobytes =
        (Files.getFileStore(disk).getTotalSpace() - Files.getFileStore(disk).getUnallocatedSpace())
            / 1024;
    resize(usedKilobytes + 128);
    Run full = run(args(data, output, "--lookbackDays=30"));
    assertThat(full.err(), full.code(), equalTo(Main.FAILED));
    assertThat(full.err(), containsString("cannot write " + output + "/.staging-"));
    assertThat(full.err(), containsString("No space left on device"));
    assertThat("the earlier output, byte for byte", files(output), equalTo(before));

    resize(64 * 1024);
    Run roomy = run(args(data, output, "--lookbackDays=30"));
    assertThat(roomy.err(), roomy.code(), equalTo(0));
    Path reference = dir.resolve("reference");
    assertThat(run(args(data, reference, "--lookbackDays=30")).code(), equalTo(0));
    assertThat(ParquetRows.read(output), containsInAnyOrder(ParquetRows.read(reference).toArray()));
    assertThat(
        files(output).keySet(),
        everyItem(
            matchesPattern(
                "dt=2025-03-\\d\\d/part-[^/]+\\.parquet|_metrics\\.json|_report\\.html"
                    + "|_rejected/rejected-[a-z_]+\\.jsonl")));
  }

  /**
   * HDFS: a space quota on the output folder (MiniDFSCluster in this JVM) just above what the
   * earlier output uses; the run that needs more fails naming the folder and the quota, the earlier
   * output is as it was, and with the quota lifted the next run is exact.
   */
  @Test
  void aFullHdfsQuotaFailsTheRunNamingTheFolderAndKeepsTheEarlierOutput() throws Exception {
    Path data = dir.resolve("data");
    GenerateData.write(DATA, data, "", "none");
    TestStorage hdfs = TestStorage.hdfs();
    String output = hdfs.newRoot() + "/out";
    URI namenode = URI.create(output);
    List<String> storage =
        List.of(
            "--hdfsConfiguration=[{\"fs.defaultFS\":\"hdfs://"
                + namenode.getAuthority()
                + "\",\"dfs.replication\":\"1\",\"dfs.blocksize\":\"1048576\"}]");
    Run earlier = run(with(args(data, Path.of("unused")), output, storage));
    assertThat(earlier.err(), earlier.code(), equalTo(0));
    TreeMap<String, String> before = hdfs.everything(output);

    DistributedFileSystem fs =
        (DistributedFileSystem) FileSystem.get(URI.create(output), new Configuration());
    org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(output);
    long used = fs.getContentSummary(folder).getSpaceConsumed();
    fs.setQuota(folder, HdfsConstants.QUOTA_DONT_SET, used + (1 << 20) + (16 << 10));
    Run full = run(with(args(data, Path.of("unused"), "--lookbackDays=30"), output, storage));
    assertThat(full.err(), full.code(), equalTo(Main.FAILED));
    assertThat(full.err(), containsString("cannot write " + output + "/.staging-"));
    assertThat(full.err(), containsString("quota"));
    assertThat("the earlier output, byte for byte", hdfs.everything(output), equalTo(before));

    fs.setQuota(folder, HdfsConstants.QUOTA_DONT_SET, HdfsConstants.QUOTA_RESET);
    Run roomy = run(with(args(data, Path.of("unused"), "--lookbackDays=30"), output, storage));
    assertThat(roomy.err(), roomy.code(), equalTo(0));
    Path got = dir.resolve("got");
    hdfs.download(output, got);
    Path reference = dir.resolve("reference");
    assertThat(run(args(data, reference, "--lookbackDays=30")).code(), equalTo(0));
    assertThat(ParquetRows.read(got), containsInAnyOrder(ParquetRows.read(reference).toArray()));
    assertThat(
        hdfs.files(output),
        everyItem(
            matchesPattern(
                "dt=2025-03-\\d\\d/part-[^/]+\\.parquet|_metrics\\.json|_report\\.html"
                    + "|_rejected/rejected-[a-z_]+\\.jsonl")));
  }

  /** The arguments with {@code --output} replaced and the storage's options added. */
  private static String[] with(String[] args, String output, List<String> storage) {
    List<String> all = new ArrayList<>();
    for (String arg : args) {
      if (!arg.startsWith("--output=")) {
        all.add(arg);
      }
    }
    all.add("--output=" + output);
    all.addAll(storage);
    return all.toArray(String[]::new);
  }
}
