package dev.traininginputs.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.traininginputs.model.Impression;
import dev.traininginputs.model.Source;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Parses impressions rows. The {@code impressions} cell is a JSON array of {@code {"item_id":
 * <int>, "is_order": <bool>}}; types are checked strictly (a quoted number or a 0/1 flag is
 * rejected, not coerced), duplicate keys and trailing text are errors, extra keys are ignored.
 */
public final class ImpressionParser implements RecordParser<Impression> {
  private static final String COLUMN = "impressions";

  @Override
  public TypeDescriptor<Impression> outputType() {
    return TypeDescriptor.of(Impression.class);
  }

  @Override
  public Source source() {
    return Source.IMPRESSIONS;
  }

  @Override
  public Impression parse(RecordView row) throws InvalidValueException {
    int day = row.day("dt");
    String rankingId = Values.required("ranking_id", row.get("ranking_id"));
    long customerId = Values.int64("customer_id", row.get("customer_id"));
    List<Impression.Item> items = items(Values.required(COLUMN, row.get(COLUMN)));
    return new Impression(day, rankingId, customerId, items);
  }

  /** The items of an {@code impressions} cell, or why it has none. */
  public static List<Impression.Item> items(String json) throws InvalidValueException {
    JsonNode array;
    try {
      array = JsonRow.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidValueException(COLUMN, "is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (!array.isArray()) {
      throw new InvalidValueException(
          COLUMN, "expected a JSON array, found " + array.getNodeType().toString().toLowerCase());
    }
    List<Impression.Item> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      String at = COLUMN + "[" + i + "]";
      if (!element.isObject()) {
        throw new InvalidValueException(at, "expected an object with item_id and is_order");
      }
      items.add(
          new Impression.Item(
              itemId(at, element.get("item_id")), isOrder(at, element.get("is_order"))));
    }
    return items;
  }

  private static int itemId(String at, JsonNode node) throws InvalidValueException {
    String column = at + ".item_id";
    if (node == null) {
      throw new InvalidValueException(column, "is missing");
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new InvalidValueException(column, node + " is not a 32-bit integer");
    }
    return Values.checkItemId(column, node.intValue());
  }

  private static boolean isOrder(String at, JsonNode node) throws InvalidValueException {
    String column = at + ".is_order";
    if (node == null) {
      throw new InvalidValueException(column, "is missing");
    }
    if (!node.isBoolean()) {
      throw new InvalidValueException(column, node + " is not true or false");
    }
    return node.booleanValue();
  }
}
