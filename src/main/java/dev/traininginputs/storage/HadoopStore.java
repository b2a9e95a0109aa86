package dev.traininginputs.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.beam.sdk.io.hdfs.HadoopFileSystemOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.ipc.RemoteException;

/**
 * HDFS (and {@code webhdfs://}, {@code viewfs://}) through Hadoop's client, with the configuration
 * Beam's file system uses ({@code --hdfsConfiguration} or {@code HADOOP_CONF_DIR}). Beam's own file
 * system cannot rename a directory, and a directory rename onto an absent name is the one atomic
 * step HDFS offers; files are renamed over their target with {@code OVERWRITE}, also atomic.
 */
public final class HadoopStore implements OutputStore {
  private static final long SMALL_FILE_BLOCK = 1 << 20;

  private final FileSystem fs;
  private final FileContext context;

  private HadoopStore(FileSystem fs, FileContext context) {
    this.fs = fs;
    this.context = context;
  }

  /**
   * Hadoop's defaults with the keys of Beam's {@code --hdfsConfiguration} (or {@code
   * HADOOP_CONF_DIR}) over them: the options carry only the keys the user gave.
   */
  public static Configuration configuration(PipelineOptions options) {
    List<Configuration> configurations =
        options.as(HadoopFileSystemOptions.class).getHdfsConfiguration();
    Configuration conf = new Configuration();
    if (configurations != null && !configurations.isEmpty()) {
      configurations.get(0).forEach(entry -> conf.set(entry.getKey(), entry.getValue()));
    }
    return conf;
  }

  static HadoopStore of(String location, PipelineOptions options) {
    Configuration conf = configuration(options);
    try {
      URI uri = URI.create(location);
      return new HadoopStore(FileSystem.get(uri, conf), FileContext.getFileContext(uri, conf));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot reach " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean renamesDirectories() {
    return true;
  }

  @Override
  public boolean exists(String path) throws IOException {
    return fs.exists(new Path(path));
  }

  @Override
  public List<String> list(String directory) throws IOException {
    List<String> names = new ArrayList<>();
    try {
      for (FileStatus status : fs.listStatus(new Path(directory))) {
        names.add(status.getPath().getName());
      }
    } catch (FileNotFoundException e) {
      return names;
    }
    names.sort(null);
    return names;
  }

  @Override
  public List<String> filesUnder(String directory) throws IOException {
    List<String> files = new ArrayList<>();
    Path root = new Path(directory);
    try {
      if (!fs.getFileStatus(root).isDirectory()) {
        return files;
      }
      RemoteIterator<LocatedFileStatus> listed = fs.listFiles(root, true);
      while (listed.hasNext()) {
        files.add(listed.next().getPath().toString());
      }
    } catch (FileNotFoundException e) {
      return files;
    }
    files.sort(null);
    return files;
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path source = new Path(from);
    Path target = new Path(to);
    fs.mkdirs(target.getParent());
    if (fs.getFileStatus(source).isDirectory()) {
      if (fs.exists(target)) {
        throw new IOException("cannot rename " + from + " onto the existing " + to);
      }
      if (!fs.rename(source, target)) {
        throw new IOException("HDFS did not rename " + from + " to " + to);
      }
    } else {
      context.rename(source, target, Options.Rename.OVERWRITE);
    }
  }

  @Override
  public void copy(String from, String to) throws IOException {
    try (InputStream in = fs.open(new Path(from));
        OutputStream out = fs.create(new Path(to), true)) {
      in.transferTo(out);
    }
  }

  @Override
  public void delete(String file) throws IOException {
    fs.delete(new Path(file), false);
  }

  @Override
  public void deleteRecursively(String directory) throws IOException {
    fs.delete(new Path(directory), true);
  }

  @Override
  public Optional<String> read(String file) throws IOException {
    try (InputStream in = fs.open(new Path(file))) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public void write(String file, String text) throws IOException {
    Path path = new Path(file);
    Path temporary = new Path(path.getParent(), "." + path.getName() + "." + UUID.randomUUID());
    try (OutputStream out = fs.create(temporary, false)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    try {
      context.rename(temporary, path, Options.Rename.OVERWRITE);
    } finally {
      fs.delete(temporary, false);
    }
  }

  @Override
  public boolean createNew(String file, String text) throws IOException {
    // A small file: written with HDFS's smallest block (1 MB), so that a space quota reserves 1 MB
    // for it while it is written rather than a whole default block (128 MB).
    Path path = new Path(file);
    try (OutputStream out =
        fs.create(path, false, 4096, fs.getDefaultReplication(path), SMALL_FILE_BLOCK)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (RemoteException e) {
      // Another client is creating it at this moment (the NameNode's lease on the name).
      if (e.getClassName().endsWith("AlreadyBeingCreatedException")) {
        return false;
      }
      throw e;
    }
  }
}
