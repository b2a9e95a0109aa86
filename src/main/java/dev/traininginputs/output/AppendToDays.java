package dev.traininginputs.output;

import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code append}: the new files join the day's (names carry the run id, so none collide): renamed
 * in where the storage renames, copied in on S3, where the day's manifest then lists every file of
 * the day.
 */
final class AppendToDays extends FolderPublish {
  AppendToDays(OutputStore store, String output, PublishSteps steps) {
    super(store, output, steps);
  }

  @Override
  void publishDay(String staging, String folder, Map<String, String> files) throws IOException {
    if (store.renamesDirectories()) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        String staged = OutputStore.join(rows(staging), file.getValue());
        if (store.exists(staged)) {
          step("move " + file.getKey() + " into place");
          store.rename(staged, OutputStore.join(output, file.getKey()));
        }
      }
      return;
    }
    copyMissing(staging, files);
    String target = OutputStore.join(output, folder);
    Set<String> names = new TreeSet<>();
    for (String name : store.list(target)) {
      if (!name.startsWith("_") && !name.startsWith(".")) {
        names.add(name);
      }
    }
    step("write the manifest of " + folder);
    store.write(OutputStore.join(target, MANIFEST), manifest(names));
  }
}
