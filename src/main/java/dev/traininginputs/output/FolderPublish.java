package dev.traininginputs.output;

import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * A {@link DayPublish} into the output's {@code dt=D/} folders, day by day; what the folder
 * strategies share.
 */
abstract class FolderPublish implements DayPublish {
  /** On object stores, the files of a day a reader should read, one name per line. */
  static final String MANIFEST = "_MANIFEST";

  final OutputStore store;
  final String output;
  private final PublishSteps steps;

  FolderPublish(OutputStore store, String output, PublishSteps steps) {
    this.store = store;
    this.output = output;
    this.steps = steps;
  }

  @Override
  public final void publish(String staging, SortedMap<String, Map<String, String>> days)
      throws IOException {
    for (Map.Entry<String, Map<String, String>> day : days.entrySet()) {
      publishDay(staging, StagedOutput.DAY_PREFIX + day.getKey(), day.getValue());
    }
  }

  /**
   * Puts one day's files into place.
   *
   * @param folder the day's folder name, {@code dt=D}
   * @param files published name to staged name
   */
  abstract void publishDay(String staging, String folder, Map<String, String> files)
      throws IOException;

  void step(String step) throws IOException {
    steps.before(step);
  }

  static String rows(String staging) {
    return OutputStore.join(staging, "rows");
  }

  /** Copies in every listed file not yet in place (names carry the run id: none collide). */
  void copyMissing(String staging, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      String published = OutputStore.join(output, file.getKey());
      if (!store.exists(published)) {
        step("copy " + file.getKey() + " into place");
        store.copy(OutputStore.join(rows(staging), file.getValue()), published);
      }
    }
  }

  /** The manifest of a day: its file names, one per line. */
  static String manifest(Set<String> names) {
    StringBuilder text = new StringBuilder();
    names.forEach(name -> text.append(name).append('\n'));
    return text.toString();
  }
}
