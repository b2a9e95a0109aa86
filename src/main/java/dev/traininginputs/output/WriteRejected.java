package dev.traininginputs.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.stats.FigureCoder;
import dev.traininginputs.stats.RejectionReasons;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.storage.BeamFiles;
import dev.traininginputs.storage.OutputStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes rejected records as JSON Lines ({@code source}, {@code file}, {@code line}, {@code
 * reason}, {@code raw}), one file per source, {@code rejected-SOURCE.jsonl}, staged per attempt and
 * listed like the rows (see {@link WriteTrainingRows}, also for why not {@code TextIO}). A source
 * without rejections gets no file. Output: one {@link RunMetrics} per file with the rejection
 * reasons of its records, taken while writing them (the rejected records need no other consumer).
 */
public final class WriteRejected
    extends PTransform<PCollection<RejectedRecord>, PCollection<RunMetrics>> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String directory;

  private WriteRejected(String directory) {
    this.directory = directory;
  }

  /** Writes into {@code directory}, the run's staging folder for rejected records. */
  public static WriteRejected to(String directory) {
    return new WriteRejected(directory);
  }

  @Override
  public PCollection<RunMetrics> expand(PCollection<RejectedRecord> rejected) {
    return rejected
        .apply(
            "KeyBySource",
            WithKeys.<String, RejectedRecord>of(RejectedRecord::source)
                .withKeyType(TypeDescriptors.strings()))
        .apply("GroupBySource", GroupByKey.create())
        .apply("WriteJsonLines", ParDo.of(new WriteFileFn(directory)))
        .setCoder(FigureCoder.of(WrittenFile.class))
        .apply("ListWrittenFiles", WrittenFiles.listedIn(directory));
  }

  static String toJson(RejectedRecord record) {
    ObjectNode node = JSON.createObjectNode();
    node.put("source", record.source());
    node.put("file", record.file());
    node.put("line", record.line());
    node.put("reason", record.reason());
    node.put("raw", record.raw());
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class WriteFileFn
      extends DoFn<KV<String, Iterable<RejectedRecord>>, WrittenFile> {
    private final String directory;

    WriteFileFn(String directory) {
      this.directory = directory;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<RejectedRecord>> source, OutputReceiver<WrittenFile> out)
        throws IOException {
      RejectionReasons reasons = new RejectionReasons();
      String name = "rejected-" + source.getKey() + ".jsonl";
      String staged = WrittenFile.attemptName(name);
      try (Writer writer =
          new BufferedWriter(
              Channels.newWriter(
                  BeamFiles.create(OutputStore.join(directory, staged), "application/jsonl"),
                  StandardCharsets.UTF_8))) {
        for (RejectedRecord record : source.getValue()) {
          writer.write(toJson(record));
          writer.write('\n');
          reasons.add(record);
        }
      }
      out.output(new WrittenFile(name, staged, RunMetrics.ofRejections(reasons)));
    }
  }
}
