package dev.traininginputs.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvHeaderTest {

  @Test
  void row_findsColumnsByNameInAnyOrder() throws Exception {
    CsvHeader header = CsvHeader.parse("item_id,extra,customer_id");
    CsvRow row = header.row("5,x,7");
    assertThat(row.value("customer_id"), equalTo("7"));
    assertThat(row.value("item_id"), equalTo("5"));
  }

  @Test
  void missing_listsRequiredColumnsNotInTheHeader() throws Exception {
    CsvHeader header = CsvHeader.parse(" dt , customer_id,click_time");
    assertThat(
        header.missing(List.of("dt", "customer_id", "item_id", "click_time")), contains("item_id"));
    assertThat(header.missing(List.of("dt")), empty());
  }

  @Test
  void row_rejectsTooFewAndTooManyFields() throws Exception {
    CsvHeader header = CsvHeader.parse("a,b,c");
    assertThat(
        assertThrows(InvalidValueException.class, () -> header.row("1,2")).getMessage(),
        equalTo("row: has 2 fields, the header has 3"));
    assertThat(
        assertThrows(InvalidValueException.class, () -> header.row("1,2,3,4")).getMessage(),
        equalTo("row: has 4 fields, the header has 3"));
  }

  @Test
  void row_countsCommasInsideQuotesAsText() throws Exception {
    CsvRow row = CsvHeader.parse("a,b").row("\"1,5\",2");
    assertThat(row.value("a"), equalTo("1,5"));
  }
}
