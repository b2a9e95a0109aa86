package dev.traininginputs.storage;

import dev.traininginputs.options.RunRefusedException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.options.AwsOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Where inputs and outputs may be: a local path, {@code hdfs://} or {@code s3://} (SPEC §7). Any
 * other scheme, or one whose file system is not configured, is refused before any work — never
 * turned into a local folder.
 */
public final class Locations {
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");

  private Locations() {}

  /** The scheme of a location in lower case, or {@code ""} for a plain local path. */
  public static String scheme(String location) {
    Matcher m = SCHEME.matcher(location);
    return m.lookingAt() ? m.group(1).toLowerCase(Locale.ROOT) : "";
  }

  /**
   * Refuses {@code --option=location} unless its file system is one of ours and registered with
   * Beam (call after {@code FileSystems.setDefaultPipelineOptions}).
   */
  public static void check(String option, String location, PipelineOptions options) {
    String scheme = scheme(location);
    switch (scheme) {
      case "", "file" -> {}
      case "hdfs", "webhdfs", "viewfs", "s3" -> {
        if (!isConfigured(scheme, location, options)) {
          throw refusal(option, location, scheme + ":// is not configured: " + how(scheme));
        }
      }
      default ->
          throw refusal(
              option,
              location,
              scheme + ":// is not supported (use a local path, hdfs:// or s3://)");
    }
  }

  /** Beam has a file system registered for it (and, for S3, a region to reach it in). */
  private static boolean isConfigured(String scheme, String location, PipelineOptions options) {
    try {
      FileSystems.matchNewResource(location, false);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return !scheme.equals("s3") || options.as(AwsOptions.class).getAwsRegion() != null;
  }

  private static RunRefusedException refusal(String option, String location, String reason) {
    return new RunRefusedException("--" + option + "=" + location + ": " + reason);
  }

  private static String how(String scheme) {
    return scheme.equals("s3")
        ? "give --awsRegion (and --endpoint for an S3-compatible store)"
        : "give --hdfsConfiguration='[{\"fs.defaultFS\":\"hdfs://namenode:8020\"}]' or set"
            + " HADOOP_CONF_DIR";
  }
}
