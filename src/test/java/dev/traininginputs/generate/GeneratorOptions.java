package dev.traininginputs.generate;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@link GenerateData}; see {@code scripts/generate-data --help}. */
public interface GeneratorOptions extends PipelineOptions {

  @Description("Folder to write the four CSV files to.")
  @Default.String("data/generated")
  String getOutputDir();

  void setOutputDir(String value);

  @Description(
      "none: four flat CSV files; csv or jsonl: each dataset a Hive-partitioned table in that"
          + " format, OUTPUT_DIR/clicks/dt=YYYY-MM-DD/part-00000.csv, without the day column.")
  @Default.String("none")
  String getTables();

  void setTables(String value);

  @Description("Appended to each file name: impressions<suffix>.csv, ...")
  @Default.String("")
  String getSuffix();

  void setSuffix(String value);

  @Description("Seed; the same seed and sizes give byte-identical files.")
  @Default.Long(1)
  long getSeed();

  void setSeed(long value);

  @Description("Impression rows (each with 0 to 10 items).")
  @Default.Integer(1000)
  int getImpressionRows();

  void setImpressionRows(int value);

  @Description(
      "Distinct customers; activity is Zipf-skewed over them. 0: half the impression rows.")
  @Default.Integer(0)
  int getCustomers();

  void setCustomers(int value);

  @Description("Impression days, ending on --lastDay.")
  @Default.Integer(14)
  int getImpressionDays();

  void setImpressionDays(int value);

  @Description("The last impression day, YYYY-MM-DD.")
  @Default.String("2025-03-14")
  String getLastDay();

  void setLastDay(String value);

  @Description("Days of actions before the first impression day (longer than the look-back).")
  @Default.Integer(400)
  int getHistoryDays();

  void setHistoryDays(int value);

  @Description("Click rows. -1: 20 per impression row.")
  @Default.Integer(-1)
  int getClicks();

  void setClicks(int value);

  @Description("Add-to-cart rows. -1: 4 per impression row.")
  @Default.Integer(-1)
  int getAddToCarts();

  void setAddToCarts(int value);

  @Description("Previous order rows. -1: 1 per impression row.")
  @Default.Integer(-1)
  int getPreviousOrders();

  void setPreviousOrders(int value);

  @Description("Distinct items; popularity is Zipf-skewed.")
  @Default.Integer(50_000)
  int getItems();

  void setItems(int value);

  @Description("Hot customers (bots), each with --hotActions clicks on top of the rest.")
  @Default.Integer(0)
  int getHotCustomers();

  void setHotCustomers(int value);

  @Description("Clicks of each hot customer.")
  @Default.Integer(1_000_000)
  int getHotActions();

  void setHotActions(int value);

  @Description("Share (0 to 1) of extra malformed rows, of every kind, in every file.")
  @Default.Double(0.0)
  double getMalformedShare();

  void setMalformedShare(double value);
}
