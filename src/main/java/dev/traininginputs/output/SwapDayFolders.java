package dev.traininginputs.output;

import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.util.Map;

/**
 * {@code overwrite} on local disks and HDFS: the day's files are gathered in {@code ready/dt=D},
 * the old day renamed aside into {@code replaced/dt=D}, the new one renamed into place. A reader
 * sees the old day or the new one, never both (between the two renames, briefly, neither).
 */
final class SwapDayFolders extends FolderPublish {
  SwapDayFolders(OutputStore store, String output, PublishSteps steps) {
    super(store, output, steps);
  }

  @Override
  void publishDay(String staging, String folder, Map<String, String> files) throws IOException {
    String ready = OutputStore.join(staging, "ready/" + folder);
    String aside = OutputStore.join(staging, "replaced/" + folder);
    String target = OutputStore.join(output, folder);
    for (Map.Entry<String, String> file : files.entrySet()) {
      String staged = OutputStore.join(rows(staging), file.getValue());
      if (store.exists(staged)) {
        step("gather " + file.getKey());
        store.rename(staged, OutputStore.join(staging, "ready/" + file.getKey()));
      }
    }
    if (!store.exists(ready)) {
      return;
    }
    if (store.exists(target) && !store.exists(aside)) {
      step("move the old " + folder + " aside");
      store.rename(target, aside);
    }
    step("move the new " + folder + " into place");
    store.rename(ready, target);
  }
}
