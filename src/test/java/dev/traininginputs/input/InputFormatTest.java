package dev.traininginputs.input;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class InputFormatTest {
  @Test
  void byFileNameLookingThroughACompressionSuffix() {
    assertThat(InputFormat.of("/d/clicks.csv"), equalTo(InputFormat.CSV));
    assertThat(InputFormat.of("/d/clicks.csv.gz"), equalTo(InputFormat.CSV));
    assertThat(InputFormat.of("s3://b/t/dt=2025-03-10/part-00000"), equalTo(InputFormat.CSV));
    assertThat(InputFormat.of("/d/clicks.json"), equalTo(InputFormat.JSON_LINES));
    assertThat(InputFormat.of("/d/clicks.JSONL.zst"), equalTo(InputFormat.JSON_LINES));
    assertThat(InputFormat.of("/d/part-0.ndjson.bz2"), equalTo(InputFormat.JSON_LINES));
    assertThat(InputFormat.of("/d/part-0.snappy.parquet"), equalTo(InputFormat.PARQUET));
    assertThat(InputFormat.of("/d.json/part-0.csv"), equalTo(InputFormat.CSV));
  }
}
