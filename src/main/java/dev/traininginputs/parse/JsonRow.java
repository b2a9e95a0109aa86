package dev.traininginputs.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of a JSON Lines file (what Kafka sinks write): an object whose fields are the columns.
 * Values are handed over as text: a number or a boolean as written ({@code 42}, {@code 1.5}, so
 * that the same rule as for CSV text accepts or rejects it), an array or object (the {@code
 * impressions}) as its JSON text; a missing field or a null is rejected.
 */
public final class JsonRow extends RecordView {
  private final JsonNode object;

  private JsonRow(JsonNode object, String partition) {
    super(partition);
    this.object = object;
  }

  /** Parses a line; a line that is not one JSON object rejects the record. */
  public static JsonRow parse(String line, String partition) throws InvalidValueException {
    JsonNode node;
    try {
      node = Values.JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidValueException("row", "is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidValueException(
          "row",
          "expected a JSON object, found "
              + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
    }
    return new JsonRow(node, partition);
  }

  @Override
  protected String value(String column) throws InvalidValueException {
    JsonNode value = object.get(column);
    if (value == null) {
      throw new InvalidValueException(column, "is missing");
    }
    if (value.isNull()) {
      throw new InvalidValueException(column, "is null");
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  @Override
  protected boolean has(String column) {
    JsonNode value = object.get(column);
    return value != null && !value.isNull();
  }
}
