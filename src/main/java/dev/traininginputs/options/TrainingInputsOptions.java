package dev.traininginputs.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The options of a run (SPEC §6). Input defaults point at the sample data in {@code data/} of the
 * project folder (the system property {@value #HOME_PROPERTY}, set by {@code scripts/run}; the
 * working directory otherwise). Checked by {@link RunConfig#from}.
 */
public interface TrainingInputsOptions extends PipelineOptions {
  String HOME_PROPERTY = "training.inputs.home";

  @Description(
      "Impressions, CSV, JSON Lines or Parquet: a file, a glob, or a folder read at any depth"
          + " (a Hive-partitioned table: ROOT/dt=YYYY-MM-DD/...).")
  @Default.InstanceFactory(SampleData.Impressions.class)
  String getImpressions();

  void setImpressions(String value);

  @Description(
      "Clicks, CSV, JSON Lines or Parquet: a file, a glob, or a folder read at any depth"
          + " (a Hive-partitioned table: ROOT/dt=YYYY-MM-DD/...).")
  @Default.InstanceFactory(SampleData.Clicks.class)
  String getClicks();

  void setClicks(String value);

  @Description(
      "Add-to-carts, CSV, JSON Lines or Parquet: a file, a glob, or a folder read at any depth"
          + " (a Hive-partitioned table: ROOT/dt=YYYY-MM-DD/...).")
  @Default.InstanceFactory(SampleData.AddToCarts.class)
  String getAddToCarts();

  void setAddToCarts(String value);

  @Description(
      "Previous orders, CSV, JSON Lines or Parquet: a file, a glob, or a folder read at any depth"
          + " (a Hive-partitioned table: ROOT/dt=YYYY-MM-DD/...).")
  @Default.InstanceFactory(SampleData.PreviousOrders.class)
  String getPreviousOrders();

  void setPreviousOrders(String value);

  @Description("Output folder; rows go to OUTPUT/dt=YYYY-MM-DD/*.parquet.")
  @Default.InstanceFactory(SampleData.Output.class)
  String getOutput();

  void setOutput(String value);

  @Description(
      "parquet (dt=YYYY-MM-DD folders of Parquet files) or iceberg (an Apache Iceberg table"
          + " partitioned by dt: the table at --output, or --outputTable in --icebergCatalog).")
  @Default.String("parquet")
  String getOutputFormat();

  void setOutputFormat(String value);

  @Description(
      "With --outputFormat=iceberg: the table NAMESPACE.NAME in the catalog --icebergCatalog"
          + " describes, instead of a path-based table at --output.")
  String getOutputTable();

  void setOutputTable(String value);

  @Description(
      "With --outputTable: Iceberg's catalog properties, KEY=VALUE,... (type=rest,uri=... or"
          + " type=jdbc,uri=jdbc:...,warehouse=...), and name=..., the catalog's name (default"
          + " training_inputs).")
  String getIcebergCatalog();

  void setIcebergCatalog(String value);

  @Description("Folder for rejected input rows (JSON Lines). Default: OUTPUT/_rejected.")
  String getRejectedOutput();

  void setRejectedOutput(String value);

  @Description("Metrics file (JSON, SPEC §5). Default: OUTPUT/_metrics.json.")
  String getMetricsJson();

  void setMetricsJson(String value);

  @Description("HTML report with charts. Default: OUTPUT/_report.html; an empty value writes none.")
  String getReport();

  void setReport(String value);

  @Description("K: the number of leading positions analysed in action_type_frequency_by_position.")
  @Default.Integer(5)
  int getAnalysisPositions();

  void setAnalysisPositions(int value);

  @Description("N: the length of the actions and action_types arrays.")
  @Default.Integer(1000)
  int getSequenceLength();

  void setSequenceLength(int value);

  @Description("L: the look-back in days; actions of days D-L to D-1 are eligible.")
  @Default.Integer(365)
  int getLookbackDays();

  void setLookbackDays(int value);

  @Description("overwrite (replace the days written), errorifexists, or append.")
  @Default.String("overwrite")
  String getWriteMode();

  void setWriteMode(String value);

  @Description(
      "The impression day to build, YYYY-MM-DD (a daily run: --date={{ ds }}). Default: every"
          + " impression day in the input.")
  String getDate();

  void setDate(String value);

  @Description("With --endDate: the first impression day to build, YYYY-MM-DD (a backfill).")
  String getStartDate();

  void setStartDate(String value);

  @Description("With --startDate: the last impression day to build, inclusive.")
  String getEndDate();

  void setEndDate(String value);

  @Description(
      "exploded (one row per impressed item) or grouped (one row per impression row, with its"
          + " items and is_order as lists).")
  @Default.String("exploded")
  String getLayout();

  void setLayout(String value);

  @Description(
      "right (newest first, zeros after), left (oldest first, zeros before: the newest action at"
          + " index N-1) or none (newest first, lists of history_length).")
  @Default.String("right")
  String getPadding();

  void setPadding(String value);

  @Description(
      "Training rows per Parquet file: a day is written to as many files (and tasks) as its rows"
          + " need at this many a file; a customer's rows of a day share one file.")
  @Default.Integer(RunConfig.DEFAULT_ROWS_PER_FILE)
  int getRowsPerFile();

  void setRowsPerFile(int value);

  /** Defaults that point into the project folder. */
  final class SampleData {
    private SampleData() {}

    static String inHome(String relative) {
      String home = System.getProperty(HOME_PROPERTY, "");
      return home.isEmpty() ? relative : home + "/" + relative;
    }

    /** Default for {@code --impressions}. */
    public static final class Impressions implements DefaultValueFactory<String> {
      @Override
      public String create(PipelineOptions options) {
        return inHome("data/impressions.csv");
      }
    }

    /** Default for {@code --clicks}. */
    public static final class Clicks implements DefaultValueFactory<String> {
      @Override
      public String create(PipelineOptions options) {
        return inHome("data/clicks.csv");
      }
    }

    /** Default for {@code --addToCarts}. */
    public static final class AddToCarts implements DefaultValueFactory<String> {
      @Override
      public String create(PipelineOptions options) {
        return inHome("data/add_to_carts.csv");
      }
    }

    /** Default for {@code --previousOrders}. */
    public static final class PreviousOrders implements DefaultValueFactory<String> {
      @Override
      public String create(PipelineOptions options) {
        return inHome("data/previous_orders.csv");
      }
    }

    /** Default for {@code --output}. */
    public static final class Output implements DefaultValueFactory<String> {
      @Override
      public String create(PipelineOptions options) {
        return inHome("output/training-inputs");
      }
    }
  }
}
