package dev.traininginputs.model;

/**
 * The kind of a customer action. The code is what the model reads in {@code action_types}; 0 is
 * reserved for padding. A higher code wins a tie in history order (order over cart over click).
 */
public enum ActionType {
  CLICK(1),
  ADD_TO_CART(2),
  ORDER(3);

  private static final ActionType[] BY_CODE = {null, CLICK, ADD_TO_CART, ORDER};

  private final int code;

  ActionType(int code) {
    this.code = code;
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
