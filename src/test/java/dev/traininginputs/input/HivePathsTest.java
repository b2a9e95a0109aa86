package dev.traininginputs.input;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.traininginputs.model.Days;
import dev.traininginputs.model.Source;
import dev.traininginputs.parse.RecordView;
import org.junit.jupiter.api.Test;

class HivePathsTest {

  @Test
  void partition_isTheInnermostFolderOfTheSourcesDayKey() {
    assertThat(
        HivePaths.partition("s3://lake/clicks/dt=2025-03-10/part-0.csv", Source.CLICKS),
        equalTo("dt=2025-03-10"));
    assertThat(
        HivePaths.partition("/lake/clicks/dt=2025-03-10/hour=07/part-0.csv", Source.CLICKS),
        equalTo("dt=2025-03-10"));
    assertThat(
        HivePaths.partition("/lake/dt=2025-01-01/clicks/dt=2025-03-10/p.csv", Source.CLICKS),
        equalTo("dt=2025-03-10"));
    assertThat(
        HivePaths.partition("/lake/orders/order_date=2025-03-01/p.csv", Source.PREVIOUS_ORDERS),
        equalTo("order_date=2025-03-01"));
    // For previous orders a dt= folder counts too; for the others order_date= does not.
    assertThat(
        HivePaths.partition("/lake/orders/dt=2025-03-01/p.csv", Source.PREVIOUS_ORDERS),
        equalTo("dt=2025-03-01"));
    assertThat(
        HivePaths.partition("/lake/clicks/order_date=2025-03-01/p.csv", Source.CLICKS),
        nullValue());
  }

  @Test
  void partition_isNoneWithoutAFolderAndTheFileNameDoesNotCount() {
    assertThat(HivePaths.partition("/data/clicks.csv", Source.CLICKS), nullValue());
    assertThat(HivePaths.partition("/data/dt=2025-03-10.csv", Source.CLICKS), nullValue());
    assertThat(HivePaths.partition("/data/region=eu/p.csv", Source.CLICKS), nullValue());
  }

  @Test
  void partition_isUrlDecodedAsSparkAndHiveEscapeIt() throws Exception {
    assertThat(
        HivePaths.partition("/t/dt=2025%2D03%2D10/p.csv", Source.CLICKS), equalTo("dt=2025-03-10"));
    assertThat(
        HivePaths.partition("/t/dt=__HIVE_DEFAULT_PARTITION__/p.csv", Source.CLICKS),
        equalTo("dt=__HIVE_DEFAULT_PARTITION__"));
    assertThat(RecordView.partitionDay("dt", "dt=2025-03-10"), equalTo(Days.of("2025-03-10")));
  }

  @Test
  void isHidden_atEveryLevelBelowTheRoot() {
    assertThat(HivePaths.isHidden("dt=2025-03-10/part-0.csv"), equalTo(false));
    assertThat(HivePaths.isHidden("part-0.csv"), equalTo(false));
    assertThat(HivePaths.isHidden("_SUCCESS"), equalTo(true));
    assertThat(HivePaths.isHidden("dt=2025-03-10/.part-0.csv.crc"), equalTo(true));
    assertThat(HivePaths.isHidden("_temporary/0/dt=2025-03-10/part-0.csv"), equalTo(true));
    assertThat(HivePaths.isHidden("dt=2025-03-10/.spark-staging/part-0.csv"), equalTo(true));
    assertThat(HivePaths.isHidden("dt=2025-03-10/part-0.csv._COPYING_"), equalTo(true));
  }
}
