package dev.traininginputs.output;

import dev.traininginputs.options.WriteMode;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;

/**
 * How a run's staged days replace or join the published ones (SPEC §7), one kind per storage and
 * write mode, chosen once ({@link #of}): {@link SwapDayFolders} on local disks and HDFS, {@link
 * ReplaceDayObjects} on S3, {@link AppendToDays} for {@code append}; {@link IcebergCommit} into an
 * Iceberg table. Every step is idempotent, so a publish cut short is finished by running it again
 * with the same arguments — or, where the publish has one moment of commit, undone if cut short
 * before it ({@link #isFinishedByNextRun}).
 */
interface DayPublish {

  /**
   * Puts the staged days into place.
   *
   * @param staging the run's staging folder; the rows are in its {@code rows/} folder
   * @param days {@code YYYY-MM-DD} to (published name {@code dt=D/part-….parquet} to staged name)
   */
  void publish(String staging, SortedMap<String, Map<String, String>> days) throws IOException;

  /**
   * Whether the next run finishes a publish of {@code staging} that was cut short after its commit
   * record (the folder publishes: always), or undoes it ({@link #undo}).
   */
  default boolean isFinishedByNextRun(String staging) throws IOException {
    return true;
  }

  /**
   * Takes back what a publish cut short had put into place, when it is not to be finished; returns
   * the number of files deleted.
   */
  default int undo(String staging, SortedMap<String, Map<String, String>> days) throws IOException {
    return 0;
  }

  /**
   * @param table the Iceberg table of an {@code --outputFormat=iceberg} run, or null for folders
   */
  static DayPublish of(
      WriteMode mode, OutputStore store, String output, PublishSteps steps, IcebergTable table) {
    if (table != null) {
      return new IcebergCommit(table, mode, store, steps);
    }
    if (mode == WriteMode.APPEND) {
      return new AppendToDays(store, output, steps);
    }
    return store.renamesDirectories()
        ? new SwapDayFolders(store, output, steps)
        : new ReplaceDayObjects(store, output, steps);
  }
}
