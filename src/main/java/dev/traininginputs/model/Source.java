package dev.traininginputs.model;

import java.util.List;

/**
 * The four input datasets, with the name used in rejected records, counters and metrics, and the
 * option that names their files.
 */
public enum Source {
  IMPRESSIONS(
      "impressions", "impressions", List.of("dt", "ranking_id", "customer_id", "impressions")),
  CLICKS("clicks", "clicks", List.of("dt", "customer_id", "item_id", "click_time")),
  ADD_TO_CARTS(
      "add_to_carts", "addToCarts", List.of("dt", "customer_id", "config_id", "occurred_at")),
  PREVIOUS_ORDERS(
      "previous_orders", "previousOrders", List.of("order_date", "customer_id", "config_id"));

  private final String id;
  private final String option;
  private final List<String> requiredColumns;

  Source(String id, String option, List<String> requiredColumns) {
    this.id = id;
    this.option = option;
    this.requiredColumns = requiredColumns;
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

  public List<String> requiredColumns() {
    return requiredColumns;
  }

  /**
   * The required columns of a file whose path does or does not name its partition day: with a
   * {@code dt=} (or {@code order_date=}) folder the day column is optional (SPEC §1).
   */
  public List<String> requiredColumns(boolean dayInPath) {
    return dayInPath
        ? requiredColumns.stream().filter(c -> !c.equals(dayColumn())).toList()
        : requiredColumns;
  }

  /** The column, and the partition folder's key, that give a row's day. */
  public String dayColumn() {
    return this == PREVIOUS_ORDERS ? "order_date" : "dt";
  }

  @Override
  public String toString() {
    return id;
  }
}
