package dev.traininginputs.output;

import dev.traininginputs.stats.FigureCoder;
import dev.traininginputs.stats.MergeFigures;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.storage.BeamFiles;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The end of every writer: keeps one reported attempt per file name (the first staged name; a
 * runner that delivered two would otherwise double its figures), lists the kept files in {@code
 * DIR/_FILES} — what the publish moves, and nothing else — and hands on their figures.
 */
final class WrittenFiles extends PTransform<PCollection<WrittenFile>, PCollection<RunMetrics>> {
  static final String LIST = "_FILES";

  private final String directory;

  private WrittenFiles(String directory) {
    this.directory = directory;
  }

  static WrittenFiles listedIn(String directory) {
    return new WrittenFiles(directory);
  }

  @Override
  public PCollection<RunMetrics> expand(PCollection<WrittenFile> written) {
    PCollection<WrittenFile> kept =
        written
            .apply(
                "KeyByName",
                WithKeys.of((SerializableFunction<WrittenFile, String>) WrittenFile::name)
                    .withKeyType(TypeDescriptors.strings()))
            .apply(
                "KeepOneAttempt",
                Combine.perKey(
                    (SerializableFunction<Iterable<WrittenFile>, WrittenFile>) WrittenFiles::first))
            .apply("Files", Values.create())
            .setCoder(FigureCoder.of(WrittenFile.class));
    kept.apply(
            "Names",
            MapElements.into(TypeDescriptors.strings()).via(f -> f.name() + "\t" + f.staged()))
        .apply("AllNames", Combine.globally(new SortedLines()))
        .apply("WriteList", ParDo.of(new WriteListFn(OutputStore.join(directory, LIST))));
    return kept.apply(
            "Figures",
            MapElements.into(TypeDescriptor.of(RunMetrics.class)).via(WrittenFile::figures))
        .setCoder(MergeFigures.coder());
  }

  private static WrittenFile first(Iterable<WrittenFile> attempts) {
    WrittenFile first = null;
    for (WrittenFile f : attempts) {
      if (first == null || f.staged().compareTo(first.staged()) < 0) {
        first = f;
      }
    }
    return first;
  }

  /**
   * The files listed in {@code directory/_FILES}: published name to staged name, both relative to
   * {@code directory}.
   */
  static Map<String, String> read(OutputStore store, String directory) throws IOException {
    String list =
        store
            .read(OutputStore.join(directory, LIST))
            .orElseThrow(() -> new IOException("no list of written files in " + directory));
    Map<String, String> files = new TreeMap<>();
    for (String line : list.split("\n")) {
      if (!line.isEmpty()) {
        int tab = line.indexOf('\t');
        files.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return files;
  }

  private static final class SortedLines extends Combine.CombineFn<String, List<String>, String> {
    @Override
    public List<String> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<String> addInput(List<String> lines, String line) {
      lines.add(line);
      return lines;
    }

    @Override
    public List<String> mergeAccumulators(Iterable<List<String>> all) {
      List<String> merged = new ArrayList<>();
      all.forEach(merged::addAll);
      return merged;
    }

    @Override
    public String extractOutput(List<String> lines) {
      List<String> sorted = new ArrayList<>(lines);
      sorted.sort(null);
      StringBuilder text = new StringBuilder();
      sorted.forEach(line -> text.append(line).append('\n'));
      return text.toString();
    }
  }

  private static final class WriteListFn extends DoFn<String, Void> {
    private final String file;

    WriteListFn(String file) {
      this.file = file;
    }

    @ProcessElement
    public void process(@Element String list) throws IOException {
      BeamFiles.writeText(file, list);
    }
  }
}
