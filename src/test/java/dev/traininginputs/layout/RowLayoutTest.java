package dev.traininginputs.layout;

import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.impression;
import static dev.traininginputs.TestData.ints;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.model.History;
import dev.traininginputs.model.HistoryRows;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.options.OutputLayout;
import dev.traininginputs.options.Padding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The layouts and paddings of SPEC §4 on one customer and day, list by list, N = 3. */
class RowLayoutTest {
  private static final int N = 3;

  private static RowLayout layout(OutputLayout rows, Padding padding) {
    return new RowLayout(rows, padding, N);
  }

  private static int[] padded(Padding padding, History history) {
    return layout(OutputLayout.EXPLODED, padding).padded(history.actions(), history.length());
  }

  @Test
  void emptyHistory_isAllZerosOrEmpty() {
    History empty = History.empty(N);
    assertThat(padded(Padding.RIGHT, empty), equalTo(ints(0, 0, 0)));
    assertThat(padded(Padding.LEFT, empty), equalTo(ints(0, 0, 0)));
    assertThat(padded(Padding.NONE, empty), equalTo(ints()));
  }

  @Test
  void partialHistory_rightHasZerosAfterLeftBeforeNoneNone() {
    History one = history(N, ints(41), ints(1));
    assertThat(padded(Padding.RIGHT, one), equalTo(ints(41, 0, 0)));
    assertThat(padded(Padding.LEFT, one), equalTo(ints(0, 0, 41)));
    assertThat(padded(Padding.NONE, one), equalTo(ints(41)));
    History two = history(N, ints(30, 20), ints(3, 2));
    assertThat(padded(Padding.LEFT, two), equalTo(ints(0, 20, 30)));
  }

  @Test
  void fullHistory_leftIsOldestFirstWithTheNewestAtTheLastIndex() {
    History full = history(N, ints(13, 12, 11), ints(1, 2, 1));
    assertThat(padded(Padding.RIGHT, full), equalTo(ints(13, 12, 11)));
    assertThat(padded(Padding.LEFT, full), equalTo(ints(11, 12, 13)));
    assertThat(padded(Padding.NONE, full), equalTo(ints(13, 12, 11)));
  }

  /** Both lists, every field, in the order of the schema. */
  private static List<String> describe(List<GenericRecord> records) {
    List<String> described = new ArrayList<>();
    for (GenericRecord record : records) {
      List<String> fields = new ArrayList<>();
      for (var field : record.getSchema().getFields()) {
        Object value = record.get(field.pos());
        fields.add(
            field.name()
                + "="
                + (value instanceof int[] a
                    ? Arrays.toString(a)
                    : value instanceof boolean[] b ? Arrays.toString(b) : value));
      }
      described.add(String.join(" ", fields));
    }
    return described;
  }

  private static HistoryRows repeatedItemsTwice() {
    // One customer and day: a row with an item shown twice, the same row again, and another.
    return new HistoryRows(
        history(N, ints(41), ints(2)),
        List.of(
            impression(7, "2025-03-10", "r1", 501, 501, 502),
            impression(7, "2025-03-10", "r1", 501, 501, 502),
            impression(7, "2025-03-10", "r2", 601)));
  }

  @Test
  void grouped_writesOneRecordPerImpressionRowWithItsItemsInArrayOrder() {
    assertThat(
        describe(layout(OutputLayout.GROUPED, Padding.LEFT).records(repeatedItemsTwice())),
        contains(
            "dt=2025-03-10 ranking_id=r1 customer_id=7 items=[501, 501, 502]"
                + " is_order=[false, true, false] actions=[0, 0, 41] action_types=[0, 0, 2]"
                + " history_length=1",
            "dt=2025-03-10 ranking_id=r1 customer_id=7 items=[501, 501, 502]"
                + " is_order=[false, true, false] actions=[0, 0, 41] action_types=[0, 0, 2]"
                + " history_length=1",
            "dt=2025-03-10 ranking_id=r2 customer_id=7 items=[601] is_order=[false]"
                + " actions=[0, 0, 41] action_types=[0, 0, 2] history_length=1"));
  }

