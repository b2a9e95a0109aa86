package dev.traininginputs.options;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Iceberg table of {@code --outputFormat=iceberg}: a path-based table at {@code --output}
 * ({@link #name} null), or the table {@code --outputTable=NAMESPACE.NAME} of the catalog that
 * {@code --icebergCatalog} describes with Iceberg's own catalog properties.
 */
public record IcebergTarget(String name, Map<String, String> catalog) implements Serializable {

  public IcebergTarget {
    catalog = Map.copyOf(catalog);
  }

  public boolean inCatalog() {
    return name != null;
  }

  /** The table the options name, or null for Parquet folders; refuses a half-given table. */
  static IcebergTarget from(OutputFormat format, TrainingInputsOptions options) {
    String table = blank(options.getOutputTable()) ? null : options.getOutputTable().trim();
    String catalog = blank(options.getIcebergCatalog()) ? null : options.getIcebergCatalog();
    if (format != OutputFormat.ICEBERG) {
      if (table != null || catalog != null) {
        throw new RunRefusedException(
            "--"
                + (table != null ? "outputTable" : "icebergCatalog")
                + " needs --outputFormat=iceberg");
      }
      return null;
    }
    if (table == null) {
      if (catalog != null) {
        throw new RunRefusedException(
            "--icebergCatalog needs --outputTable=NAMESPACE.NAME: the table in that catalog");
      }
      return new IcebergTarget(null, Map.of());
    }
    if (catalog == null) {
      throw new RunRefusedException(
          "--outputTable="
              + table
              + " needs --icebergCatalog=KEY=VALUE,... (for example"
              + " type=rest,uri=http://catalog:8181)");
    }
    if (!table.matches("[^.\\s]+(\\.[^.\\s]+)+")) {
      throw new RunRefusedException(
          "--outputTable=" + table + " is not NAMESPACE.NAME (for example ml.training_inputs)");
    }
    return new IcebergTarget(table, properties(catalog));
  }

  /** {@code KEY=VALUE,KEY=VALUE}: Iceberg's catalog properties. */
  static Map<String, String> properties(String text) {
    Map<String, String> properties = new TreeMap<>();
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      if (pair.isBlank()) {
        continue;
      }
      if (equals <= 0) {
        throw new RunRefusedException(
            "--icebergCatalog=" + text + ": '" + pair.trim() + "' is not KEY=VALUE");
      }
      properties.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    if (!properties.containsKey("type") && !properties.containsKey("catalog-impl")) {
      throw new RunRefusedException(
          "--icebergCatalog=" + text + " names no catalog: give type=rest, type=jdbc, ...");
    }
    return properties;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
