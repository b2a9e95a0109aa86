package dev.traininginputs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The file operations that publishing needs, on one storage. Paths are strings as the user gives
 * them: a local path, {@code hdfs://…} or {@code s3://…}. Three kinds: {@link LocalStore} (java.nio
 * renames), {@link HadoopStore} (HDFS through Hadoop's own client, for its atomic directory rename)
 * and {@link ObjectStore} (S3, object by object through Beam's file systems: no directories, no
 * rename). The pipeline itself writes through Beam's file systems only; a store is the driver's.
 */
public interface OutputStore {

  /** The store of {@code location}; the scheme must be one {@link Locations#check} accepted. */
  static OutputStore of(String location, PipelineOptions options) {
    String scheme = Locations.scheme(location);
    return switch (scheme) {
      case "", "file" -> new LocalStore();
      case "hdfs", "webhdfs", "viewfs" -> HadoopStore.of(location, options);
      default -> new ObjectStore(options);
    };
  }

  /**
   * Whether a directory can be renamed atomically onto an absent name. Then a day is published by
   * swapping folders; otherwise file by file, with a manifest.
   */
  boolean renamesDirectories();

  /** A file, or a directory (on an object store: any object under {@code path/}). */
  boolean exists(String path) throws IOException;

  /** The names directly under {@code directory}, files and directories, sorted; none if absent. */
  List<String> list(String directory) throws IOException;

  /**
   * Every file under {@code directory} at any depth, as full paths (as Beam's file systems name
   * them), sorted; none if absent or if {@code directory} is a file. Used to list inputs.
   */
  List<String> filesUnder(String directory) throws IOException;

  /**
   * Moves a file (replacing what is at {@code to}) or, where {@link #renamesDirectories}, a
   * directory onto an absent name. Fails rather than returning quietly when nothing moved.
   */
  void rename(String from, String to) throws IOException;

  /** Copies a file within this store. */
  void copy(String from, String to) throws IOException;

  /** Deletes a file; nothing if absent. */
  void delete(String file) throws IOException;

  /** Deletes a directory and everything under it; nothing if absent. */
  void deleteRecursively(String directory) throws IOException;

  /** A whole small file, or empty if absent. */
  Optional<String> read(String file) throws IOException;

  /** Writes a whole file so that it appears complete or not at all, replacing any earlier one. */
  void write(String file, String text) throws IOException;

  /**
   * Creates a file only if nothing is there; false if something is. Atomic on local disks, HDFS and
   * S3 stores that honour conditional writes; elsewhere on S3 a check, a write and a read-back (see
   * {@link ObjectStore#createNew}).
   */
  boolean createNew(String file, String text) throws IOException;

  /** {@code directory/name}. */
  static String join(String directory, String name) {
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }

  /** The last name of a path. */
  static String name(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /**
   * Copies a file to another place that may be on another storage, through Beam's file systems (a
   * stream copy; within one store use {@link #copy}).
   */
  static void copyAcross(String from, String to) throws IOException {
    try (InputStream in = Channels.newInputStream(BeamFiles.open(from));
        OutputStream out =
            Channels.newOutputStream(BeamFiles.create(to, "application/octet-stream"))) {
      in.transferTo(out);
    }
  }
}
