package dev.traininginputs.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.Impression;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON Lines records through the same parsers and value rules as CSV rows. */
class JsonRowTest {

  private static String rejection(RecordParser<?> parser, String line) {
    return assertThrows(InvalidValueException.class, () -> parser.parse(JsonRow.parse(line, null)))
        .getMessage();
  }

  @Test
  void typedAndTextValues_readAlike() throws Exception {
    String typed =
        "{\"dt\": \"2025-03-10\", \"ranking_id\": \"r1\", \"customer_id\": 7, \"extra\": {\"a\": 1},"
            + " \"impressions\": [{\"item_id\": 5, \"is_order\": true}]}";
    String text =
        "{\"impressions\": \"[{\\\"item_id\\\": 5, \\\"is_order\\\": true}]\", \"customer_id\":"
            + " \"7\", \"ranking_id\": \"r1\", \"dt\": \"dt=2025-03-10\"}";
    Impression expected =
        new Impression(Days.of("2025-03-10"), "r1", 7, List.of(new Impression.Item(5, true)));
    assertThat(new ImpressionParser().parse(JsonRow.parse(typed, null)), equalTo(expected));
    assertThat(new ImpressionParser().parse(JsonRow.parse(text, null)), equalTo(expected));

    Action click =
        ActionParser.CLICKS.parse(
            JsonRow.parse(
                "{\"dt\": \"2025-03-09\", \"customer_id\": -3, \"item_id\": \"11\","
                    + " \"click_time\": \"2025-03-09T10:00:00.5+01:00\"}",
                null));
    assertThat(click.itemId(), equalTo(11));
    assertThat(click.customerId(), equalTo(-3L));
    assertThat(click.type(), equalTo(ActionType.CLICK));
    assertThat(click.epochSecond(), equalTo(Days.of("2025-03-09") * 86_400L + 9 * 3600));
    assertThat(click.nano(), equalTo(500_000_000));
  }

  @Test
  void badValues_rejectTheRecordWithTheColumnAndTheReason() {
    String ok =
        "\"dt\": \"2025-03-09\", \"customer_id\": 3, \"click_time\": \"2025-03-09 10:00:00\"";
    assertThat(rejection(ActionParser.CLICKS, "{" + ok + "}"), equalTo("item_id: is missing"));
    assertThat(
        rejection(ActionParser.CLICKS, "{" + ok + ", \"item_id\": null}"),
        equalTo("item_id: is null"));
    assertThat(
        rejection(ActionParser.CLICKS, "{" + ok + ", \"item_id\": 1.5}"),
        equalTo(rejection(ActionParser.CLICKS, "{" + ok + ", \"item_id\": \"1.5\"}")));
    assertThat(
        rejection(ActionParser.CLICKS, "{" + ok + ", \"item_id\": 0}"),
        equalTo("item_id: 0 is not a valid item id (must be at least 1)"));
    assertThat(
        rejection(ActionParser.CLICKS, "{" + ok + ", \"item_id\": 2147483648}"),
        equalTo("item_id: \"2147483648\" is out of range for a 32-bit integer"));
    assertThat(
        rejection(ActionParser.CLICKS, "{" + ok + ", \"item_id\": true}"),
        equalTo("item_id: \"true\" is not an integer"));
  }

  @Test
  void aLineThatIsNotOneObject_isRejected() {
    assertThat(
        rejection(ActionParser.CLICKS, "[1, 2]"),
        equalTo("row: expected a JSON object, found array"));
    assertThat(
        rejection(ActionParser.CLICKS, "{\"dt\": \"2025-03-09\""),
        startsWith(
            "row: is not valid JSON (Unexpected end-of-input: expected close marker for Object"));
    assertThat(
        rejection(ActionParser.CLICKS, "{\"item_id\": 1, \"item_id\": 2}"),
        equalTo("row: is not valid JSON (Duplicate field 'item_id')"));
    assertThat(
        rejection(ActionParser.CLICKS, "{\"item_id\": 1} {\"item_id\": 2}"),
        equalTo(
            "row: is not valid JSON (Trailing token (of type START_OBJECT) found after value"
                + " (bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
                + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`)"));
  }

  @Test
  void theDayComesFromThePartitionFolderWhenThereIsOne() throws Exception {
    JsonRow row = JsonRow.parse("{\"dt\": \"2025-03-01\", \"x\": 1}", "dt=2025-03-10");
    assertThat(row.day("dt"), equalTo(Days.of("2025-03-10")));
    assertThat(row.dayMismatch(), equalTo(true));
    JsonRow without = JsonRow.parse("{\"x\": 1}", "dt=2025-03-10");
    assertThat(without.day("dt"), equalTo(Days.of("2025-03-10")));
    assertThat(without.dayMismatch(), equalTo(false));
  }
}
