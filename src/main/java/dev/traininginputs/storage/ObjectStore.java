package dev.traininginputs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.InstanceBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An object store (S3) through Beam's file systems. There are no directories, only key prefixes: a
 * "directory" exists while an object lies under it, and disappears with its last object. There is
 * no rename: a move is a server-side copy and a delete, and no step over several objects is atomic.
 * A single object appears whole when its upload completes.
 */
final class ObjectStore implements OutputStore {
  private final PipelineOptions options;
  private final Map<String, Boolean> conditionalWrites = new HashMap<>();
  private S3Client client;

  ObjectStore(PipelineOptions options) {
    this.options = options;
  }

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
    BeamFiles.copy(from, to);
  }

  @Override
  public void delete(String file) throws IOException {
    BeamFiles.delete(List.of(resource(file)));
  }

  @Override
  public void deleteRecursively(String directory) throws IOException {
    List<ResourceId> objects = under(directory);
    BeamFiles.delete(objects);
  }

  @Override
  public Optional<String> read(String file) throws IOException {
    if (!isFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Channels.newInputStream(BeamFiles.open(resource(file)))) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Override
  public void write(String file, String text) throws IOException {
    BeamFiles.writeText(file, text);
  }

  /**
   * Creates the object only if none is there. Where the store honours a conditional write ({@code
   * PUT} with {@code If-None-Match: *}: Amazon S3 since 2024, MinIO, S3Mock), that one request
   * decides, atomically: the store answers {@code 412 Precondition Failed} to every writer but the
   * first. Whether it does is asked once per store and bucket ({@link #honoursConditionalWrites}: a
   * probe object written twice). Where it does not, a check, a write and, after a moment, a
   * read-back: the object is ours only if it still holds our text — two runs starting within that
   * moment of each other can both see their own text only if their writes interleave exactly
   * between the other's write and read: narrowed, not closed (the README says so).
   */
  @Override
  public boolean createNew(String file, String text) throws IOException {
    if (isFile(file)) {
      return false;
    }
    S3Uri uri = S3Uri.of(file);
    if (honoursConditionalWrites(uri.bucket())) {
      if (!putIfAbsent(uri.bucket(), uri.key(), text)) {
        return false;
      }
      // Amazon S3 decides atomically; some compatible stores check and write in two steps (S3Mock
      // let both of two simultaneous writers through once in 40 tries), so read back as well.
    } else {
      write(file, text);
    }
    try {
      Thread.sleep(SETTLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while taking " + file, e);
    }
    return read(file).map(text::equals).orElse(false);
  }

  /** {@code s3://bucket/key}. */
  private record S3Uri(String bucket, String key) {
    static S3Uri of(String location) {
      URI uri = URI.create(location);
      return new S3Uri(uri.getAuthority(), uri.getPath().replaceFirst("^/", ""));
    }
  }

  private S3Client client() {
    if (client == null) {
      S3Options s3 = options.as(S3Options.class);
      client =
          InstanceBuilder.ofType(S3ClientBuilderFactory.class)
              .fromClass(s3.getS3ClientFactoryClass())
              .build()
              .createBuilder(s3)
              .build();
    }
    return client;
  }

  /** One conditional write: true if it created the object, false if one was there. */
  private boolean putIfAbsent(String bucket, String key, String text) throws IOException {
    try {
      client()
          .putObject(
              PutObjectRequest.builder()
                  .bucket(bucket)
                  .key(key)
                  .overrideConfiguration(c -> c.putHeader("If-None-Match", "*"))
                  .build(),
              RequestBody.fromString(text, StandardCharsets.UTF_8));
      return true;
    } catch (S3Exception e) {
      // 412: the object exists; 409: a concurrent conditional write to the same key is under way.
      if (e.statusCode() == 412 || e.statusCode() == 409) {
        return false;
      }
      throw new IOException("cannot write s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException("cannot write s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the store answers a second {@code If-None-Match: *} write of one key with {@code 412}
   * (a store that ignores the header would let both through). Asked once per bucket and run.
   */
  boolean honoursConditionalWrites(String bucket) throws IOException {
    Boolean known = conditionalWrites.get(bucket);
    if (known == null) {
      String probe = "_conditional-write-probe-" + UUID.randomUUID();
      boolean first = putIfAbsent(bucket, probe, "probe");
      boolean second = putIfAbsent(bucket, probe, "probe");
      try {
        client().deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(probe).build());
      } catch (SdkException e) {
        throw new IOException("cannot delete s3://" + bucket + "/" + probe + ": " + e, e);
      }
      known = first && !second;
      conditionalWrites.put(bucket, known);
    }
    return known;
  }

  private static boolean isFile(String path) throws IOException {
    return !BeamFiles.match(path).isEmpty();
  }

  /** Every object under {@code directory/}. */
  private static List<ResourceId> under(String directory) throws IOException {
    List<ResourceId> ids = new ArrayList<>();
    BeamFiles.match(OutputStore.join(directory, "**")).forEach(m -> ids.add(m.resourceId()));
    return ids;
  }

  private static ResourceId resource(String file) {
    return FileSystems.matchNewResource(file, false);
  }
}
