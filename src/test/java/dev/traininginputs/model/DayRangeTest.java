package dev.traininginputs.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DayRangeTest {
  private static final int MARCH_10 = Days.of("2025-03-10");

  @Test
  void lookback_isTheUnionOfEveryDaysWindow() {
    DayRange oneDay = new DayRange(MARCH_10, MARCH_10);
    assertThat(
        oneDay.lookbackOf(5), equalTo(Optional.of(new DayRange(MARCH_10 - 5, MARCH_10 - 1))));
    DayRange backfill = new DayRange(MARCH_10, MARCH_10 + 3);
    assertThat(
        backfill.lookbackOf(1), equalTo(Optional.of(new DayRange(MARCH_10 - 1, MARCH_10 + 2))));
    assertThat(oneDay.lookbackOf(0), equalTo(Optional.empty()));
    assertThat(DayRange.ALL.lookbackOf(365), equalTo(Optional.of(DayRange.ALL)));
  }

  @Test
  void days_andContains() {
    DayRange range = new DayRange(MARCH_10 - 1, MARCH_10 + 1);
    assertThat(range.days(), equalTo(List.of("2025-03-09", "2025-03-10", "2025-03-11")));
    assertThat(range.contains(MARCH_10 + 1), equalTo(true));
    assertThat(range.contains(MARCH_10 + 2), equalTo(false));
    assertThat(DayRange.ALL.contains(Integer.MIN_VALUE), equalTo(true));
    assertThat(range.toString(), equalTo("2025-03-09..2025-03-11"));
    assertThat(new DayRange(MARCH_10, MARCH_10).toString(), equalTo("2025-03-10"));
  }

  @Test
  void describe_writesRunsOfDaysAsRanges() {
    List<String> days =
        List.of("2025-02-27", "2025-02-28", "2025-03-01", "2025-03-03", "2025-03-05", "2025-03-06");
    assertThat(
        DayRange.describe(days, 5),
        equalTo("2025-02-27..2025-03-01 (3 days), 2025-03-03, 2025-03-05..2025-03-06 (2 days)"));
    assertThat(
        DayRange.describe(days, 2),
        equalTo("2025-02-27..2025-03-01 (3 days), 2025-03-03 and 2 more days"));
    assertThat(
        DayRange.describe(List.of("2025-03-03", "2025-03-05"), 1),
        equalTo("2025-03-03 and 1 more day"));
    assertThat(DayRange.describe(List.of(), 3), equalTo(""));
  }
}
