package dev.traininginputs.model;

import java.util.List;

/** The four input datasets, with the name used in rejected records, counters and metrics. */
public enum Source {
  IMPRESSIONS("impressions", List.of("dt", "ranking_id", "customer_id", "impressions")),
  CLICKS("clicks", List.of("dt", "customer_id", "item_id", "click_time")),
  ADD_TO_CARTS("add_to_carts", List.of("dt", "customer_id", "config_id", "occurred_at")),
  PREVIOUS_ORDERS("previous_orders", List.of("order_date", "customer_id", "config_id"));

  private final String id;
  private final List<String> requiredColumns;

  Source(String id, List<String> requiredColumns) {
    this.id = id;
    this.requiredColumns = requiredColumns;
  }

  /** The name in SPEC terms: {@code impressions}, {@code clicks}, {@code add_to_carts}, ... */
  public String id() {
    return id;
  }

  public List<String> requiredColumns() {
    return requiredColumns;
  }

  @Override
  public String toString() {
    return id;
  }
}
