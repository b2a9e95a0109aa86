package dev.traininginputs.output;

import dev.traininginputs.storage.OutputStore;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real storage for tests: a local folder, an HDFS ({@link MiniDFSCluster} in this JVM, started
 * once and shared) or S3 (the S3-compatible server that {@code scripts/s3-server} starts; its
 * address in {@code TEST_S3_ENDPOINT}, credentials from the usual AWS variables).
 */
public abstract class TestStorage {
  /** A fresh, empty folder on this storage. */
  public abstract String newRoot();

  private PipelineOptions options;

  /** Options that configure Beam's file systems for it (made once). */
  public synchronized PipelineOptions options() {
    if (options == null) {
      options = makeOptions();
    }
    return options;
  }

  abstract PipelineOptions makeOptions();

  /**
   * Every file under {@code root} (relative paths, sorted), hidden ones included; on a storage with
   * directories also every empty folder, as {@code "path/"}.
   */
  public abstract List<String> files(String root) throws IOException;

  /** Every file under {@code root} with its content ({@code "(empty folder)"} for a folder). */
  public TreeMap<String, String> everything(String root) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    for (String file : files(root)) {
      files.put(file, file.endsWith("/") ? "(empty folder)" : read(OutputStore.join(root, file)));
    }
    return files;
  }

  /** Options for a command line run on this storage: how Beam reaches it. */
  public abstract List<String> arguments();

  /** Copies every file under {@code root} into a local folder. */
  public void download(String root, Path folder) throws IOException {
    FileSystems.setDefaultPipelineOptions(options());
    for (String file : files(root)) {
      if (!file.endsWith("/")) {
        Path target = folder.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in =
            Channels.newInputStream(
                FileSystems.open(
                    FileSystems.matchNewResource(OutputStore.join(root, file), false)))) {
          Files.copy(in, target);
        }
      }
    }
  }

  /** Whether a day is published with a manifest (object stores). */
  public boolean hasManifests() {
    return false;
  }

  /** Writes a small file. */
  public void write(String file, String content) throws IOException {
    FileSystems.setDefaultPipelineOptions(options());
    OutputStore.of(file, options()).write(file, content);
  }

  /** Copies every file under a local folder to {@code root}, keeping their relative paths. */
  public void upload(Path folder, String root) throws IOException {
    FileSystems.setDefaultPipelineOptions(options());
    try (var walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String target = OutputStore.join(root, folder.relativize(file).toString());
        try (var out =
            Channels.newOutputStream(
                FileSystems.create(
                    FileSystems.matchNewResource(target, false), "application/octet-stream"))) {
          Files.copy(file, out);
        }
      }
    }
  }

  /** Reads a small file. */
  public String read(String file) throws IOException {
    FileSystems.setDefaultPipelineOptions(options());
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public static TestStorage local(Path folder) {
    return new Local(folder);
  }

  public static TestStorage hdfs() {
    return Hdfs.INSTANCE;
  }

  public static TestStorage s3() {
    return new S3();
  }

  private static final class Local extends TestStorage {
    private final Path folder;

    Local(Path folder) {
      this.folder = folder;
    }

    @Override
    public String newRoot() {
      return folder.resolve(UUID.randomUUID().toString()).toString();
    }

    @Override
    PipelineOptions makeOptions() {
      return PipelineOptionsFactory.create();
    }

    @Override
    public List<String> files(String root) throws IOException {
      Path output = Path.of(root);
      List<String> files = new ArrayList<>();
      try (Stream<Path> paths = Files.walk(output)) {
        for (Path path : paths.toList()) {
          if (Files.isRegularFile(path)) {
            files.add(output.relativize(path).toString());
          } else if (isEmptyDirectory(path)) {
            files.add(output.relativize(path) + "/");
          }
        }
      }
      files.sort(null);
      return files;
    }

    @Override
    public List<String> arguments() {
      return List.of();
    }

    private static boolean isEmptyDirectory(Path path) throws IOException {
      try (Stream<Path> entries = Files.list(path)) {
        return entries.findAny().isEmpty();
      }
    }

    @Override
    public String toString() {
      return "local";
    }
  }

  private static final class Hdfs extends TestStorage {
    static final Hdfs INSTANCE = new Hdfs();
    private MiniDFSCluster cluster;
    private String uri;

    private synchronized String uri() {
      if (cluster == null) {
        try {
          Configuration conf = new Configuration();
          File base = new File("target/minidfs-" + ProcessHandle.current().pid());
          conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.getAbsolutePath());
          cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
          cluster.waitActive();
          uri = cluster.getURI().toString();
          // Shut down, and its folders deleted, when the test JVM ends.
          MiniDFSCluster started = cluster;
          Runtime.getRuntime().addShutdownHook(new Thread(() -> started.shutdown(true)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return uri;
    }

    @Override
    public String newRoot() {
      return uri() + "/" + UUID.randomUUID();
    }

    @Override
    PipelineOptions makeOptions() {
      return PipelineOptionsFactory.fromArgs(
              "--hdfsConfiguration=[{\"fs.defaultFS\":\""
                  + uri()
                  + "\",\"dfs.replication\":\"1\"}]")
          .create();
    }

    @Override
    public List<String> arguments() {
      return List.of(hdfsConfiguration());
    }

    private String hdfsConfiguration() {
      return "--hdfsConfiguration=[{\"fs.defaultFS\":\"" + uri() + "\",\"dfs.replication\":\"1\"}]";
    }

    @Override
    public List<String> files(String root) throws IOException {
      FileSystem fs = FileSystem.get(URI.create(root), new Configuration());
      org.apache.hadoop.fs.Path top = new org.apache.hadoop.fs.Path(root);
      String prefix = fs.getFileStatus(top).getPath().toString() + "/";
      List<String> files = new ArrayList<>();
      walk(fs, top, prefix, files);
      files.sort(null);
      return files;
    }

    private static void walk(
        FileSystem fs, org.apache.hadoop.fs.Path dir, String prefix, List<String> files)
        throws IOException {
      FileStatus[] entries = fs.listStatus(dir);
      String relative =
          (dir + "/").length() > prefix.length() ? (dir + "/").substring(prefix.length()) : "";
      if (entries.length == 0 && !relative.isEmpty()) {
        files.add(relative);
      }
      for (FileStatus entry : entries) {
        if (entry.isDirectory()) {
          walk(fs, entry.getPath(), prefix, files);
        } else {
          files.add(entry.getPath().toString().substring(prefix.length()));
        }
      }
    }

    @Override
    public String toString() {
      return "hdfs";
    }
  }

  private static final class S3 extends TestStorage {
    static final String BUCKET = "s3://test-bucket";

    private static String endpoint() {
      String endpoint = System.getenv("TEST_S3_ENDPOINT");
      if (endpoint == null) {
        throw new IllegalStateException(
            "TEST_S3_ENDPOINT is not set: run the S3 tests through scripts/test, which starts"
                + " the S3-compatible server");
      }
      return endpoint;
    }

    @Override
    public String newRoot() {
      return BUCKET + "/" + UUID.randomUUID();
    }

    @Override
    PipelineOptions makeOptions() {
      return PipelineOptionsFactory.fromArgs(arguments().toArray(String[]::new)).create();
    }

    @Override
    public boolean hasManifests() {
      return true;
    }

    @Override
    public List<String> files(String root) throws IOException {
      FileSystems.setDefaultPipelineOptions(options());
      List<String> files = new ArrayList<>();
      MatchResult match = FileSystems.match(root + "/**", EmptyMatchTreatment.ALLOW);
      if (match.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata m : match.metadata()) {
          files.add(m.resourceId().toString().substring(root.length() + 1));
        }
      }
      files.sort(null);
      return files;
    }

    @Override
    public List<String> arguments() {
      return List.of("--awsRegion=us-east-1", "--endpoint=" + endpoint());
    }

    @Override
    public String toString() {
      return "s3";
    }
  }
}
