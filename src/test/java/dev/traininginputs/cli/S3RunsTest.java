package dev.traininginputs.cli;

import dev.traininginputs.output.TestStorage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StorageRunsTest} on S3, against the server {@code scripts/test} starts (tag {@code s3}).
 */
@Tag("s3")
class S3RunsTest {
  @Test
  void onS3_twiceInOverwriteMode_theOutputEqualsALocalRun(@TempDir Path local) throws IOException {
    StorageRunsTest.check(TestStorage.s3(), local);
  }

  @Test
  void onS3_parquetTables_giveTheRowsOfALocalRun(@TempDir Path local) throws IOException {
    StorageRunsTest.checkParquetTables(TestStorage.s3(), local);
  }
}
