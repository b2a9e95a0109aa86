package dev.traininginputs.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.model.Days;
import dev.traininginputs.model.Impression;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpressionParserTest {
  private static final String HEADER = "customer_id,impressions,dt,ranking_id,extra";
  private final ImpressionParser parser = new ImpressionParser();

  private Impression parse(String line) throws Exception {
    return parser.parse(CsvHeader.parse(HEADER).row(line));
  }

  private String reason(String line) {
    return assertThrows(InvalidValueException.class, () -> parse(line)).getMessage();
  }

  @Test
  void parse_readsEveryFieldByName() throws Exception {
    Impression impression =
        parse(
            "42,\"[{\"\"item_id\"\": 7, \"\"is_order\"\": false}, {\"\"is_order\"\": true, \"\"item_id\"\": 9, \"\"x\"\": 1}]\","
                + "dt=2025-03-10,\"r,1\",ignored");
    assertThat(
        impression,
        equalTo(
            new Impression(
                Days.of("2025-03-10"),
                "r,1",
                42,
                List.of(new Impression.Item(7, false), new Impression.Item(9, true)))));
  }

  @Test
  void parse_acceptsAnEmptyArray() throws Exception {
    assertThat(parse("42,[],2025-03-10,r1,").items(), empty());
  }

  @Test
  void parse_rejectsAnEmptyRankingId() {
    assertThat(reason("42,[],2025-03-10,,x"), equalTo("ranking_id: is empty"));
  }

  @Test
  void parse_rejectsAnEmptyImpressionsCell() {
    assertThat(reason("42,,2025-03-10,r1,x"), equalTo("impressions: is empty"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[{\"item_id\": 7, \"is_order\": false}                  | impressions: is not valid JSON",
        "{\"item_id\": 7, \"is_order\": false}                   | impressions: expected a JSON array, found object",
        "[{\"item_id\": 7, \"is_order\": false}] x               | impressions: is not valid JSON",
        "[7]                                                     | impressions[0]: expected an object with item_id and is_order",
        "[{\"is_order\": false}]                                 | impressions[0].item_id: is missing",
        "[{\"item_id\": 7}]                                      | impressions[0].is_order: is missing",
        "[{\"item_id\": \"7\", \"is_order\": false}]             | impressions[0].item_id: \"7\" is not a 32-bit integer",
        "[{\"item_id\": 7.5, \"is_order\": false}]               | impressions[0].item_id: 7.5 is not a 32-bit integer",
        "[{\"item_id\": 2147483648, \"is_order\": false}]        | impressions[0].item_id: 2147483648 is not a 32-bit integer",
        "[{\"item_id\": 0, \"is_order\": false}]                 | impressions[0].item_id: 0 is not a valid item id (must be at least 1)",
        "[{\"item_id\": 1, \"is_order\": false}, {\"item_id\": 2, \"is_order\": 1}] | impressions[1].is_order: 1 is not true or false",
        "[{\"item_id\": 1, \"item_id\": 2, \"is_order\": true}]  | impressions: is not valid JSON"
      })
  void parse_rejectsBrokenOrWronglyTypedJson(String json, String expectedReason) {
    String line = "42,\"" + json.replace("\"", "\"\"") + "\",2025-03-10,r1,x";
    assertThat(reason(line), startsWith(expectedReason));
  }
}
