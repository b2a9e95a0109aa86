package dev.traininginputs.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.model.Days;
import dev.traininginputs.model.Impression;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

  @Test
  void day_acceptsPlainAndHiveForms() throws Exception {
    assertThat(Values.day("dt", "2025-03-10"), equalTo(Days.of("2025-03-10")));
    assertThat(Values.day("dt", "dt=2025-03-10"), equalTo(Days.of("2025-03-10")));
    assertThat(Values.day("dt", "2024-02-29"), equalTo(Days.of("2024-02-29")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-02-30",
        "2025-13-01",
        "2023-02-29",
        "2025-3-1",
        "20250301",
        "dt=",
        "2025-03-10 ",
        "2025-03-10T00:00:00",
        "yesterday",
        "dt=2025-02-30"
      })
  void day_rejectsInvalidDates(String text) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> Values.day("dt", text));
    assertThat(e.getMessage(), equalTo("dt: \"" + text + "\" is not a date (YYYY-MM-DD)"));
  }

  @Test
  void day_rejectsEmpty() {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> Values.day("dt", ""));
    assertThat(e.getMessage(), equalTo("dt: is empty"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-03-10 13:45:30            | 2025-03-10T13:45:30Z",
        "2025-03-10T13:45:30            | 2025-03-10T13:45:30Z",
        "2025-03-10T13:45:30Z           | 2025-03-10T13:45:30Z",
        "2025-03-10 13:45:30.5          | 2025-03-10T13:45:30.500Z",
        "2025-03-10T13:45:30.123456789Z | 2025-03-10T13:45:30.123456789Z",
        "2025-03-10T15:45:30+02:00      | 2025-03-10T13:45:30Z",
        "2025-03-10 01:00:00-05:30      | 2025-03-10T06:30:00Z",
        "2025-03-10T00:30:00+01:00      | 2025-03-09T23:30:00Z"
      })
  void dateTime_acceptsIsoFormsAndConvertsToUtc(String text, String expected) throws Exception {
    assertThat(Values.dateTime("click_time", text), equalTo(Instant.parse(expected)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-10 25:00:00",
        "2025-02-30 10:00:00",
        "2025-03-10 10:00",
        "2025-03-10",
        "2025-03-10 10:60:00",
        "2025-03-10 10:00:00 UTC",
        "2025-03-10T10:00:00+2",
        "10:00:00",
        "2025-03-10 10:00:00.",
        "not a time"
      })
  void dateTime_rejectsInvalid(String text) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> Values.dateTime("click_time", text));
    assertThat(e.getMessage(), equalTo("click_time: \"" + text + "\" is not a date-time"));
  }

  @Test
  void int64_acceptsTheWholeSignedRange() throws Exception {
    assertThat(Values.int64("customer_id", "-9223372036854775808"), equalTo(Long.MIN_VALUE));
    assertThat(Values.int64("customer_id", "9223372036854775807"), equalTo(Long.MAX_VALUE));
  }

  @Test
  void int64_explainsOverflowAndGarbage() {
    assertThat(
        assertThrows(
                InvalidValueException.class,
                () -> Values.int64("customer_id", "9223372036854775808"))
            .getMessage(),
        equalTo("customer_id: \"9223372036854775808\" is out of range for a 64-bit integer"));
    assertThat(
        assertThrows(InvalidValueException.class, () -> Values.int64("customer_id", "12a"))
            .getMessage(),
        equalTo("customer_id: \"12a\" is not an integer"));
    assertThat(
        assertThrows(InvalidValueException.class, () -> Values.int64("customer_id", " 12"))
            .getMessage(),
        equalTo("customer_id: \" 12\" is not an integer"));
  }

  @Test
  void itemId_acceptsOneToIntMax() throws Exception {
    assertThat(Values.itemId("item_id", "1"), equalTo(1));
    assertThat(Values.itemId("item_id", "2147483647"), equalTo(Integer.MAX_VALUE));
  }

  @Test
  void itemId_rejectsZeroNegativeAndOverflow() {
    assertThat(
        assertThrows(InvalidValueException.class, () -> Values.itemId("item_id", "0")).getMessage(),
        equalTo("item_id: 0 is not a valid item id (must be at least 1)"));
    assertThat(
        assertThrows(InvalidValueException.class, () -> Values.itemId("config_id", "-4"))
            .getMessage(),
        equalTo("config_id: -4 is not a valid item id (must be at least 1)"));
    assertThat(
        assertThrows(InvalidValueException.class, () -> Values.itemId("item_id", "2147483648"))
            .getMessage(),
        equalTo("item_id: \"2147483648\" is out of range for a 32-bit integer"));
    assertThat(
        assertThrows(InvalidValueException.class, () -> Values.itemId("item_id", "1.0"))
            .getMessage(),
        equalTo("item_id: \"1.0\" is not an integer"));
  }

  @Test
  void quote_shortensLongValues() {
    String quoted = Values.quote("x".repeat(100));
    assertThat(quoted, equalTo("\"" + "x".repeat(60) + "...\""));
  }

  private static String reason(org.junit.jupiter.api.function.Executable parse) {
    return assertThrows(InvalidValueException.class, parse).getMessage();
  }

  @Test
  void typedValues_areRangeCheckedWithTheReasonsOfText() throws Exception {
    assertThat(Values.int64("customer_id", (Object) 7), equalTo(7L));
    assertThat(Values.int64("customer_id", (Object) (-9L)), equalTo(-9L));
    assertThat(
        reason(() -> Values.int64("customer_id", new BigInteger("18446744073709551615"))),
        equalTo("customer_id: \"18446744073709551615\" is out of range for a 64-bit integer"));
    assertThat(Values.itemId("item_id", (Object) 5), equalTo(5));
    assertThat(Values.itemId("item_id", (Object) 12L), equalTo(12));
    assertThat(
        reason(() -> Values.itemId("item_id", (Object) 4_294_967_295L)),
        equalTo("item_id: \"4294967295\" is out of range for a 32-bit integer"));
    assertThat(
        reason(() -> Values.itemId("item_id", (Object) 0)),
        equalTo("item_id: 0 is not a valid item id (must be at least 1)"));
    assertThat(Values.day("dt", LocalDate.of(2025, 3, 10)), equalTo(Days.of("2025-03-10")));
    Instant time = Instant.parse("2025-03-10T08:00:00.123456789Z");
    assertThat(Values.dateTime("click_time", (Object) time), equalTo(time));
    assertThat(Values.text("ranking_id", (Object) 42L), equalTo("42"));
    assertThat(
        reason(() -> Values.text("ranking_id", (Object) "")), equalTo("ranking_id: is empty"));
  }

  @Test
  void typedItems_areCheckedLikeTheirJsonText() throws Exception {
    assertThat(
        Values.items(
            "impressions",
            List.of(
                new Values.ItemStruct(3, true),
                new Values.ItemStruct(BigInteger.valueOf(4), false))),
        equalTo(List.of(new Impression.Item(3, true), new Impression.Item(4, false))));
    assertThat(
        reason(
            () -> Values.items("impressions", Arrays.asList(new Values.ItemStruct(3, true), null))),
        equalTo("impressions[1]: expected an object with item_id and is_order"));
    assertThat(
        reason(() -> Values.items("impressions", List.of(new Values.ItemStruct(null, true)))),
        equalTo("impressions[0].item_id: null is not a 32-bit integer"));
    assertThat(
        reason(
            () -> Values.items("impressions", List.of(new Values.ItemStruct(2147483648L, true)))),
        equalTo("impressions[0].item_id: 2147483648 is not a 32-bit integer"));
    assertThat(
        reason(() -> Values.items("impressions", List.of(new Values.ItemStruct("x7", true)))),
        equalTo("impressions[0].item_id: \"x7\" is not a 32-bit integer"));
    assertThat(
        reason(() -> Values.items("impressions", List.of(new Values.ItemStruct(0, true)))),
        equalTo("impressions[0].item_id: 0 is not a valid item id (must be at least 1)"));
    assertThat(
        reason(() -> Values.items("impressions", List.of(new Values.ItemStruct(5, null)))),
        equalTo("impressions[0].is_order: null is not true or false"));
    // The same list as JSON text gives the same reasons.
    assertThat(
        reason(
            () -> Values.items("impressions", "[{\"item_id\": 2147483648, \"is_order\": true}]")),
        equalTo("impressions[0].item_id: 2147483648 is not a 32-bit integer"));
  }
}
