package dev.traininginputs.output;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.options.WriteMode;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One output on one storage, for publish tests: an earlier output of two days, and a run that
 * overwrites one of them and adds another, staged as the pipeline stages it — two files a day, each
 * under its attempt name and listed in {@code _FILES}, plus a file of a failed attempt that no task
 * reported, which must never be published.
 */
final class PublishScenario {
  final TestStorage storage;
  final String output;

  PublishScenario(TestStorage storage) {
    this.storage = storage;
    this.output = storage.newRoot();
  }

  String at(String relative) {
    return OutputStore.join(output, relative);
  }

  Destinations destinations() {
    return new Destinations(output, at("_rejected"), at("_metrics.json"), "").checked();
  }

  void earlierOutput() throws IOException {
    for (String day : new String[] {"10", "11"}) {
      storage.write(at("dt=2025-03-" + day + "/part-old.parquet"), "old " + day);
      if (storage.hasManifests()) {
        storage.write(at("dt=2025-03-" + day + "/_MANIFEST"), "part-old.parquet\n");
      }
    }
    storage.write(at("_rejected/rejected-clicks.jsonl"), "old clicks");
    storage.write(at("_metrics.json"), "old metrics");
  }

  /** Prepares a run and stages its files, not yet published; {@code steps} sees its publish. */
  StagedOutput stagedRun(String runId, PublishSteps steps) throws IOException {
    StagedOutput staged = prepare(runId, steps);
    StringBuilder rows = new StringBuilder();
    for (String day : new String[] {"2025-03-11", "2025-03-12"}) {
      for (int shard = 0; shard < 2; shard++) {
        String name = "dt=" + day + "/part-" + runId + "-" + shard + ".parquet";
        String stagedName = WrittenFile.attemptName(name);
        storage.write(
            OutputStore.join(staged.rowsDirectory(), stagedName), "new " + day + "/" + shard);
        rows.append(name).append('\t').append(stagedName).append('\n');
      }
    }
    // A failed attempt's file: written, never reported.
    storage.write(
        OutputStore.join(
            staged.rowsDirectory(),
            WrittenFile.attemptName("dt=2025-03-11/part-" + runId + "-0.parquet")),
        "half-written");
    storage.write(OutputStore.join(staged.rowsDirectory(), WrittenFiles.LIST), rows.toString());
    String rejected = WrittenFile.attemptName("rejected-impressions.jsonl");
    storage.write(OutputStore.join(staged.rejectedDirectory(), rejected), "new impressions");
    storage.write(
        OutputStore.join(staged.rejectedDirectory(), WrittenFiles.LIST),
        "rejected-impressions.jsonl\t" + rejected + "\n");
    storage.write(staged.metricsFile(), "new metrics");
    return staged;
  }

  StagedOutput prepare(String runId, PublishSteps steps) {
    return StagedOutput.prepare(
        destinations(), WriteMode.OVERWRITE, runId, Set::of, storage.options(), steps);
  }

  /** The output after the run published: 03-10 kept, 03-11 replaced, 03-12 added. */
  TreeMap<String, String> published() {
    TreeMap<String, String> files = new TreeMap<>();
    files.put("dt=2025-03-10/part-old.parquet", "old 10");
    for (String day : new String[] {"2025-03-11", "2025-03-12"}) {
      for (int shard = 0; shard < 2; shard++) {
        files.put("dt=" + day + "/part-run1-" + shard + ".parquet", "new " + day + "/" + shard);
      }
      if (storage.hasManifests()) {
        files.put("dt=" + day + "/_MANIFEST", "part-run1-0.parquet\npart-run1-1.parquet\n");
      }
    }
    if (storage.hasManifests()) {
      files.put("dt=2025-03-10/_MANIFEST", "part-old.parquet\n");
    }
    files.put("_rejected/rejected-impressions.jsonl", "new impressions");
    files.put("_metrics.json", "new metrics");
    return files;
  }

  /** The output before the run. */
  TreeMap<String, String> earlier() {
    TreeMap<String, String> files = new TreeMap<>();
    for (String day : new String[] {"10", "11"}) {
      files.put("dt=2025-03-" + day + "/part-old.parquet", "old " + day);
      if (storage.hasManifests()) {
        files.put("dt=2025-03-" + day + "/_MANIFEST", "part-old.parquet\n");
      }
    }
    files.put("_rejected/rejected-clicks.jsonl", "old clicks");
    files.put("_metrics.json", "old metrics");
    return files;
  }

  TreeMap<String, String> everything() throws IOException {
    return storage.everything(output);
  }

  /** The next run on the output: it recovers first, then has nothing of its own to publish. */
  void nextRun() {
    StagedOutput next = prepare("run2", PublishSteps.NONE);
    next.discard();
    next.release();
  }

  /** How many steps a whole publish takes. */
  int countSteps() throws IOException {
    earlierOutput();
    int[] steps = {0};
    StagedOutput staged = stagedRun("run1", step -> steps[0]++);
    try {
      staged.commit();
    } finally {
      staged.release();
    }
    return steps[0];
  }

  /** Earlier output, a staged run, and its publish cut short before step {@code fault}. */
  StagedOutput publishCutAt(int fault) throws IOException {
    earlierOutput();
    int[] step = {0};
    StagedOutput staged =
        stagedRun(
            "run1",
            description -> {
              if (step[0]++ == fault) {
                throw new IOException("injected failure before: " + description);
              }
            });
    assertThrows(UncheckedIOException.class, staged::commit, "fault at step " + fault);
    return staged;
  }

  /** Rewrites the lock as a killed run leaves it: held by a process id that no longer runs. */
  void leaveLockToADeadProcess() throws IOException {
    Process gone = new ProcessBuilder("true").start();
    try {
      gone.waitFor();
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
    String lock = storage.read(at(OutputLock.NAME));
    storage.write(at(OutputLock.NAME), lock.replaceFirst("pid=\\d+", "pid=" + gone.pid()));
  }

  static Map<String, String> withoutLock(Map<String, String> files) {
    TreeMap<String, String> copy = new TreeMap<>(files);
    copy.remove(OutputLock.NAME);
    return copy;
  }
}
