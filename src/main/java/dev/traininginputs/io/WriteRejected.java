package dev.traininginputs.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.traininginputs.model.RejectedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes rejected records as JSON Lines ({@code source}, {@code file}, {@code line},
 * {@code reason}, {@code raw}), one file per source, {@code rejected-SOURCE.jsonl}, atomically
 * (see {@link WriteTrainingRows} for why not {@code TextIO}). A source without rejections gets no
 * file. Output: the number of records written per file.
 */
public final class WriteRejected extends PTransform<PCollection<RejectedRecord>, PCollection<Long>> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String directory;

  public WriteRejected(String directory) {
    this.directory = directory;
  }

  @Override
  public PCollection<Long> expand(PCollection<RejectedRecord> rejected) {
    return rejected
        .apply("KeyBySource", WithKeys.<String, RejectedRecord>of(RejectedRecord::source)
            .withKeyType(TypeDescriptors.strings()))
        .apply("GroupBySource", GroupByKey.create())
        .apply("WriteJsonLines", ParDo.of(new WriteFileFn(directory)));
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

  private static final class WriteFileFn extends DoFn<KV<String, Iterable<RejectedRecord>>, Long> {
    private final String directory;

    WriteFileFn(String directory) {
      this.directory = directory;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<RejectedRecord>> source, OutputReceiver<Long> out)
        throws IOException {
      long[] written = {0};
      Path file = Path.of(directory, "rejected-" + source.getKey() + ".jsonl");
      LocalFiles.writeAtomically(file, temporary -> {
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
          for (RejectedRecord record : source.getValue()) {
            writer.write(toJson(record));
            writer.write('\n');
            written[0]++;
          }
        }
      });
      out.output(written[0]);
    }
  }
}
