package dev.traininginputs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The layout benchmark's check: the grouped output, exploded by the query of {@code
 * docs/grouped-to-exploded.sql}, must hold exactly the exploded output's rows (EXCEPT ALL both
 * ways, every column and list element). Not part of the product.
 *
 * <pre>
 * LayoutCheck EXPLODED_OUTPUT GROUPED_OUTPUT   # both written with the same padding
 * LayoutCheck --count OUTPUT                    # prints the number of Parquet rows
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
    String grouped = args[1];
    String query =
        Files.readString(Path.of("docs/grouped-to-exploded.sql"))
            .replace("'output/dt=*/*.parquet'", "'" + grouped + "/dt=*/*.parquet'");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      sql.execute("CREATE VIEW from_grouped AS " + query);
      sql.execute(
          "CREATE VIEW exploded AS SELECT dt, ranking_id, customer_id, position, item_id,"
              + " is_order, actions, action_types, history_length FROM read_parquet('"
              + exploded
              + "/dt=*/*.parquet', hive_partitioning = false)");
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
          "exploded rows %d; grouped rows exploded %d; only in grouped %d, only in exploded %d;"
              + " same rows: %s%n",
          rows, fromGrouped, onlyGrouped, onlyExploded, same ? "yes" : "NO");
      if (!same) {
        System.exit(1);
      }
    }
  }
}
