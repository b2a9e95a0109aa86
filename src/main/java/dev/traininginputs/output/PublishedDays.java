package dev.traininginputs.output;

import dev.traininginputs.options.IcebergTarget;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The Parquet files of a published output, by day, as a reader should take them (SPEC §7): on local
 * disks and HDFS the {@code .parquet} files of each {@code dt=} folder; on S3 exactly the files
 * that the day's {@code _MANIFEST} lists, and no day whose manifest is absent (it is being
 * published); in a path-based Iceberg table, the files of its current snapshot.
 */
public final class PublishedDays {
  private PublishedDays() {}

  /** {@code YYYY-MM-DD} to the day's files (full paths, sorted); empty when there is no day. */
  public static SortedMap<String, List<String>> of(String output, PipelineOptions options)
      throws IOException {
    OutputStore store = OutputStore.of(output, options);
    if (store.exists(OutputStore.join(output, "metadata/version-hint.text"))) {
      return IcebergTable.of(new IcebergTarget(null, Map.of()), output, options).currentFiles();
    }
    SortedMap<String, List<String>> days = new TreeMap<>();
    for (String entry : store.list(output)) {
      String name = entry.replaceAll("/+$", "");
      if (!name.startsWith(StagedOutput.DAY_PREFIX)) {
        continue;
      }
      String folder = OutputStore.join(output, name);
      List<String> files = new ArrayList<>();
      Optional<String> manifest = store.read(OutputStore.join(folder, FolderPublish.MANIFEST));
      if (manifest.isPresent()) {
        manifest.get().lines().filter(line -> !line.isBlank()).forEach(files::add);
      } else if (store.renamesDirectories()) {
        store.list(folder).stream().filter(file -> file.endsWith(".parquet")).forEach(files::add);
      } else {
        continue;
      }
      days.put(
          name.substring(StagedOutput.DAY_PREFIX.length()),
          files.stream().sorted().map(file -> OutputStore.join(folder, file)).toList());
    }
    return days;
  }
}
