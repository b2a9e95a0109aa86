package dev.traininginputs.options;

/** How the history lists are ordered and padded (SPEC §4, {@code --padding}). */
public enum Padding {
  /** Newest first, zeros after, length N. */
  RIGHT,
  /** Oldest first, zeros before, length N: the newest action is always at index N - 1. */
  LEFT,
  /** Newest first, no zeros: lists as long as the history. */
  NONE;

  public static Padding parse(String text) {
    return Choices.parse(Padding.class, "padding", "a padding", text);
  }

  @Override
  public String toString() {
    return Choices.name(this);
  }
}
