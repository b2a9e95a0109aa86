package dev.traininginputs.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.traininginputs.parse.InvalidValueException;
import dev.traininginputs.parse.RecordView;
import dev.traininginputs.parse.Values;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * One Parquet row as the parsers see it: the typed values {@link ParquetColumns} read, by column (a
 * {@code null} for a null); and, for a rejected record, the row as one line of JSON.
 */
final class ParquetRecord extends RecordView {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, Object> values;

  ParquetRecord(Map<String, Object> values, String partition) {
    super(partition);
    this.values = values;
  }

  @Override
  protected Object value(String column) throws InvalidValueException {
    if (!values.containsKey(column)) {
      throw new InvalidValueException(column, "is missing");
    }
    Object value = values.get(column);
    if (value == null) {
      throw new InvalidValueException(column, "is null");
    }
    return value;
  }

  @Override
  protected boolean has(String column) {
    return values.get(column) != null;
  }

  /** The row as a JSON object of its columns: numbers as numbers, days and times as ISO text. */
  String json() {
    ObjectNode row = NODES.objectNode();
    values.forEach((column, value) -> row.set(column, node(value)));
    return row.toString();
  }

  private static JsonNode node(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof BigInteger b) {
      return NODES.numberNode(b);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Values.ItemStruct item) {
      ObjectNode element = NODES.objectNode();
      element.set("item_id", node(item.itemId()));
      element.set("is_order", node(item.isOrder()));
      return element;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(element -> array.add(node(element)));
      return array;
    }
    return NODES.textNode(value.toString());
  }
}
