package dev.traininginputs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmarks' check that two outputs hold the same training rows: the second output, exploded
 * by the query of {@code docs/grouped-to-exploded.sql} if it is grouped, must hold exactly the
 * exploded output's rows (EXCEPT ALL both ways, every column and list element). Used by the layout
 * benchmark (grouped against exploded) and the input-format one (exploded against exploded). Not
 * part of the product.
 *
 * <pre>
 * LayoutCheck EXPLODED_OUTPUT OTHER_OUTPUT   # both written with the same padding
 * LayoutCheck --count OUTPUT                  # prints the number of Parquet rows
 * </pre>
 */
public final class LayoutCheck {
  private LayoutCheck() {}

  public static void main(String[] args) throws SQLException, IOException {
    if (args[0].equals("--count")) {
      try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
          Statement sql = db.createStatement()) {
        System.out.println(
            DuckDbPeer.count(
                sql, "SELECT count(*) FROM read_parquet('" + args[1] + "/dt=*/*.parquet')"));
      }
      return;
    }
    String exploded = args[0];
    String other = args[1];
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      boolean grouped =
          DuckDbPeer.count(
                  sql,
                  "SELECT count(*) FROM (DESCRIBE SELECT * FROM read_parquet('"
                      + other
                      + "/dt=*/*.parquet')) WHERE column_name = 'items'")
              > 0;
      sql.execute(
          "CREATE VIEW from_grouped AS "
              + (grouped
                  ? Files.readString(Path.of("docs/grouped-to-exploded.sql"))
                      .replace("'output/dt=*/*.parquet'", "'" + other + "/dt=*/*.parquet'")
                  : explodedRows(other)));
      sql.execute("CREATE VIEW exploded AS " + explodedRows(exploded));
      long rows = DuckDbPeer.count(sql, "SELECT count(*) FROM exploded");
      long fromGrouped = DuckDbPeer.count(sql, "SELECT count(*) FROM from_grouped");
      long onlyGrouped =
          DuckDbPeer.count(
              sql, "SELECT count(*) FROM (FROM from_grouped EXCEPT ALL FROM exploded)");
      long onlyExploded =
          DuckDbPeer.count(
              sql, "SELECT count(*) FROM (FROM exploded EXCEPT ALL FROM from_grouped)");
      boolean same = rows == fromGrouped && onlyGrouped == 0 && onlyExploded == 0;
      System.out.printf(
          "exploded rows %d; other rows%s %d; only in other %d, only in exploded %d;"
              + " same rows: %s%n",
          rows,
          grouped ? " (grouped, exploded)" : "",
          fromGrouped,
          onlyGrouped,
          onlyExploded,
          same ? "yes" : "NO");
      if (!same) {
        System.exit(1);
      }
    }
  }

  private static String explodedRows(String output) {
    return "SELECT dt, ranking_id, customer_id, position, item_id, is_order, actions,"
        + " action_types, history_length FROM read_parquet('"
        + output
        + "/dt=*/*.parquet', hive_partitioning = false)";
  }
}
