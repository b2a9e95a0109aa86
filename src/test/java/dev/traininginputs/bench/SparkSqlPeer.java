package dev.traininginputs.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark's peer: the same job as the product, written the way a Spark user would write it,
 * in Spark SQL with a window function over the same CSV files. Not part of the product.
 *
 * <pre>
 * SparkSqlPeer run    DATA_DIR SUFFIX OUTPUT N L   # writes Parquet partitioned by dt
 * SparkSqlPeer verify DATA_DIR SUFFIX OURS N L     # same rows as our output? count + checksum
 * </pre>
 *
 * It assumes well-formed input (the benchmark generates none that is malformed).
 */
public final class SparkSqlPeer {
  private SparkSqlPeer() {}

  public static void main(String[] args) {
    String mode = args[0];
    String data = args[1];
    String suffix = args[2];
    String output = args[3];
    int n = Integer.parseInt(args[4]);
    int l = Integer.parseInt(args[5]);
    SparkSession spark =
        SparkSession.builder()
            .master(System.getProperty("peer.master", "local[*]"))
            .appName("spark-sql-peer")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      Dataset<Row> rows = trainingRows(spark, data, suffix, n, l);
      if (mode.equals("run")) {
        rows.write().mode("overwrite").partitionBy("dt").parquet(output);
      } else {
        Row peer = checksum(rows);
        Row ours = checksum(spark.read().parquet(output).select(COLUMNS));
        System.out.printf(
            "peer rows %d checksum %s; ours rows %d checksum %s; same rows: %s%n",
            peer.getLong(0),
            peer.get(1),
            ours.getLong(0),
            ours.get(1),
            peer.equals(ours) ? "yes" : "NO");
        if (!peer.equals(ours)) {
          System.exit(2);
        }
      }
    } finally {
      spark.stop();
    }
  }

  private static final org.apache.spark.sql.Column[] COLUMNS =
      java.util.Arrays.stream(
              new String[] {
                "dt",
                "ranking_id",
                "customer_id",
                "position",
                "item_id",
                "is_order",
                "actions",
                "action_types",
                "history_length"
              })
          .map(org.apache.spark.sql.functions::col)
          .toArray(org.apache.spark.sql.Column[]::new);

  private static Row checksum(Dataset<Row> rows) {
    return rows.selectExpr(
            "count(*) AS rows",
            "sum(cast(xxhash64(cast(dt AS string), ranking_id, customer_id, position, item_id,"
                + " is_order, actions, action_types, history_length) AS decimal(38, 0))) AS checksum")
        .first();
  }

  static Dataset<Row> trainingRows(SparkSession spark, String data, String suffix, int n, int l) {
    csv(spark, data + "/impressions" + suffix + ".csv").createOrReplaceTempView("impressions_raw");
    csv(spark, data + "/clicks" + suffix + ".csv").createOrReplaceTempView("clicks_raw");
    csv(spark, data + "/add_to_carts" + suffix + ".csv").createOrReplaceTempView("carts_raw");
    csv(spark, data + "/previous_orders" + suffix + ".csv").createOrReplaceTempView("orders_raw");
    spark
        .sql(
            """
        SELECT to_date(regexp_replace(dt, '^dt=', '')) AS day, ranking_id,
               CAST(customer_id AS BIGINT) AS customer_id,
               from_json(impressions, 'array<struct<item_id:int,is_order:boolean>>') AS items
        FROM impressions_raw""")
        .createOrReplaceTempView("impressions");
    spark
        .sql(
            """
        SELECT CAST(customer_id AS BIGINT) AS customer_id,
               to_date(regexp_replace(dt, '^dt=', '')) AS day,
               CAST(click_time AS TIMESTAMP) AS ts, 1 AS type, CAST(item_id AS INT) AS item
        FROM clicks_raw
        UNION ALL
        SELECT CAST(customer_id AS BIGINT), to_date(regexp_replace(dt, '^dt=', '')),
               CAST(occurred_at AS TIMESTAMP), 2, CAST(config_id AS INT)
        FROM carts_raw
        UNION ALL
        SELECT CAST(customer_id AS BIGINT), to_date(regexp_replace(order_date, '^dt=', '')),
               CAST(to_date(regexp_replace(order_date, '^dt=', '')) AS TIMESTAMP), 3,
               CAST(config_id AS INT)
        FROM orders_raw""")
        .createOrReplaceTempView("actions");
    spark
        .sql(
            String.format(
                """
        WITH days AS (SELECT DISTINCT customer_id, day FROM impressions),
        ranked AS (
          SELECT d.customer_id, d.day, a.item, a.type,
                 row_number() OVER (PARTITION BY d.customer_id, d.day
                                    ORDER BY a.ts DESC, a.type DESC, a.item DESC) AS rn
          FROM days d JOIN actions a
            ON a.customer_id = d.customer_id
           AND a.day BETWEEN date_sub(d.day, %d) AND date_sub(d.day, 1))
        SELECT customer_id, day, sort_array(collect_list(struct(rn, item, type))) AS history
        FROM ranked WHERE rn <= %d GROUP BY customer_id, day""",
                l, n))
        .createOrReplaceTempView("histories");
    return spark.sql(
        String.format(
            """
        WITH exploded AS (
          SELECT i.day, i.ranking_id, i.customer_id, e.pos, e.item
          FROM impressions i LATERAL VIEW posexplode(i.items) e AS pos, item),
        joined AS (
          SELECT x.*, coalesce(h.history, array()) AS history
          FROM exploded x
          LEFT JOIN histories h ON h.customer_id = x.customer_id AND h.day = x.day)
        SELECT CAST(day AS STRING) AS dt, ranking_id, customer_id, pos AS position,
               item.item_id AS item_id, item.is_order AS is_order,
               concat(transform(history, v -> v.item), array_repeat(0, %1$d - size(history))) AS actions,
               concat(transform(history, v -> v.type), array_repeat(0, %1$d - size(history))) AS action_types,
               size(history) AS history_length
        FROM joined""",
            n));
  }

  private static Dataset<Row> csv(SparkSession spark, String path) {
    return spark.read().option("header", "true").option("escape", "\"").csv(path);
  }
}
