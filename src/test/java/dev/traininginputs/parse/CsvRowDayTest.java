package dev.traininginputs.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.model.Days;
import org.junit.jupiter.api.Test;

/** The day of a row (SPEC §1): the partition folder wins over the column, which is checked. */
class CsvRowDayTest {
  private static final int MARCH_10 = Days.of("2025-03-10");

  private static CsvRow row(String header, String line, String partition) throws Exception {
    return CsvHeader.parse(header).row(line, partition);
  }

  @Test
  void withoutAFolder_theColumnGivesTheDay() throws Exception {
    CsvRow row = row("dt,x", "2025-03-10,1", null);
    assertThat(row.day("dt"), equalTo(MARCH_10));
    assertThat(row.dayMismatch(), equalTo(false));
  }

  @Test
  void withAFolderAndNoColumn_theFolderGivesTheDay() throws Exception {
    CsvRow row = row("x", "1", "dt=2025-03-10");
    assertThat(row.day("dt"), equalTo(MARCH_10));
    assertThat(row.dayMismatch(), equalTo(false));
  }

  @Test
  void withBoth_theFolderWinsAndADisagreementIsNoted() throws Exception {
    CsvRow same = row("dt,x", "dt=2025-03-10,1", "dt=2025-03-10");
    assertThat(same.day("dt"), equalTo(MARCH_10));
    assertThat(same.dayMismatch(), equalTo(false));

    CsvRow other = row("dt,x", "2025-03-09,1", "dt=2025-03-10");
    assertThat(other.day("dt"), equalTo(MARCH_10));
    assertThat(other.dayMismatch(), equalTo(true));

    CsvRow unreadable = row("dt,x", "yesterday,1", "dt=2025-03-10");
    assertThat(unreadable.day("dt"), equalTo(MARCH_10));
    assertThat(unreadable.dayMismatch(), equalTo(true));
  }

  @Test
  void aFolderWithoutADay_rejectsTheRowWithItsReason() throws Exception {
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () -> row("dt,x", "2025-03-10,1", "dt=__HIVE_DEFAULT_PARTITION__").day("dt"));
    assertThat(
        e.getMessage(),
        equalTo("dt: the partition folder dt=__HIVE_DEFAULT_PARTITION__ has no day (a null dt)"));
    e =
        assertThrows(
            InvalidValueException.class,
            () -> row("x", "1", "order_date=2025-02-30").day("order_date"));
    assertThat(
        e.getMessage(),
        equalTo(
            "order_date: the partition folder order_date=2025-02-30 is not a date (YYYY-MM-DD)"));
  }
}
