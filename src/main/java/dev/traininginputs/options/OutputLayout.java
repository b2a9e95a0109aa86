package dev.traininginputs.options;

/** How training examples are laid out in rows (SPEC §4, {@code --layout}). */
public enum OutputLayout {
  /** One row per impressed item, each with the customer's history. */
  EXPLODED,
  /** One row per impression row with at least one item: its items and labels as lists. */
  GROUPED;

  public static OutputLayout parse(String text) {
    return Choices.parse(OutputLayout.class, "layout", "a layout", text);
  }

  @Override
  public String toString() {
    return Choices.name(this);
  }
}
