package dev.traininginputs.output;

import dev.traininginputs.options.WriteMode;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;

/**
 * How a run's staged days replace or join the published ones (SPEC §7), one kind per storage and
 * write mode, chosen once ({@link #of}): {@link SwapDayFolders} on local disks and HDFS, {@link
 * ReplaceDayObjects} on S3, {@link AppendToDays} for {@code append}. Every step is idempotent, so a
 * publish cut short is finished by running it again with the same arguments.
 */
interface DayPublish {

  /**
   * Puts the staged days into place.
   *
   * @param staging the run's staging folder; the rows are in its {@code rows/} folder
   * @param days {@code YYYY-MM-DD} to (published name {@code dt=D/part-….parquet} to staged name)
   */
  void publish(String staging, SortedMap<String, Map<String, String>> days) throws IOException;

  static DayPublish of(WriteMode mode, OutputStore store, String output, PublishSteps steps) {
    if (mode == WriteMode.APPEND) {
      return new AppendToDays(store, output, steps);
    }
    return store.renamesDirectories()
        ? new SwapDayFolders(store, output, steps)
        : new ReplaceDayObjects(store, output, steps);
  }
}
