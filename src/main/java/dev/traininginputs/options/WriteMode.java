package dev.traininginputs.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a run does with output days that already exist (SPEC §4). */
public enum WriteMode {
  /** Replace the {@code dt=} folders this run writes; leave the other days in place. */
  OVERWRITE,
  /** Refuse to start when the output holds any day this run writes. */
  ERRORIFEXISTS,
  /** Add files beside the ones already there. */
  APPEND;

  public static WriteMode parse(String text) {
    for (WriteMode mode : values()) {
      if (mode.name().equalsIgnoreCase(text)) {
        return mode;
      }
    }
    throw new RunRefusedException(
        "--writeMode="
            + text
            + " is not a write mode (expected one of "
            + Arrays.stream(values()).map(WriteMode::toString).collect(Collectors.joining(", "))
            + ")");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
