package dev.traininginputs.parse;

/**
 * Thrown by the parsers when a line cannot become a record. Carries the column and a reason a
 * person understands; its message ({@code click_time: "2024-02-10 25:00:00" is not a date-time}) is
 * what the rejected record shows.
 */
public final class InvalidValueException extends Exception {
  private final String column;
  private final String reason;

  public InvalidValueException(String column, String reason) {
    super(column + ": " + reason, null, false, false);
    this.column = column;
    this.reason = reason;
  }

  /** The column at fault, or {@code "row"} when the line as a whole is malformed. */
  public String column() {
    return column;
  }

  public String reason() {
    return reason;
  }
}
