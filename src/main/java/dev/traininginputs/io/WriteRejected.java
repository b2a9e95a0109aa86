package dev.traininginputs.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.traininginputs.model.RejectedRecord;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes rejected records as JSON Lines ({@code source}, {@code file}, {@code line},
 * {@code reason}, {@code raw}) into one {@code rejected-*.jsonl} file; a run with no rejections
 * writes an empty one.
 */
public final class WriteRejected extends PTransform<PCollection<RejectedRecord>, PDone> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String directory;

  public WriteRejected(String directory) {
    this.directory = directory;
  }

  @Override
  public PDone expand(PCollection<RejectedRecord> rejected) {
    return rejected
        .apply("ToJsonLines", MapElements.into(TypeDescriptors.strings()).via(WriteRejected::toJson))
        .apply(
            "WriteJsonLines",
            TextIO.write().to(directory + "/rejected").withSuffix(".jsonl").withNumShards(1));
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
}
