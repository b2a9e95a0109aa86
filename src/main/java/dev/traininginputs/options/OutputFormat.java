package dev.traininginputs.options;

/** What the rows are published as (SPEC §7 "Iceberg tables"). */
public enum OutputFormat {
  /** Hive-style {@code dt=YYYY-MM-DD/} folders of Parquet files: the default. */
  PARQUET,
  /** An Apache Iceberg table partitioned by {@code dt}, one snapshot per run. */
  ICEBERG;

  public static OutputFormat parse(String text) {
    return Choices.parse(OutputFormat.class, "outputFormat", "an output format", text);
  }

  @Override
  public String toString() {
    return Choices.name(this);
  }
}
