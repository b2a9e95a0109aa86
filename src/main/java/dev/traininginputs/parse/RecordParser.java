package dev.traininginputs.parse;

import dev.traininginputs.model.Source;
import java.io.Serializable;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Turns one input record of a source, in any format, into a typed record, or says why it cannot.
 */
public interface RecordParser<T> extends Serializable {

  Source source();

  /** The record type, from which the pipeline finds the record's coder. */
  TypeDescriptor<T> outputType();

  T parse(RecordView row) throws InvalidValueException;
}
