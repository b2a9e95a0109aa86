package dev.traininginputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.traininginputs.layout.RowLayout;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.History;
import dev.traininginputs.model.ImpressedItem;
import dev.traininginputs.model.TrainingRow;
import dev.traininginputs.options.OutputLayout;
import dev.traininginputs.options.Padding;
import dev.traininginputs.output.ReadTrainingRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real pipeline in every layout and padding of SPEC §4, N = 3, on one set of inputs: the nasty
 * histories (empty, exactly N, N + 1, partial) and impression rows with a repeated item, shown
 * twice, and with an empty array. Every list is pinned; the metrics and the training rows read back
 * must not depend on the layout.
 */
@Tag("pipeline")
class LayoutsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path inputs;
  @TempDir static Path outputs;

  /** The lists and history_length of each customer's history, as each padding writes them. */
  private static final Map<Padding, Map<Long, String>> HISTORIES =
      Map.of(
          Padding.RIGHT,
          Map.of(
              1L, "actions=[13, 12, 11] action_types=[1, 2, 1] history_length=3",
              2L, "actions=[24, 23, 22] action_types=[1, 1, 1] history_length=3",
              3L, "actions=[0, 0, 0] action_types=[0, 0, 0] history_length=0",
              4L, "actions=[41, 0, 0] action_types=[1, 0, 0] history_length=1"),
          Padding.LEFT,
          Map.of(
              1L, "actions=[11, 12, 13] action_types=[1, 2, 1] history_length=3",
              2L, "actions=[22, 23, 24] action_types=[1, 1, 1] history_length=3",
              3L, "actions=[0, 0, 0] action_types=[0, 0, 0] history_length=0",
              4L, "actions=[0, 0, 41] action_types=[0, 0, 1] history_length=1"),
          Padding.NONE,
          Map.of(
              1L, "actions=[13, 12, 11] action_types=[1, 2, 1] history_length=3",
              2L, "actions=[24, 23, 22] action_types=[1, 1, 1] history_length=3",
              3L, "actions=[] action_types=[] history_length=0",
              4L, "actions=[41] action_types=[1] history_length=1"));

  /** The impression rows that have items: day, ranking, customer, items, labels. */
  private static final List<String> GROUPED_ROWS =
      List.of(
          "dt=2025-03-10 ranking_id=r1 customer_id=1 items=[501, 501, 502]"
              + " is_order=[false, true, false]",
          "dt=2025-03-10 ranking_id=r1 customer_id=1 items=[501, 501, 502]"
              + " is_order=[false, true, false]",
          "dt=2025-03-11 ranking_id=r6 customer_id=1 items=[901] is_order=[false]",
          "dt=2025-03-10 ranking_id=r2 customer_id=2 items=[601] is_order=[false]",
          "dt=2025-03-10 ranking_id=r4 customer_id=3 items=[701] is_order=[false]",
          "dt=2025-03-10 ranking_id=r5 customer_id=4 items=[801, 802] is_order=[false, true]");

  private static final List<String> EXPLODED_ROWS =
      List.of(
          "dt=2025-03-10 ranking_id=r1 customer_id=1 position=0 item_id=501 is_order=false",
          "dt=2025-03-10 ranking_id=r1 customer_id=1 position=1 item_id=501 is_order=true",
          "dt=2025-03-10 ranking_id=r1 customer_id=1 position=2 item_id=502 is_order=false",
          "dt=2025-03-10 ranking_id=r1 customer_id=1 position=0 item_id=501 is_order=false",
          "dt=2025-03-10 ranking_id=r1 customer_id=1 position=1 item_id=501 is_order=true",
          "dt=2025-03-10 ranking_id=r1 customer_id=1 position=2 item_id=502 is_order=false",
          "dt=2025-03-11 ranking_id=r6 customer_id=1 position=0 item_id=901 is_order=false",
          "dt=2025-03-10 ranking_id=r2 customer_id=2 position=0 item_id=601 is_order=false",
          "dt=2025-03-10 ranking_id=r4 customer_id=3 position=0 item_id=701 is_order=false",
          "dt=2025-03-10 ranking_id=r5 customer_id=4 position=0 item_id=801 is_order=false",
          "dt=2025-03-10 ranking_id=r5 customer_id=4 position=1 item_id=802 is_order=true");

  private static final Map<OutputLayout, Map<Padding, Path>> RUNS =
      new EnumMap<>(OutputLayout.class);

  @BeforeAll
  static void runEveryLayout() throws Exception {
    for (OutputLayout layout : OutputLayout.values()) {
      RUNS.put(layout, new EnumMap<>(Padding.class));
      for (Padding padding : Padding.values()) {
        Path output = outputs.resolve(layout + "-" + padding);
        PipelineRun run = writeInputs(new PipelineRun(inputs, output));
        run.options().setSequenceLength(3);
        run.options().setLookbackDays(30);
        run.options().setLayout(layout.toString());
        run.options().setPadding(padding.toString());
        run.run();
        RUNS.get(layout).put(padding, output);
      }
    }
  }

  private static PipelineRun writeInputs(PipelineRun run) {
    return run.write(
            "impressions.csv",
            "customer_id,dt,ranking_id,impressions",
            "1,2025-03-10,r1," + items(501, false, 501, true, 502, false),
            "1,2025-03-10,r1," + items(501, false, 501, true, 502, false),
            "1,2025-03-11,r6," + items(901, false),
            "2,2025-03-10,r2," + items(601, false),
            "3,2025-03-10,r3,[]",
            "3,2025-03-10,r4," + items(701, false),
            "4,2025-03-10,r5," + items(801, false, 802, true))
        .write(
            "clicks.csv",
            "dt,customer_id,item_id,click_time",
            // Customer 1: exactly N actions.
            "2025-03-09,1,11,2025-03-09 10:00:00",
            "2025-03-09,1,13,2025-03-09 12:00:00",
            // Customer 2: N + 1 with the order below; the order is the oldest and drops out.
            "2025-03-09,2,22,2025-03-09 09:00:00",
            "2025-03-09,2,23,2025-03-09 10:00:00",
            "2025-03-09,2,24,2025-03-09 11:00:00",
            // Customer 4: one action.
            "2025-03-09,4,41,2025-03-09 10:00:00")
        .write(
            "add_to_carts.csv",
            "dt,customer_id,config_id,occurred_at",
            "2025-03-09,1,12,2025-03-09 11:00:00")
        .write("previous_orders.csv", "order_date,customer_id,config_id", "2025-03-08,2,21");
  }

  /** An impressions cell: pairs of item id and label, as CSV-quoted JSON. */
  private static String items(Object... pairs) {
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      elements.add("{\"\"item_id\"\": " + pairs[i] + ", \"\"is_order\"\": " + pairs[i + 1] + "}");
    }
    return "\"[" + String.join(", ", elements) + "]\"";
  }

  @ParameterizedTest
  @EnumSource(Padding.class)
  void grouped_oneRowPerImpressionRowWithItemsEveryListPinned(Padding padding) {
    List<String> expected = new ArrayList<>();
    for (String row : GROUPED_ROWS) {
      expected.add(row + " " + HISTORIES.get(padding).get(customer(row)));
    }
    assertThat(
        ParquetRows.described(RUNS.get(OutputLayout.GROUPED).get(padding)),
        containsInAnyOrder(expected.toArray()));
  }

  @ParameterizedTest
  @EnumSource(Padding.class)
  void exploded_oneRowPerImpressedItemEveryListPinned(Padding padding) {
    List<String> expected = new ArrayList<>();
    for (String row : EXPLODED_ROWS) {
      expected.add(row + " " + HISTORIES.get(padding).get(customer(row)));
    }
    assertThat(
        ParquetRows.described(RUNS.get(OutputLayout.EXPLODED).get(padding)),
        containsInAnyOrder(expected.toArray()));
  }

  private static long customer(String row) {
    return Long.parseLong(row.replaceAll(".*customer_id=(\\d+).*", "$1"));
  }

  @Test
  void metrics_areTheSameInEveryLayoutAndPadding() throws Exception {
    JsonNode reference = metrics(RUNS.get(OutputLayout.EXPLODED).get(Padding.RIGHT));
    assertThat(reference.get("rows").asLong(), equalTo(11L));
    assertThat(reference.get("days").get("2025-03-10").get("rows").asLong(), equalTo(10L));
    for (OutputLayout layout : OutputLayout.values()) {
      for (Padding padding : Padding.values()) {
        assertThat(
            layout + " " + padding, metrics(RUNS.get(layout).get(padding)), equalTo(reference));
      }
    }
  }

  private static JsonNode metrics(Path output) throws Exception {
    return JSON.readTree(output.resolve("_metrics.json").toFile());
  }

  @Test
  void readTrainingRows_givesTheSameTrainingRowsFromEveryLayoutAndPadding() {
    List<TrainingRow> reference =
        ParquetRows.read(RUNS.get(OutputLayout.EXPLODED).get(Padding.RIGHT));
    assertThat(reference, hasSize(11));
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    for (OutputLayout layout : OutputLayout.values()) {
      for (Padding padding : Padding.values()) {
        PAssert.that(
                p.apply(
                    "Read " + layout + " " + padding,
                    ReadTrainingRows.from(
                        RUNS.get(layout).get(padding) + "/dt=*/*.parquet",
                        new RowLayout(layout, padding, 3))))
            .containsInAnyOrder(reference);
      }
    }
    p.run().waitUntilFinish();
  }

  @Test
  void grouped_physicalSchemaIsThreeLevelListsAndSaysItsLayout() throws Exception {
    Path file = ParquetRows.files(RUNS.get(OutputLayout.GROUPED).get(Padding.LEFT)).get(0);
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      var metadata = reader.getFooter().getFileMetaData();
      assertThat(
          metadata.getSchema().toString(),
          equalTo(
              String.join(
                  "\n",
                  "message dev.traininginputs.ImpressionRow {",
                  "  required binary dt (STRING);",
                  "  required binary ranking_id (STRING);",
                  "  required int64 customer_id;",
                  "  required group items (LIST) {",
                  "    repeated group list {",
                  "      required int32 element;",
                  "    }",
                  "  }",
                  "  required group is_order (LIST) {",
                  "    repeated group list {",
                  "      required boolean element;",
                  "    }",
                  "  }",
                  "  required group actions (LIST) {",
                  "    repeated group list {",
                  "      required int32 element;",
                  "    }",
                  "  }",
                  "  required group action_types (LIST) {",
                  "    repeated group list {",
                  "      required int32 element;",
                  "    }",
                  "  }",
                  "  required int32 history_length;",
                  "}",
                  "")));
      assertThat(metadata.getKeyValueMetaData().get("training_inputs.layout"), equalTo("grouped"));
      assertThat(metadata.getKeyValueMetaData().get("training_inputs.padding"), equalTo("left"));
      assertThat(
          metadata.getKeyValueMetaData().get("training_inputs.sequence_length"), equalTo("3"));
    }
  }

  @ParameterizedTest
  @EnumSource(Padding.class)
  void duckDbQueryOfTheDocs_turnsGroupedRowsIntoExactlyTheExplodedOnes(Padding padding)
      throws Exception {
    String query =
        Files.readString(Path.of("docs/grouped-to-exploded.sql"))
            .replace(
                "'output/dt=*/*.parquet'",
                "'" + RUNS.get(OutputLayout.GROUPED).get(padding) + "/dt=*/*.parquet'");
    List<TrainingRow> exploded = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        exploded.add(
            new TrainingRow(
                new ImpressedItem(
                    rows.getLong("customer_id"),
                    Days.of(rows.getString("dt")),
                    rows.getString("ranking_id"),
                    rows.getInt("position"),
                    rows.getInt("item_id"),
                    rows.getBoolean("is_order")),
                new History(
                    ints(rows.getArray("actions")),
                    ints(rows.getArray("action_types")),
                    rows.getInt("history_length"))));
      }
    }
    // Compared list for list as written: the same padding on both sides.
    List<TrainingRow> expected = new ArrayList<>();
    for (Path file : ParquetRows.files(RUNS.get(OutputLayout.EXPLODED).get(padding))) {
      for (GenericRecord record : ParquetRows.records(file)) {
        expected.add(ParquetRows.toRow(record));
      }
    }
    assertThat(expected, hasSize(11));
    assertThat(exploded, containsInAnyOrder(expected.toArray()));
  }

  private static int[] ints(Array array) throws Exception {
    Object[] values = (Object[]) array.getArray();
    int[] ints = new int[values.length];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = ((Number) values[i]).intValue();
    }
    return ints;
  }
}
