package dev.traininginputs.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.traininginputs.output.RestCatalogServer;
import dev.traininginputs.output.SparkIcebergReader;
import dev.traininginputs.output.TestStorage;
import dev.traininginputs.storage.BeamFileIO;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --outputTable} in a REST catalog (Iceberg's servlet, started here) whose warehouse is on
 * S3, against the server {@code scripts/test} starts (tag {@code s3}): a full run and an overwrite
 * read back through the catalog by Iceberg's generic reader and by Spark, time travel included.
 */
@Tag("s3")
class S3IcebergTest {
  @Test
  void aRestCatalogTableOnS3_readsBackAsTheFolderOutput(@TempDir Path local) throws Exception {
    TestStorage storage = TestStorage.s3();
    FileSystems.setDefaultPipelineOptions(storage.options());
    String warehouse = storage.newRoot() + "/warehouse";
    try (RestCatalogServer server =
        RestCatalogServer.start(warehouse, BeamFileIO.class.getName())) {
      String catalog = "type=rest,uri=" + server.uri();
      Map<String, String> properties = new HashMap<>();
      properties.put(CatalogProperties.URI, server.uri());
      properties.put(CatalogProperties.FILE_IO_IMPL, BeamFileIO.class.getName());
      Catalog client =
          CatalogUtil.loadCatalog(
              "org.apache.iceberg.rest.RESTCatalog", "reader", properties, null);
      TableIdentifier id = TableIdentifier.of("ml", "training_rows");

      Table table =
          IcebergOutputTest.fullRunThenOverwrite(
              local,
              more -> {
                List<String> args = new ArrayList<>();
                for (String arg :
                    IcebergOutputTest.icebergAt("unused", storage.arguments(), more)) {
                  if (!arg.startsWith("--output=")) {
                    args.add(arg);
                  }
                }
                args.add("--outputTable=ml.training_rows");
                args.add("--icebergCatalog=" + catalog);
                IcebergOutputTest.run(args, 0);
              },
              () -> client.loadTable(id),
              snapshot ->
                  SparkIcebergReader.readFromCatalog(
                      "ml.training_rows", snapshot, catalog, storage.arguments()));
      assertThat(table.location(), startsWith(warehouse));
      // The metrics and rejected records are beside the table, as for a folder.
      assertThat(storage.read(table.location() + "/_metrics.json"), containsString("\"sources\""));
      assertThat(
          storage.files(table.location()).stream()
              .filter(f -> f.startsWith(".") || f.startsWith("_lock"))
              .toList(),
          equalTo(List.of()));
    }
  }
}
