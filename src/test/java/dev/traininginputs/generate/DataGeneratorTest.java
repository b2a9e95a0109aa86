package dev.traininginputs.generate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTest {
  @TempDir Path first;
  @TempDir Path second;
  @TempDir Path other;

  private static DataGenerator.Settings settings(long seed) {
    return new DataGenerator.Settings(
        seed, 200, 80, 5, LocalDate.parse("2025-03-14"), 30, 2_000, 400, 100, 500, 1, 300, 0.05);
  }

  private static final List<String> FILES =
      List.of("impressions.csv", "clicks.csv", "add_to_carts.csv", "previous_orders.csv");

  @Test
  void theSameSeedGivesByteIdenticalFiles() throws Exception {
    new DataGenerator(settings(9)).writeTo(first, "");
    new DataGenerator(settings(9)).writeTo(second, "");
    new DataGenerator(settings(10)).writeTo(other, "");
    for (String file : FILES) {
      byte[] bytes = Files.readAllBytes(first.resolve(file));
      assertThat(file, bytes.length, greaterThan(1_000));
      assertThat(file, Files.readAllBytes(second.resolve(file)), equalTo(bytes));
      assertThat(file, Files.readAllBytes(other.resolve(file)), not(equalTo(bytes)));
    }
  }

  @Test
  void writesTheAskedSizesPlusMalformedAndHotLines() throws Exception {
    DataGenerator.Written written = new DataGenerator(settings(9)).writeTo(first, "_x");
    // 200 rows + 5 days of the hot customer, and about 5% malformed lines on top.
    assertThat(written.impressions(), both(greaterThanOrEqualTo(205L)).and(lessThan(240L)));
    assertThat(written.clicks(), both(greaterThanOrEqualTo(2_300L)).and(lessThan(2_500L)));
    assertThat(
        Files.readAllLines(first.resolve("clicks_x.csv")).size(),
        equalTo((int) written.clicks() + 1));
    String clicks = Files.readString(first.resolve("clicks_x.csv"));
    assertThat(
        clicks, allOf(containsString("dt="), containsString("Z\n"), containsString("+02:00")));
  }
}
