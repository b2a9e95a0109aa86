package dev.traininginputs.layout;

import dev.traininginputs.model.Days;
import dev.traininginputs.model.History;
import dev.traininginputs.model.HistoryRows;
import dev.traininginputs.model.ImpressedItem;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.options.OutputLayout;
import dev.traininginputs.options.Padding;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A layout of the output rows (SPEC §4): which rows ({@code exploded}: one per impressed item;
 * {@code grouped}: one per impression row) and how their history lists are padded. It turns the
 * rows of one customer and day into Avro records for the Parquet writer, and records read back into
 * training rows, always with the right-padded history of SPEC §3 whatever the padding on disk.
 *
 * @param layout exploded or grouped
 * @param padding right, left or none
 * @param sequenceLength N, the length of a padded list
 */
public record RowLayout(OutputLayout layout, Padding padding, int sequenceLength)
    implements Serializable {

  /** Keys of the Parquet footer's key-value metadata that say how a file was written. */
  public static final String LAYOUT_KEY = "training_inputs.layout";

  public static final String PADDING_KEY = "training_inputs.padding";
  public static final String SEQUENCE_LENGTH_KEY = "training_inputs.sequence_length";

  /** Exploded rows: the table of SPEC §4. */
  public static final Schema EXPLODED_SCHEMA =
      withHistory(
          SchemaBuilder.record("TrainingRow")
              .namespace("dev.traininginputs")
              .fields()
              .requiredString("dt")
              .requiredString("ranking_id")
              .requiredLong("customer_id")
              .requiredInt("position")
              .requiredInt("item_id")
              .requiredBoolean("is_order"));

  /** Grouped rows: one per impression row, its items and labels as aligned lists. */
  public static final Schema GROUPED_SCHEMA =
      withHistory(
          SchemaBuilder.record("ImpressionRow")
              .namespace("dev.traininginputs")
              .fields()
              .requiredString("dt")
              .requiredString("ranking_id")
              .requiredLong("customer_id")
              .name("items")
              .type(ints())
              .noDefault()
              .name("is_order")
              .type(SchemaBuilder.array().items().booleanType())
              .noDefault());

  public RowLayout {
    if (layout == null || padding == null) {
      throw new IllegalArgumentException("a layout needs its rows and its padding");
    }
    if (sequenceLength < 1) {
      throw new IllegalArgumentException(
          "sequenceLength must be at least 1, was " + sequenceLength);
    }
  }

  /** The default layout: exploded, right-padded. */
  public static RowLayout exploded(int sequenceLength) {
    return new RowLayout(OutputLayout.EXPLODED, Padding.RIGHT, sequenceLength);
  }

  public Schema schema() {
    return layout == OutputLayout.GROUPED ? GROUPED_SCHEMA : EXPLODED_SCHEMA;
  }

  /**
   * What each Parquet file says of itself in its footer's key-value metadata, so that a reader can
   * tell the layout of a file it is given (pyarrow: {@code pq.read_schema(f).metadata}).
   */
  public Map<String, String> fileMetadata() {
    return Map.of(
        LAYOUT_KEY, layout.toString(),
        PADDING_KEY, padding.toString(),
        SEQUENCE_LENGTH_KEY, Integer.toString(sequenceLength));
  }

  /**
   * The records of one customer and day: one per impressed item, or one per impression row. The
   * history lists are padded once and shared by every record.
   */
  public List<GenericRecord> records(HistoryRows rows) {
    History history = rows.history();
    int[] actions = padded(history.actions(), history.length());
    int[] actionTypes = padded(history.actionTypes(), history.length());
    List<GenericRecord> records = new ArrayList<>();
    for (Impression impression : rows.impressions()) {
      String dt = Days.format(impression.day());
      List<Impression.Item> items = impression.items();
      if (layout == OutputLayout.GROUPED) {
        int[] itemIds = new int[items.size()];
        boolean[] isOrder = new boolean[items.size()];
        for (int i = 0; i < itemIds.length; i++) {
          itemIds[i] = items.get(i).itemId();
          isOrder[i] = items.get(i).isOrder();
        }
        GenericData.Record record = new GenericData.Record(GROUPED_SCHEMA);
        record.put(0, dt);
        record.put(1, impression.rankingId());
        record.put(2, impression.customerId());
        record.put(3, itemIds);
        record.put(4, isOrder);
        record.put(5, actions);
        record.put(6, actionTypes);
        record.put(7, history.length());
        records.add(record);
      } else {
        for (ImpressedItem item : impression.impressedItems()) {
          GenericData.Record record = new GenericData.Record(EXPLODED_SCHEMA);
          record.put(0, dt);
          record.put(1, impression.rankingId());
          record.put(2, impression.customerId());
          record.put(3, item.position());
          record.put(4, item.itemId());
          record.put(5, item.isOrder());
          record.put(6, actions);
          record.put(7, actionTypes);
          record.put(8, history.length());
          records.add(record);
        }
      }
    }
    return records;
  }

  /** The training rows of a record read back: one, or one per item of a grouped row. */
  public List<TrainingRow> rows(GenericRecord record) {
    int day = Days.of(record.get("dt").toString());
    String rankingId = record.get("ranking_id").toString();
    long customerId = (Long) record.get("customer_id");
    int length = (Integer) record.get("history_length");
    History history =
        new History(
            rightPadded(ints(record.get("actions")), length),
            rightPadded(ints(record.get("action_types")), length),
            length);
    if (layout == OutputLayout.EXPLODED) {
      return List.of(
          new TrainingRow(
              new ImpressedItem(
                  customerId,
                  day,
                  rankingId,
                  (Integer) record.get("position"),
                  (Integer) record.get("item_id"),
                  (Boolean) record.get("is_order")),
              history));
    }
    List<?> itemIds = (List<?>) record.get("items");
    List<?> isOrder = (List<?>) record.get("is_order");
    List<Impression.Item> items = new ArrayList<>(itemIds.size());
    for (int i = 0; i < itemIds.size(); i++) {
      items.add(new Impression.Item((Integer) itemIds.get(i), (Boolean) isOrder.get(i)));
    }
    List<TrainingRow> rows = new ArrayList<>(items.size());
    for (ImpressedItem item : new Impression(day, rankingId, customerId, items).impressedItems()) {
      rows.add(new TrainingRow(item, history));
    }
    return rows;
  }

  /**
   * A list as this padding writes it, from the right-padded one of SPEC §3 whose first {@code
   * length} entries are the history, newest first.
   */
  int[] padded(int[] rightPadded, int length) {
    return switch (padding) {
      case RIGHT -> rightPadded;
      case LEFT -> {
        int[] left = new int[sequenceLength];
        for (int i = 0; i < length; i++) {
          left[sequenceLength - 1 - i] = rightPadded[i];
        }
        yield left;
      }
      case NONE -> Arrays.copyOf(rightPadded, length);
    };
  }

  /** The inverse of {@link #padded}: the right-padded list of length N. */
  int[] rightPadded(int[] list, int length) {
    int expected = padding == Padding.NONE ? length : sequenceLength;
    if (list.length != expected || length > sequenceLength) {
      throw new IllegalArgumentException(
          String.format(
              "a list of %d entries with history_length %d is not %s-padded to N = %d",
              list.length, length, padding, sequenceLength));
    }
    return switch (padding) {
      case RIGHT -> list;
      case LEFT -> {
        int[] right = new int[sequenceLength];
        for (int i = 0; i < length; i++) {
          right[i] = list[sequenceLength - 1 - i];
        }
        yield right;
      }
      case NONE -> Arrays.copyOf(list, sequenceLength);
    };
  }

  /** The history columns, the same in every layout, closing a row's schema. */
  private static Schema withHistory(SchemaBuilder.FieldAssembler<Schema> row) {
    return row.name("actions")
        .type(ints())
        .noDefault()
        .name("action_types")
        .type(ints())
        .noDefault()
        .requiredInt("history_length")
        .endRecord();
  }

  private static Schema ints() {
    return SchemaBuilder.array().items().intType();
  }

  private static int[] ints(Object list) {
    List<?> values = (List<?>) list;
    int[] ints = new int[values.size()];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = (Integer) values.get(i);
    }
    return ints;
  }
}
