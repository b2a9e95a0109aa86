package dev.traininginputs.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's second peer: the same job in DuckDB SQL (through DuckDB's JDBC driver, in
 * process), over the same CSV files, written as a DuckDB user would write it. Not part of the
 * product.
 *
 * <pre>
 * DuckDbPeer run    DATA_DIR SUFFIX OUTPUT N L   # writes Parquet partitioned by dt
 * DuckDbPeer verify DATA_DIR SUFFIX OURS N L     # OUTPUT=DATA_DIR/../duckdb-peer-*: row for row
 * </pre>
 *
 * {@code verify} compares the peer's written rows with ours as multisets (EXCEPT ALL both ways),
 * every column and every array element. It assumes well-formed input (the benchmark generates none
 * that is malformed).
 */
public final class DuckDbPeer {
  private DuckDbPeer() {}

  public static void main(String[] args) throws SQLException {
    String mode = args[0];
    String data = args[1];
    String suffix = args[2];
    String output = args[3];
    int n = Integer.parseInt(args[4]);
    int l = Integer.parseInt(args[5]);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      sql.execute("SET TimeZone = 'UTC'");
      if (mode.equals("run")) {
        sql.execute(
            "COPY ("
                + trainingRows(data, suffix, n, l)
                + ") TO '"
                + output
                + "' (FORMAT PARQUET, PARTITION_BY (dt), OVERWRITE_OR_IGNORE true)");
      } else {
        verify(sql, args[6], output);
      }
    }
  }

  /** Compares the peer's output ({@code peerOutput}) with ours, row for row. */
  private static void verify(Statement sql, String peerOutput, String ours) throws SQLException {
    sql.execute(
        "CREATE VIEW peer AS SELECT CAST(dt AS VARCHAR) AS dt, ranking_id, customer_id, position,"
            + " item_id, is_order, actions, action_types, history_length FROM read_parquet('"
            + peerOutput
            + "/*/*.parquet', hive_partitioning = true, hive_types_autocast = false)");
    sql.execute(
        "CREATE VIEW ours AS SELECT dt, ranking_id, customer_id, position, item_id, is_order,"
            + " actions, action_types, history_length FROM read_parquet('"
            + ours
            + "/dt=*/*.parquet', hive_partitioning = false)");
    long peerRows = count(sql, "SELECT count(*) FROM peer");
    long ourRows = count(sql, "SELECT count(*) FROM ours");
    long onlyPeer = count(sql, "SELECT count(*) FROM (FROM peer EXCEPT ALL FROM ours)");
    long onlyOurs = count(sql, "SELECT count(*) FROM (FROM ours EXCEPT ALL FROM peer)");
    boolean same = peerRows == ourRows && onlyPeer == 0 && onlyOurs == 0;
    System.out.printf(
        "duckdb peer rows %d; ours rows %d; only in peer %d, only in ours %d; same rows: %s%n",
        peerRows, ourRows, onlyPeer, onlyOurs, same ? "yes" : "NO");
    if (!same) {
      System.exit(2);
    }
  }

  /** The single number a query gives; also used by {@link LayoutCheck}. */
  static long count(Statement sql, String query) throws SQLException {
    try (ResultSet result = sql.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static String csv(String data, String name, String suffix) {
    return "read_csv('"
        + data
        + "/"
        + name
        + suffix
        + ".csv', header = true, all_varchar = true, quote = '\"', escape = '\"')";
  }

  private static String day(String column) {
    return "CAST(regexp_replace(" + column + ", '^dt=', '') AS DATE)";
  }

  static String trainingRows(String data, String suffix, int n, int l) {
    return String.format(
        """
        WITH impressions AS (
          SELECT %1$s AS day, ranking_id, CAST(customer_id AS BIGINT) AS customer_id,
                 from_json(impressions, '[{"item_id":"INTEGER","is_order":"BOOLEAN"}]') AS items
          FROM %2$s),
        actions AS (
          SELECT CAST(customer_id AS BIGINT) AS customer_id, %1$s AS day,
                 CAST(click_time AS TIMESTAMPTZ) AS ts, 1 AS type, CAST(item_id AS INTEGER) AS item
          FROM %3$s
          UNION ALL
          SELECT CAST(customer_id AS BIGINT), %1$s, CAST(occurred_at AS TIMESTAMPTZ), 2,
                 CAST(config_id AS INTEGER)
          FROM %4$s
          UNION ALL
          SELECT CAST(customer_id AS BIGINT), %5$s, CAST(%5$s AS TIMESTAMPTZ), 3,
                 CAST(config_id AS INTEGER)
          FROM %6$s),
        days AS (SELECT DISTINCT customer_id, day FROM impressions),
        -- Each customer's actions sorted once, newest first (time, then type, then item), then
        -- for every impression day the first N of those in its look-back window.
        sorted AS (
          SELECT customer_id,
                 list({'day': day, 'item': item, 'type': type} ORDER BY ts DESC, type DESC, item DESC)
                   AS all_actions
          FROM actions
          WHERE customer_id IN (SELECT customer_id FROM days)
          GROUP BY customer_id),
        histories AS (
          SELECT d.customer_id, d.day,
                 [a FOR a IN s.all_actions IF a.day BETWEEN d.day - %7$d AND d.day - 1][1:%8$d]
                   AS top
          FROM days d JOIN sorted s ON s.customer_id = d.customer_id),
        exploded AS (
          SELECT day, ranking_id, customer_id, unnest(items) AS item,
                 CAST(generate_subscripts(items, 1) - 1 AS INTEGER) AS position
          FROM impressions)
        SELECT strftime(x.day, '%%Y-%%m-%%d') AS dt, x.ranking_id, x.customer_id, x.position,
               x.item.item_id AS item_id, x.item.is_order AS is_order,
               list_resize(coalesce([t.item FOR t IN h.top], []::INTEGER[]), %8$d, 0) AS actions,
               list_resize(coalesce([t.type FOR t IN h.top], []::INTEGER[]), %8$d, 0) AS action_types,
               CAST(coalesce(len(h.top), 0) AS INTEGER) AS history_length
        FROM exploded x
        LEFT JOIN histories h ON h.customer_id = x.customer_id AND h.day = x.day
        """,
        day("dt"),
        csv(data, "impressions", suffix),
        csv(data, "clicks", suffix),
        csv(data, "add_to_carts", suffix),
        day("order_date"),
        csv(data, "previous_orders", suffix),
        l,
        n);
  }
}
