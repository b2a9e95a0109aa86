package dev.traininginputs.model;

/**
 * The kind of a customer action. The code is what the model reads in {@code action_types}; 0 is
 * reserved for padding. A higher code wins a tie in history order (order over cart over click).
 */
public enum ActionType {
  CLICK(1, "click"),
  ADD_TO_CART(2, "add to cart"),
  ORDER(3, "order");

  private static final ActionType[] BY_CODE = {null, CLICK, ADD_TO_CART, ORDER};

  /** How many codes {@code action_types} holds: 0 (padding) and one per type. */
  public static final int CODES = BY_CODE.length;

  private final int code;
  private final String label;

  ActionType(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** What a code of {@code action_types} means, for people: padding, click, add to cart, order. */
  public static String describe(int code) {
    return code == 0 ? "padding" : fromCode(code).label;
  }

  public int code() {
    return code;
  }

  public static ActionType fromCode(int code) {
    if (code < 1 || code >= BY_CODE.length) {
      throw new IllegalArgumentException("no action type with code " + code);
    }
    return BY_CODE[code];
  }
}
