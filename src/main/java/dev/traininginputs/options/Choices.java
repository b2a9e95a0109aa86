package dev.traininginputs.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads an option whose value is one of an enum's constants, written in lower case. */
final class Choices {
  private Choices() {}

  /**
   * The constant of {@code type} named {@code text}, ignoring case; refuses any other value, naming
   * the option, what it expects ({@code noun}) and every accepted value.
   */
  static <E extends Enum<E>> E parse(Class<E> type, String option, String noun, String text) {
    E[] constants = type.getEnumConstants();
    for (E constant : constants) {
      if (constant.name().equalsIgnoreCase(text)) {
        return constant;
      }
    }
    throw new RunRefusedException(
        "--"
            + option
            + "="
            + text
            + " is not "
            + noun
            + " (expected one of "
            + Arrays.stream(constants).map(Choices::name).collect(Collectors.joining(", "))
            + ")");
  }

  /** How a constant is written on the command line and in messages. */
  static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
