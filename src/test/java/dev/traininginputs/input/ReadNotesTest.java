package dev.traininginputs.input;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;

import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.model.Source;
import dev.traininginputs.stats.RunMetrics;
import dev.traininginputs.stats.SourceCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReadNotes}: every attempt of a read task writes the same notes, and they are read back
 * once per task; an attempt that never committed (a failed or killed one) is not read at all.
 */
@Tag("pipeline")
@ExtendWith(TestPipelineExtension.class)
class ReadNotesTest {
  @TempDir Path dir;

  private static RejectedRecord rejected(String file, long line) {
    return new RejectedRecord("clicks", file, line, "item_id: 0 is not a valid item id", "raw");
  }

  /** Writes one attempt of a task: its rejected rows, then its counts; commits it if asked. */
  private void attempt(String task, String file, long read, boolean commit, long... lines)
      throws Exception {
    try (ReadNotes.Writer notes = new ReadNotes.Writer(dir.toString(), Source.CLICKS, task)) {
      for (long line : lines) {
        notes.rejected(rejected(file, line));
      }
      notes.counts(
          RunMetrics.ofSource(
              Source.CLICKS, new SourceCounts(read, read - lines.length, lines.length, 0)));
      if (commit) {
        notes.commit();
      }
    }
  }

  @Test
  void eachTaskIsReadOnceWhateverItsAttempts(TestPipeline p) throws Exception {
    // Task a: two complete attempts (a retried or speculative task) and one that failed.
    attempt("a.csv@0", "a.csv", 10, true, 3, 7);
    attempt("a.csv@0", "a.csv", 10, true, 3, 7);
    attempt("a.csv@0", "a.csv", 4, false, 3);
    // Task b: one complete attempt without rejections. Task c: only a failed attempt (it cannot
    // happen once the reading step has succeeded; here it shows that a .tmp file is never read).
    attempt("b.csv@0", "b.csv", 5, true);
    attempt("c.csv@0", "c.csv", 9, false, 1);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.toList(), hasSize(5));
    }

    PCollection<String> signal = p.apply("Signal", Create.of("done"));
    ReadNotes.Notes notes = p.apply(ReadNotes.in(dir.toString(), signal));
    PAssert.that(notes.rejected()).containsInAnyOrder(rejected("a.csv", 3), rejected("a.csv", 7));
    PAssert.that(
            notes
                .counts()
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via(figure -> figure.sources().toString())))
        .containsInAnyOrder(
            List.of(
                "{clicks=SourceCounts[read=10, accepted=8, rejected=2, dayMismatch=0]}",
                "{clicks=SourceCounts[read=5, accepted=5, rejected=0, dayMismatch=0]}"));
    p.run().waitUntilFinish();
  }
}
