package dev.traininginputs.output;

import dev.traininginputs.options.WriteMode;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PendingUpdate;
import org.apache.iceberg.ReplacePartitions;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.ParquetUtil;

/**
 * A {@link DayPublish} into an {@link IcebergTable}: the staged files are moved under the table's
 * {@code data/dt=D/} and committed as one snapshot — {@code overwrite} replaces the partitions of
 * the built days, {@code append} adds to them — whose summary names the run and its days. Only the
 * files the writers listed are committed, so a retried or speculative task adds nothing.
 *
 * <p>The snapshot commit is the one moment the run's rows appear: a reader sees the previous
 * snapshot or this one. A publish cut short before it is not finished by the next run but undone
 * ({@link #isFinishedByNextRun}, {@link #undo}): a killed run adds no snapshot.
 */
final class IcebergCommit implements DayPublish {
  private final IcebergTable table;
  private final WriteMode mode;
  private final OutputStore store;
  private final PublishSteps steps;

  IcebergCommit(IcebergTable table, WriteMode mode, OutputStore store, PublishSteps steps) {
    this.table = table;
    this.mode = mode;
    this.store = store;
    this.steps = steps;
  }

  @Override
  public void publish(String staging, SortedMap<String, Map<String, String>> days)
      throws IOException {
    String runId = runId(staging);
    if (table.snapshotOf(runId).isPresent()) {
      return;
    }
    Table current = table.load();
    NameMapping names =
        NameMappingParser.fromJson(current.properties().get(TableProperties.DEFAULT_NAME_MAPPING));
    MetricsConfig metrics = MetricsConfig.forTable(current);
    List<DataFile> files = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> day : days.entrySet()) {
      for (Map.Entry<String, String> file : day.getValue().entrySet()) {
        String target = dataFile(current, file.getKey());
        if (!store.exists(target)) {
          steps.before("move " + file.getKey() + " into the table");
          store.rename(OutputStore.join(FolderPublish.rows(staging), file.getValue()), target);
        }
        InputFile written = current.io().newInputFile(target);
        files.add(
            DataFiles.builder(current.spec())
                .withPath(target)
                .withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(written.getLength())
                .withPartitionPath(StagedOutput.DAY_PREFIX + day.getKey())
                .withMetrics(ParquetUtil.fileMetrics(written, metrics, names))
                .build());
      }
    }
    String built = String.join(",", days.keySet());
    PendingUpdate<Snapshot> update;
    if (mode == WriteMode.APPEND) {
      AppendFiles append = current.newAppend();
      files.forEach(append::appendFile);
      update = append.set(IcebergTable.RUN_ID, runId).set(IcebergTable.RUN_DAYS, built);
    } else {
      ReplacePartitions replace = current.newReplacePartitions();
      files.forEach(replace::addFile);
      update = replace.set(IcebergTable.RUN_ID, runId).set(IcebergTable.RUN_DAYS, built);
    }
    steps.before("commit the Iceberg snapshot");
    update.commit();
  }

  /** Only a publish whose snapshot was committed is finished; any other is undone. */
  @Override
  public boolean isFinishedByNextRun(String staging) {
    return table.snapshotOf(runId(staging)).isPresent();
  }

  /** Deletes the files a publish cut short before its commit had moved into the table. */
  @Override
  public int undo(String staging, SortedMap<String, Map<String, String>> days) throws IOException {
    Table current = table.load();
    int deleted = 0;
    for (Map<String, String> files : days.values()) {
      for (String name : files.keySet()) {
        String target = dataFile(current, name);
        if (store.exists(target)) {
          store.delete(target);
          deleted++;
        }
      }
    }
    return deleted;
  }

  /** Where a file of the run goes: {@code TABLE/data/dt=D/part-….parquet}. */
  private static String dataFile(Table table, String name) {
    return OutputStore.join(OutputStore.join(table.location(), "data"), name);
  }

  private static String runId(String staging) {
    return OutputStore.name(staging).substring(Publish.STAGING_PREFIX.length());
  }
}
