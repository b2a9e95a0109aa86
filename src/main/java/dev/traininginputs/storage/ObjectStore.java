package dev.traininginputs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * An object store (S3) through Beam's file systems. There are no directories, only key prefixes: a
 * "directory" exists while an object lies under it, and disappears with its last object. There is
 * no rename: a move is a server-side copy and a delete, and no step over several objects is atomic.
 * A single object appears whole when its upload completes.
 */
final class ObjectStore implements OutputStore {
  /** How long {@link #createNew} waits before reading its object back. */
  private static final long SETTLE_MILLIS = 1000;

  @Override
  public boolean renamesDirectories() {
    return false;
  }

  @Override
  public boolean exists(String path) throws IOException {
    return isFile(path) || !under(path).isEmpty();
  }

  @Override
  public List<String> list(String directory) throws IOException {
    String prefix = OutputStore.join(directory, "");
    TreeSet<String> names = new TreeSet<>();
    for (ResourceId id : under(directory)) {
      String rest = id.toString().substring(prefix.length());
      int slash = rest.indexOf('/');
      names.add(slash < 0 ? rest : rest.substring(0, slash));
    }
    return new ArrayList<>(names);
  }

  @Override
  public List<String> filesUnder(String directory) throws IOException {
    List<String> files = new ArrayList<>();
    for (ResourceId id : under(directory)) {
      files.add(id.toString());
    }
    files.sort(null);
    return files;
  }

  @Override
  public void rename(String from, String to) throws IOException {
    if (!isFile(from)) {
      throw new IOException("cannot move " + from + ": an object store moves single objects only");
    }
    copy(from, to);
    delete(from);
  }

  @Override
  public void copy(String from, String to) throws IOException {
    FileSystems.copy(List.of(resource(from)), List.of(resource(to)));
  }

  @Override
  public void delete(String file) throws IOException {
    FileSystems.delete(
        List.of(resource(file)), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  @Override
  public void deleteRecursively(String directory) throws IOException {
    List<ResourceId> objects = under(directory);
    if (!objects.isEmpty()) {
      FileSystems.delete(objects, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  @Override
  public Optional<String> read(String file) throws IOException {
    if (!isFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(resource(file)))) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Override
  public void write(String file, String text) throws IOException {
    BeamFiles.writeText(file, text);
  }

  /**
   * S3 has no create-if-absent in the client this uses, so: if nothing is there, write, wait a
   * moment and read back; the object is ours only if it still holds our text. Two runs starting
   * within that moment of each other can both see their own text only if their writes interleave
   * exactly between the other's write and read — narrowed, not closed (the README says so).
   */
  @Override
  public boolean createNew(String file, String text) throws IOException {
    if (isFile(file)) {
      return false;
    }
    write(file, text);
    try {
      Thread.sleep(SETTLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while taking " + file, e);
    }
    return read(file).map(text::equals).orElse(false);
  }

  private static boolean isFile(String path) throws IOException {
    MatchResult match = FileSystems.match(path, EmptyMatchTreatment.ALLOW);
    return match.status() == MatchResult.Status.OK && !match.metadata().isEmpty();
  }

  /** Every object under {@code directory/}. */
  private static List<ResourceId> under(String directory) throws IOException {
    MatchResult match =
        FileSystems.match(OutputStore.join(directory, "**"), EmptyMatchTreatment.ALLOW);
    List<ResourceId> ids = new ArrayList<>();
    if (match.status() == MatchResult.Status.OK) {
      match.metadata().forEach(m -> ids.add(m.resourceId()));
    }
    return ids;
  }

  private static ResourceId resource(String file) {
    return FileSystems.matchNewResource(file, false);
  }
}
