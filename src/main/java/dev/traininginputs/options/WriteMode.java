package dev.traininginputs.options;

/** What a run does with output days that already exist (SPEC §4). */
public enum WriteMode {
  /** Replace the {@code dt=} folders this run writes; leave the other days in place. */
  OVERWRITE,
  /** Refuse to start when the output holds any day this run writes. */
  ERRORIFEXISTS,
  /** Add files beside the ones already there. */
  APPEND;

  public static WriteMode parse(String text) {
    return Choices.parse(WriteMode.class, "writeMode", "a write mode", text);
  }

  @Override
  public String toString() {
    return Choices.name(this);
  }
}
