package dev.traininginputs.output;

import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code overwrite} on S3: no rename, so the day changes object by object, in an order that never
 * shows a reader listing {@code dt=D/} the day's rows twice: the manifest goes first, then the old
 * files, then the new ones are copied in and the new manifest written. A reader that reads only
 * days with a {@code _MANIFEST}, and exactly the files it lists, reads exactly.
 */
final class ReplaceDayObjects extends FolderPublish {
  ReplaceDayObjects(OutputStore store, String output, PublishSteps steps) {
    super(store, output, steps);
  }

  @Override
  void publishDay(String staging, String folder, Map<String, String> files) throws IOException {
    String target = OutputStore.join(output, folder);
    String manifest = OutputStore.join(target, MANIFEST);
    Set<String> names = new TreeSet<>();
    files.keySet().forEach(name -> names.add(OutputStore.name(name)));
    String listing = manifest(names);
    if (store.read(manifest).map(listing::equals).orElse(false)) {
      return;
    }
    if (store.exists(manifest)) {
      step("delete the manifest of " + folder);
      store.delete(manifest);
    }
    for (String old : store.list(target)) {
      if (!names.contains(old)) {
        step("delete the old " + folder + "/" + old);
        store.delete(OutputStore.join(target, old));
      }
    }
    copyMissing(staging, files);
    step("write the manifest of " + folder);
    store.write(manifest, listing);
  }
}
