package dev.traininginputs.model;

import java.util.List;
import java.util.Optional;

/**
 * The four input datasets, with the name used in rejected records, counters and metrics, the option
 * that names their files, and the one table of their columns (SPEC §1, §2): each column's name and
 * the kind of value it holds, which the parsers ({@code parse/}) and the Parquet mapping ({@code
 * input.ParquetColumns}) both read.
 */
public enum Source {
  IMPRESSIONS(
      "impressions",
      "impressions",
      new Column("dt", Kind.DAY),
      new Column("ranking_id", Kind.RANKING_ID),
      new Column("customer_id", Kind.CUSTOMER_ID),
      new Column("impressions", Kind.ITEMS)),
  CLICKS(
      "clicks",
      "clicks",
      new Column("dt", Kind.DAY),
      new Column("customer_id", Kind.CUSTOMER_ID),
      new Column("item_id", Kind.ITEM_ID),
      new Column("click_time", Kind.TIME)),
  ADD_TO_CARTS(
      "add_to_carts",
      "addToCarts",
      new Column("dt", Kind.DAY),
      new Column("customer_id", Kind.CUSTOMER_ID),
      new Column("config_id", Kind.ITEM_ID),
      new Column("occurred_at", Kind.TIME)),
  /** Orders have no time of their own: they sort at 00:00:00 UTC of their {@code order_date}. */
  PREVIOUS_ORDERS(
      "previous_orders",
      "previousOrders",
      new Column("order_date", Kind.DAY),
      new Column("customer_id", Kind.CUSTOMER_ID),
      new Column("config_id", Kind.ITEM_ID));

  /** What a column's values are; the value rules of each kind are {@code parse.Values}'. */
  public enum Kind {
    /** The row's day, {@code YYYY-MM-DD}: an impression day or an action's eligibility day. */
    DAY,
    /** An action's date-time, which orders the actions of a history. */
    TIME,
    /** A 64-bit customer id. */
    CUSTOMER_ID,
    /** An item id: a 32-bit integer of at least 1; the item of an action. */
    ITEM_ID,
    /** A non-empty ranking id. */
    RANKING_ID,
    /** The impressed items: a list of {@code item_id} and {@code is_order}, or its JSON text. */
    ITEMS
  }

  /** A column of a source: its name in every format and the kind of its values. */
  public record Column(String name, Kind kind) {}

  private final String id;
  private final String option;
  private final List<Column> columns;

  Source(String id, String option, Column... columns) {
    this.id = id;
    this.option = option;
    this.columns = List.of(columns);
  }

  /** The command-line option of its files, without dashes: {@code addToCarts}. */
  public String option() {
    return option;
  }

  /** The source in a step name: {@code AddToCarts}. */
  public String stepName() {
    return Character.toUpperCase(option.charAt(0)) + option.substring(1);
  }

  /** The name in SPEC terms: {@code impressions}, {@code clicks}, {@code add_to_carts}, ... */
  public String id() {
    return id;
  }

  /** Its columns, every one required (the day column may come from the path instead). */
  public List<Column> columns() {
    return columns;
  }

  /** The column of a kind, if the source has one (orders have no {@link Kind#TIME}). */
  public Optional<String> column(Kind kind) {
    return columns.stream().filter(c -> c.kind() == kind).map(Column::name).findFirst();
  }

  public List<String> requiredColumns() {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * The required columns of a file whose path does or does not name its partition day: with a
   * {@code dt=} (or {@code order_date=}) folder the day column is optional (SPEC §1).
   */
  public List<String> requiredColumns(boolean dayInPath) {
    return dayInPath
        ? requiredColumns().stream().filter(c -> !c.equals(dayColumn())).toList()
        : requiredColumns();
  }

  /** The column, and the partition folder's key, that give a row's day. */
  public String dayColumn() {
    return column(Kind.DAY).orElseThrow();
  }

  @Override
  public String toString() {
    return id;
  }
}
