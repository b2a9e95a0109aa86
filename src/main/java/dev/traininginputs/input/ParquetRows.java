package dev.traininginputs.input;

import dev.traininginputs.model.Source;
import dev.traininginputs.parse.RecordView;
import dev.traininginputs.storage.BeamInputFile;
import java.io.IOException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.ParquetRuntimeException;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * The rows of a Parquet file, or of the row groups that start in a byte range of it, read straight
 * with parquet-hadoop's file reader (not ParquetIO, which skips corrupt records silently): only the
 * source's columns ({@link ParquetColumns}, from this file's own schema), each row handed on with
 * its typed values ({@link ParquetRecord}). A row that cannot be decoded, or a page whose checksum
 * is wrong, fails the file: its rows could not be counted, so rejecting them would lose them.
 */
final class ParquetRows implements InputRows {
  private final ParquetFileReader reader;
  private final ParquetColumns columns;
  private final MessageColumnIO columnIo;
  private final String partition;
  private RecordReader<Group> records;
  private long leftInGroup;
  private long number;

  private ParquetRows(
      ParquetFileReader reader,
      ParquetColumns columns,
      MessageColumnIO columnIo,
      String partition,
      long firstRow) {
    this.reader = reader;
    this.columns = columns;
    this.columnIo = columnIo;
    this.partition = partition;
    this.number = firstRow - 1;
  }

  static ParquetRows open(FileRange range, Source source) throws IOException {
    // Pages carry a CRC (parquet-mr and Spark write one by default): a corrupt page fails the file
    // instead of giving other values.
    ParquetReadOptions.Builder options =
        ParquetReadOptions.builder().usePageChecksumVerification(true);
    if (!range.isWhole()) {
      options.withRange(range.start(), range.end());
    }
    ParquetFileReader reader = open(BeamInputFile.of(range.file()), options.build());
    try {
      MessageType schema = reader.getFileMetaData().getSchema();
      ParquetColumns columns;
      try {
        columns = ParquetColumns.of(source, schema, range.partition() != null);
      } catch (ParquetColumns.Unusable e) {
        throw new IllegalStateException(
            range.file() + " changed during the run: it " + e.getMessage());
      }
      reader.setRequestedSchema(columns.projection());
      MessageColumnIO columnIo = new ColumnIOFactory().getColumnIO(columns.projection(), schema);
      return new ParquetRows(reader, columns, columnIo, range.partition(), range.firstRow());
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** Opens a file's footer; a file that is not Parquet, or is cut short, cannot be read. */
  static ParquetFileReader open(BeamInputFile file, ParquetReadOptions options) throws IOException {
    try {
      return ParquetFileReader.open(file, options);
    } catch (RuntimeException e) {
      // "... is not a Parquet file. Expected magic number at tail ...", "length is too low".
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public Row next() throws IOException {
    try {
      while (leftInGroup == 0) {
        PageReadStore group = reader.readNextRowGroup();
        if (group == null) {
          return null;
        }
        records = columnIo.getRecordReader(group, new GroupRecordConverter(columns.projection()));
        leftInGroup = group.getRowCount();
      }
      ParquetRecord values = new ParquetRecord(columns.row(records.read()), partition);
      leftInGroup--;
      long row = ++number;
      return new Row() {
        @Override
        public long number() {
          return row;
        }

        @Override
        public String raw() {
          return values.json();
        }

        @Override
        public RecordView view() {
          return values;
        }
      };
    } catch (ParquetRuntimeException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
