package dev.traininginputs.parse;

import static dev.traininginputs.TestData.action;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.model.ActionType;
import org.junit.jupiter.api.Test;

class ActionParserTest {

  @Test
  void clicks_takeItemIdAndClickTime() throws Exception {
    CsvHeader header = CsvHeader.parse("click_time,item_id,customer_id,dt");
    assertThat(
        ActionParser.CLICKS.parse(header.row("2025-03-09 23:59:30,11,-7,dt=2025-03-10")),
        equalTo(action(-7, ActionType.CLICK, 11, "2025-03-10", "2025-03-09T23:59:30")));
  }

  @Test
  void addToCarts_takeConfigIdAndOccurredAtAndIgnoreSimpleId() throws Exception {
    CsvHeader header = CsvHeader.parse("customer_id,dt,simple_id,config_id,occurred_at");
    assertThat(
        ActionParser.ADD_TO_CARTS.parse(
            header.row("7,2025-03-08,not-a-number,17,2025-03-08T22:15:00+02:00")),
        equalTo(action(7, ActionType.ADD_TO_CART, 17, "2025-03-08", "2025-03-08T20:15:00")));
  }

  @Test
  void previousOrders_happenAtMidnightUtcOfTheirOrderDate() throws Exception {
    CsvHeader header = CsvHeader.parse("order_date,customer_id,config_id");
    assertThat(
        ActionParser.PREVIOUS_ORDERS.parse(header.row("2025-03-05,7,18")),
        equalTo(action(7, ActionType.ORDER, 18, "2025-03-05", "2025-03-05T00:00:00")));
  }

  @Test
  void parse_namesTheSourceColumnInTheReason() throws Exception {
    CsvHeader header = CsvHeader.parse("order_date,customer_id,config_id");
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () -> ActionParser.PREVIOUS_ORDERS.parse(header.row("2025-03-05,7,0")));
    assertThat(e.getMessage(), equalTo("config_id: 0 is not a valid item id (must be at least 1)"));
  }
}
