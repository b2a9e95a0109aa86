package dev.traininginputs.output;

import dev.traininginputs.layout.RowLayout;
import dev.traininginputs.options.IcebergTarget;
import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.storage.BeamFileIO;
import dev.traininginputs.storage.HadoopStore;
import dev.traininginputs.storage.Locations;
import dev.traininginputs.storage.OutputStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;

/**
 * The Apache Iceberg table of {@code --outputFormat=iceberg} (SPEC §7 "Iceberg tables"): a
 * path-based table on a local disk or HDFS ({@link HadoopTables}, whose commit is a rename), or a
 * table of a REST or JDBC catalog. Its columns are the layout's, as in the folders' files; it is
 * partitioned by {@code dt}, the day (a string, YYYY-MM-DD); its properties carry the layout, so
 * that a run in another one is refused as for folders. The data files, written by the pipeline's
 * own Parquet writers, hold no field ids: the table's default name mapping tells every reader which
 * column is which.
 */
public final class IcebergTable implements AutoCloseable {
  /** The snapshot summary's key for the run that committed it. */
  static final String RUN_ID = "training-inputs.run-id";

  /** The snapshot summary's key for the days the run built, comma-separated. */
  static final String RUN_DAYS = "training-inputs.days";

  static final String DAY_COLUMN = "dt";

  /** The key of {@code --icebergCatalog} that names the catalog (not one of Iceberg's). */
  static final String CATALOG_NAME = "name";

  static final String DEFAULT_CATALOG_NAME = "training_inputs";

  private final IcebergTarget target;
  private final String location;
  private final Configuration conf;
  private Catalog catalog;

  private IcebergTable(IcebergTarget target, String location, Configuration conf) {
    this.target = target;
    this.location = location;
    this.conf = conf;
  }

  /**
   * The table {@code target} names; a path-based one at {@code output}, which must be on a storage
   * that renames (a local disk or HDFS). {@code output} is ignored for a catalog's table.
   */
  public static IcebergTable of(IcebergTarget target, String output, PipelineOptions options) {
    Configuration conf = HadoopStore.configuration(options);
    if (!target.inCatalog() && !OutputStore.of(output, options).renamesDirectories()) {
      throw new RunRefusedException(
          "--output="
              + output
              + " cannot hold a path-based Iceberg table: its commit renames a file, which "
              + Locations.scheme(output)
              + ":// cannot do atomically. Give --outputTable=NAMESPACE.NAME and"
              + " --icebergCatalog (a REST or JDBC catalog) instead");
    }
    return new IcebergTable(target, target.inCatalog() ? null : output, conf);
  }

  /** What this table is, for messages: {@code the Iceberg table ml.rows}. */
  public String describe() {
    return target.inCatalog()
        ? "the Iceberg table " + target.name()
        : "the Iceberg table at " + location;
  }

  /** The table, created empty in {@code layout} if it does not exist yet; returns its location. */
  public String createIfAbsent(RowLayout layout) {
    Optional<Table> existing = find();
    if (existing.isPresent()) {
      return existing.get().location();
    }
    Schema schema = schema(layout);
    PartitionSpec spec = PartitionSpec.builderFor(schema).identity(DAY_COLUMN).build();
    Map<String, String> properties = new HashMap<>(layout.fileMetadata());
    properties.put(TableProperties.DEFAULT_FILE_FORMAT, "parquet");
    Transaction create;
    try {
      if (target.inCatalog()) {
        Catalog catalog = catalog();
        TableIdentifier id = TableIdentifier.parse(target.name());
        if (catalog instanceof SupportsNamespaces namespaces
            && !namespaces.namespaceExists(id.namespace())) {
          createNamespace(namespaces, id.namespace());
        }
        create =
            catalog
                .buildTable(id, schema)
                .withPartitionSpec(spec)
                .withProperties(properties)
                .createTransaction();
      } else {
        create =
            new HadoopTables(conf).newCreateTableTransaction(location, schema, spec, properties);
      }
      // The ids are the table's own once created: the name mapping is made from them.
      create
          .updateProperties()
          .set(
              TableProperties.DEFAULT_NAME_MAPPING,
              NameMappingParser.toJson(MappingUtil.create(create.table().schema())))
          .commit();
      create.commitTransaction();
    } catch (AlreadyExistsException e) {
      // Another run created it meanwhile: take that one.
    }
    return load().location();
  }