  @Test
  void exploded_writesOneRecordPerImpressedItem() {
    assertThat(
        describe(layout(OutputLayout.EXPLODED, Padding.NONE).records(repeatedItemsTwice())),
        contains(
            "dt=2025-03-10 ranking_id=r1 customer_id=7 position=0 item_id=501 is_order=false"
                + " actions=[41] action_types=[2] history_length=1",
            "dt=2025-03-10 ranking_id=r1 customer_id=7 position=1 item_id=501 is_order=true"
                + " actions=[41] action_types=[2] history_length=1",
            "dt=2025-03-10 ranking_id=r1 customer_id=7 position=2 item_id=502 is_order=false"
                + " actions=[41] action_types=[2] history_length=1",
            "dt=2025-03-10 ranking_id=r1 customer_id=7 position=0 item_id=501 is_order=false"
                + " actions=[41] action_types=[2] history_length=1",
            "dt=2025-03-10 ranking_id=r1 customer_id=7 position=1 item_id=501 is_order=true"
                + " actions=[41] action_types=[2] history_length=1",
            "dt=2025-03-10 ranking_id=r1 customer_id=7 position=2 item_id=502 is_order=false"
                + " actions=[41] action_types=[2] history_length=1",
            "dt=2025-03-10 ranking_id=r2 customer_id=7 position=0 item_id=601 is_order=false"
                + " actions=[41] action_types=[2] history_length=1"));
  }

  /** What the Parquet reader hands back: lists of boxed values rather than arrays. */
  private static GenericRecord asRead(GenericRecord written) {
    GenericData.Record read = new GenericData.Record(written.getSchema());
    for (var field : written.getSchema().getFields()) {
      Object value = written.get(field.pos());
      if (value instanceof int[] a) {
        value = Arrays.stream(a).boxed().toList();
      } else if (value instanceof boolean[] b) {
        List<Boolean> list = new ArrayList<>();
        for (boolean x : b) {
          list.add(x);
        }
        value = list;
      }
      read.put(field.pos(), value);
    }
    return read;
  }

  @ParameterizedTest
  @EnumSource(Padding.class)
  void everyLayoutReadsBackAsTheRightPaddedTrainingRows(Padding padding) {
    for (History history :
        List.of(
            History.empty(N),
            history(N, ints(41), ints(2)),
            history(N, ints(9, 8, 7), ints(3, 2, 1)))) {
      HistoryRows customerDay = new HistoryRows(history, repeatedItemsTwice().impressions());
      for (OutputLayout rows : OutputLayout.values()) {
        RowLayout layout = layout(rows, padding);
        List<TrainingRow> readBack = new ArrayList<>();
        layout.records(customerDay).forEach(r -> readBack.addAll(layout.rows(asRead(r))));
        assertThat(rows + " " + padding, readBack, equalTo(customerDay.rows()));
      }
    }
  }

  @Test
  void aListOfTheWrongLengthIsRefusedOnReading() {
    GenericRecord record =
        asRead(layout(OutputLayout.EXPLODED, Padding.RIGHT).records(repeatedItemsTwice()).get(0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RowLayout(OutputLayout.EXPLODED, Padding.LEFT, 5).rows(record));
    assertThat(
        e.getMessage(),
        containsString("a list of 3 entries with history_length 1 is not left-padded to N = 5"));
  }

  @Test
  void filesSayTheirLayoutInTheirMetadata() {
    assertThat(
        new RowLayout(OutputLayout.GROUPED, Padding.NONE, 1000).fileMetadata(),
        equalTo(
            Map.of(
                "training_inputs.layout", "grouped",
                "training_inputs.padding", "none",
                "training_inputs.sequence_length", "1000")));
  }
}
