package dev.traininginputs.output;

import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.storage.Locations;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run's results go: local paths, {@code hdfs://} or {@code s3://} URIs.
 *
 * @param output the folder of the {@code dt=} folders
 * @param rejected the folder of the {@code rejected-*.jsonl} files
 * @param metricsJson the metrics file
 * @param report the HTML report, or empty for none
 */
public record Destinations(String output, String rejected, String metricsJson, String report) {

  /**
   * The same places, checked and normalized: local paths made absolute ({@code file:} URIs too),
   * other URIs without a trailing slash. Refuses a URI without a host or bucket, a folder option
   * that names a file and a file option that names a folder.
   */
  public Destinations checked() {
    Destinations at =
        new Destinations(
            normalize("--output", output),
            normalize("--rejectedOutput", rejected),
            normalize("--metricsJson", metricsJson),
            report.isEmpty() ? "" : normalize("--report", report));
    requireDirectoryOrAbsent("--output", at.output());
    requireDirectoryOrAbsent("--rejectedOutput", at.rejected());
    requireFileOrAbsent("--metricsJson", at.metricsJson());
    requireFileOrAbsent("--report", at.report());
    return at;
  }

  private static String normalize(String option, String location) {
    String scheme = Locations.scheme(location);
    if (scheme.isEmpty() || location.startsWith("file:")) {
      Path path = Path.of(scheme.isEmpty() ? location : URI.create(location).getPath());
      return path.toAbsolutePath().normalize().toString();
    }
    if (URI.create(location).getAuthority() == null) {
      throw new RunRefusedException(option + "=" + location + " names no host or bucket");
    }
    return location.replaceAll("/+$", "");
  }

  private static void requireFileOrAbsent(String option, String location) {
    if (isLocal(location) && Files.isDirectory(Path.of(location))) {
      throw new RunRefusedException(option + "=" + location + " is a directory, not a file");
    }
  }

  private static void requireDirectoryOrAbsent(String option, String location) {
    if (isLocal(location)
        && Files.exists(Path.of(location))
        && !Files.isDirectory(Path.of(location))) {
      throw new RunRefusedException(option + "=" + location + " is a file, not a directory");
    }
  }

  private static boolean isLocal(String location) {
    return !location.isEmpty() && Locations.scheme(location).isEmpty();
  }
}
