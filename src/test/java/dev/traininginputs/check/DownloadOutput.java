package dev.traininginputs.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Copies every object under an S3 prefix into a local folder, so that {@link CompareOutputs} can
 * check an output written to S3. Used by {@code scripts/integration-test}.
 *
 * <pre>DownloadOutput s3://BUCKET/PREFIX LOCAL_FOLDER --awsRegion=... [--endpoint=...]</pre>
 */
public final class DownloadOutput {
  private DownloadOutput() {}

  public static void main(String[] args) throws IOException {
    String root = args[0].replaceAll("/+$", "");
    Path target = Path.of(args[1]);
    FileSystems.setDefaultPipelineOptions(
        PipelineOptionsFactory.fromArgs(Arrays.copyOfRange(args, 2, args.length)).create());
    MatchResult match = FileSystems.match(root + "/**", EmptyMatchTreatment.DISALLOW);
    int files = 0;
    for (MatchResult.Metadata m : match.metadata()) {
      Path file = target.resolve(m.resourceId().toString().substring(root.length() + 1));
      Files.createDirectories(file.getParent());
      try (InputStream in = Channels.newInputStream(FileSystems.open(m.resourceId()))) {
        Files.copy(in, file);
      }
      files++;
    }
    System.out.println("downloaded " + files + " files from " + root + " to " + target);
  }
}
