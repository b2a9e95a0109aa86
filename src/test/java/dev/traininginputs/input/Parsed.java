package dev.traininginputs.input;

import dev.traininginputs.model.RejectedRecord;
import dev.traininginputs.stats.RunMetrics;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;

/**
 * What a reader gave, as the tests look at it: its records, and its notes ({@link ReadNotes}) read
 * back once the records are complete.
 */
record Parsed<T>(
    PCollection<T> records, PCollection<RejectedRecord> rejected, PCollection<RunMetrics> counts) {

  /** Applies {@code reader} under {@code name}, and reads its notes after its records. */
  static <T> Parsed<T> of(Pipeline p, String name, ReadInputs<T> reader) {
    PCollection<T> records = p.apply(name, reader);
    ReadNotes.Notes notes = p.apply(name + "Notes", ReadNotes.in(reader.notesDirectory(), records));
    return new Parsed<>(records, notes.rejected(), notes.counts());
  }
}