  private static void createNamespace(SupportsNamespaces namespaces, Namespace namespace) {
    try {
      namespaces.createNamespace(namespace);
    } catch (AlreadyExistsException e) {
      // Created meanwhile.
    }
  }

  /** The table as it is now; fails if it does not exist. */
  Table load() {
    return find()
        .orElseThrow(() -> new IllegalStateException(describe() + " does not exist (any more)"));
  }

  private Optional<Table> find() {
    try {
      if (target.inCatalog()) {
        return Optional.of(catalog().loadTable(TableIdentifier.parse(target.name())));
      }
      HadoopTables tables = new HadoopTables(conf);
      return tables.exists(location) ? Optional.of(tables.load(location)) : Optional.empty();
    } catch (NoSuchTableException e) {
      return Optional.empty();
    }
  }

  /** The catalog, connected once (a JDBC catalog holds a pool of connections). */
  private synchronized Catalog catalog() {
    if (catalog == null) {
      Map<String, String> properties = new HashMap<>(target.catalog());
      // Files go through the run's own storage layer unless the catalog's properties say otherwise.
      properties.putIfAbsent(CatalogProperties.FILE_IO_IMPL, BeamFileIO.class.getName());
      // A JDBC catalog keeps the tables of each catalog name apart: the readers' name must match.
      String name = properties.getOrDefault(CATALOG_NAME, DEFAULT_CATALOG_NAME);
      properties.remove(CATALOG_NAME);
      catalog = CatalogUtil.buildIcebergCatalog(name, properties, conf);
    }
    return catalog;
  }

  /** Disconnects from the catalog, if connected. */
  @Override
  public synchronized void close() {
    if (catalog instanceof java.io.Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        // Nothing is pending on a catalog connection once the run has committed or failed.
      }
    }
    catalog = null;
  }

  /**
   * Refuses to write {@code layout} into a table created for another layout, padding or sequence
   * length: a reader of the table must not meet two.
   */
  public void refuseAnotherLayout(RowLayout layout) {
    Map<String, String> theirs = load().properties();
    Map<String, String> ours = layout.fileMetadata();
    for (Map.Entry<String, String> key : ours.entrySet()) {
      if (!key.getValue().equals(theirs.get(key.getKey()))) {
        throw new RunRefusedException(
            String.format(
                "%s holds %s rows, %s-padded to N = %s; this run writes %s rows, %s-padded to N ="
                    + " %d. One table holds one layout: run with the same --layout, --padding and"
                    + " --sequenceLength, or write to another table",
                describe(),
                theirs.get(RowLayout.LAYOUT_KEY),
                theirs.get(RowLayout.PADDING_KEY),
                theirs.get(RowLayout.SEQUENCE_LENGTH_KEY),
                layout.layout(),
                layout.padding(),
                layout.sequenceLength()));
      }
    }
  }

  /** The {@code YYYY-MM-DD} days the table's current snapshot holds rows of. */
  Set<String> days() throws IOException {
    return new TreeSet<>(currentFiles().keySet());
  }

  /** The files of the current snapshot by {@code YYYY-MM-DD} day, sorted. */
  SortedMap<String, List<String>> currentFiles() throws IOException {
    Table table = load();
    SortedMap<String, List<String>> days = new TreeMap<>();
    if (table.currentSnapshot() == null) {
      return days;
    }
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        days.computeIfAbsent(task.file().partition().get(0, String.class), d -> new ArrayList<>())
            .add(task.file().location());
      }
    }
    days.values().forEach(files -> files.sort(null));
    return days;
  }

  /** The snapshot run {@code runId} committed, if it did. */
  Optional<Snapshot> snapshotOf(String runId) {
    for (Snapshot snapshot : load().snapshots()) {
      if (runId.equals(snapshot.summary().get(RUN_ID))) {
        return Optional.of(snapshot);
      }
    }
    return Optional.empty();
  }

  /** The layout's columns, as the Parquet files hold them (ids are the table's to assign). */
  static Schema schema(RowLayout layout) {
    return AvroSchemaUtil.toIceberg(layout.schema());
  }
}
