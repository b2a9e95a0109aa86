package dev.traininginputs.stats;

import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.impression;
import static dev.traininginputs.TestData.ints;
import static dev.traininginputs.TestData.rows;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.traininginputs.model.Impression;
import dev.traininginputs.model.Source;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The figures path: parts from anywhere merged into the run's one figure; the customer count. */
@Tag("pipeline")
@ExtendWith(TestPipelineExtension.class)
class MergeFiguresTest {

  private static PCollection<RunMetrics> parts(TestPipeline p, String name, RunMetrics... parts) {
    return p.apply(name, Create.of(List.of(parts)).withCoder(MergeFigures.coder()));
  }

  @Test
  void mergeFigures_givesOneFigureFromPartsOfEveryKind(TestPipeline p) {
    RunMetrics file1 = RunMetrics.ofRows(2);
    rows(impression(1, "2025-03-10", "r", 5, 6), history(3, ints(9), ints(2))).forEach(file1::add);
    RunMetrics file2 = RunMetrics.ofRows(2);
    rows(impression(2, "2025-03-11", "s", 7), history(3, ints(), ints())).forEach(file2::add);
    PCollection<RunMetrics> merged =
        PCollectionList.of(parts(p, "Rows", file1, file2))
            .and(
                parts(
                    p,
                    "Sources",
                    RunMetrics.ofSource(Source.CLICKS, new SourceCounts(4, 3, 1)),
                    RunMetrics.ofSource(Source.CLICKS, new SourceCounts(2, 2, 0))))
            .and(parts(p, "Customers", RunMetrics.ofCustomers(2)))
            .apply(MergeFigures.analysing(2));
    PAssert.thatSingleton(merged)
        .satisfies(
            m -> {
              assertThat(m.history().rows(), equalTo(3L));
              assertThat(
                  m.days().keySet().stream().toList(),
                  equalTo(List.of("2025-03-10", "2025-03-11")));
              assertThat(m.days().get("2025-03-11").zeroHistoryPct(), equalTo(1.0));
              assertThat(m.lengths().rowsByLength(), equalTo(Map.of(0, 1L, 1, 2L)));
              assertThat(
                  m.positions().frequencies(0), equalTo(new double[] {1 / 3.0, 0, 2 / 3.0, 0}));
              assertThat(m.sources().get("clicks"), equalTo(new SourceCounts(6, 5, 1)));
              assertThat(m.customers(), equalTo(2L));
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void mergeFigures_ofNoPartsIsOneFigureOfZerosWithKPositions(TestPipeline p) {
    PCollection<RunMetrics> merged =
        PCollectionList.of(parts(p, "Nothing")).apply(MergeFigures.analysing(3));
    PAssert.thatSingleton(merged)
        .satisfies(
            m -> {
              assertThat(m.history().rows(), equalTo(0L));
              assertThat(m.positions().positions(), equalTo(3));
              assertThat(m.positions().frequencies(2), equalTo(new double[] {0, 0, 0, 0}));
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void countImpressions_countsRowsAndDistinctCustomersWithAtLeastOneItem(TestPipeline p) {
    PCollection<RunMetrics> figures =
        p.apply(
                Create.of(
                        impression(1, "2025-03-10", "a", 5),
                        impression(1, "2025-03-11", "b", 6),
                        impression(2, "2025-03-10", "c"),
                        impression(3, "2025-03-10", "d", 7, 8))
                    .withCoder(Impression.Coder.of()))
            .apply(CountImpressions.of());
    PAssert.thatSingleton(PCollectionList.of(figures).apply(MergeFigures.analysing(0)))
        .satisfies(
            m -> {
              assertThat(m.customers(), equalTo(2L));
              assertThat(m.impressionRows(), equalTo(4L));
              return null;
            });
    p.run().waitUntilFinish();
  }
}
